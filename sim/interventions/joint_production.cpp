// joint_production (design §2.4): co-producers from each side work together
// in mixed teams (a programme whose setting has a common goal and
// cooperation), then the finished work reaches an audience for
// `release_steps` steps as a co-owned message: slant and credibility as
// declared, the same on both sides. A round pays for the whole release up
// front: its exposures are drawn when the round is prepared (the draws are
// keyed by step and agent, so airing them later gives the same ones).
#include <optional>

#include "interventions/draws.hpp"
#include "interventions/messages.hpp"
#include "interventions/programme.hpp"
#include "interventions/types.hpp"

namespace detente::interventions {
namespace {

template <class Real>
class JointProduction final : public Programme<Real> {
 public:
  void take_state(const Intervention<Real>& from) override {
    *this = static_cast<const JointProduction&>(from);
  }
  JointProduction(const Setup& setup, const scenario::JointProduction& p)
      : Programme<Real>(setup, TeamSpec{p.team_size, p.tie_strength, 0, 0.3}, p.conditions,
                        p.duration, p.cohort, p.reunions),
        params_(p),
        media_(setup.scenario->dynamics.media),
        audience_(audience_mask(*setup.scenario, p.audience)) {}

  Plan prepare(const View<Real>& world) override {
    Plan plan = Programme<Real>::prepare(world);
    if (!viewers_)
      viewers_ = followers(audience_, params_.reach, world.people.group, world.rng, this->key());
    const std::int64_t from = world.step + params_.duration;
    for (std::int64_t t = from; t < from + params_.release_steps; ++t)
      plan.exposures +=
          exposed(*viewers_, params_.exposure, world.rng, this->key(), t, release_draw(world.step))
              .size();
    return plan;
  }

  void carry_on(const View<Real>& world, Changes<Real>& changes) override {
    Programme<Real>::carry_on(world, changes);
    for (const Release& r : releases_) {
      if (world.step < r.from || world.step >= r.from + params_.release_steps) continue;
      const auto shown = exposed(*viewers_, params_.exposure, world.rng, this->key(), world.step,
                                 release_draw(r.round));
      for (const Exposure& e : shown)
        if (deliver(media_, params_.slant, params_.credibility, changes.attitudes, e))
          changes.media.count_backlash(world.people.group[e.agent]);
      this->count_exposures(shown.size());
    }
    std::erase_if(releases_, [&](const Release& r) {
      return world.step + 1 >= r.from + params_.release_steps;
    });
  }

 private:
  struct Release {
    std::int64_t round;  // the step the production began
    std::int64_t from;   // first step on show
  };

  static std::uint32_t release_draw(std::int64_t round) {
    return kDrawRelease + static_cast<std::uint32_t>(round % 128);
  }

  void graduate(const typename Programme<Real>::Cohort& cohort, const View<Real>& /*world*/,
                Changes<Real>& /*changes*/) override {
    if (params_.release_steps > 0) releases_.push_back({cohort.began, cohort.ends});
  }

  scenario::JointProduction params_;
  scenario::MediaRule media_;
  std::uint32_t audience_;
  std::optional<std::vector<AgentId>> viewers_;
  std::vector<Release> releases_;
};

}  // namespace

template <class Real>
std::unique_ptr<Intervention<Real>> make_joint_production(const Setup& setup) {
  return std::make_unique<JointProduction<Real>>(
      setup, std::get<scenario::JointProduction>(setup.spec->params));
}

template std::unique_ptr<Intervention<float>> make_joint_production<float>(const Setup&);
template std::unique_ptr<Intervention<double>> make_joint_production<double>(const Setup&);

}  // namespace detente::interventions

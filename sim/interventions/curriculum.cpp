// curriculum (design §2.4): joint history, language or media-literacy
// teaching. Each round draws `coverage` of each targeted group's eligible
// agents (set target.roles, e.g. [student]) who have not been taught before,
// and teaches them for `duration` steps. Every teaching step:
//   literacy       += literacy_gain·(1 − literacy)
//   susceptibility += susceptibility_gain·(1 − susceptibility)
//   anchor[h]      += anchor_gain·(anchor_target − anchor[h])   (each out-group)
//   disposition[h] likewise
// Literacy discounts hostile media (rules/media.hpp); the anchor is the
// settled attitude influence pulls back to, and the disposition what that
// settles back to over years (rules/consolidation.hpp): teaching the young is
// where lasting dispositions form, so curricula are the one programme that
// moves them.
//
// With population turnover (rules/turnover.hpp) the school is also where
// newcomers are made: a newcomer's disposition mixes the family's trust with
// the students' dispositions, which this teaching moves; and a place whose
// pupil has left holds someone untaught, whom a later round can reach (a
// pupil who leaves mid-year stops being taught: the newcomer was not in that
// class).
#include <limits>

#include "interventions/targeting.hpp"
#include "interventions/types.hpp"

namespace detente::interventions {
namespace {

template <class Real>
class Curriculum final : public Intervention<Real> {
 public:
  void take_state(const Intervention<Real>& from) override {
    *this = static_cast<const Curriculum&>(from);
  }
  Curriculum(const Setup& setup, const scenario::Curriculum& p)
      : Intervention<Real>(setup.spec->name),
        params_(p),
        key_(stream_key(setup.spec->name)),
        selector_(setup.spec->target, *setup.scenario, setup.role_names) {}

  Plan prepare(const View<Real>& world) override {
    // Taught: the place's occupant arrived before it was taught.
    taken_.assign(world.people.size(), 0);
    if (!taught_at_.empty())
      for (std::size_t i = 0; i < taken_.size(); ++i)
        taken_[i] = taught_at_[i] != kNever &&
                    world.roster.arrived(static_cast<AgentId>(i)) < taught_at_[i];
    chosen_.clear();
    for (const std::size_t g : selector_.groups()) {
      const auto some = selector_.choose(g, Amount::share_of(params_.coverage), world.people,
                                         world.network, world.rng, key_, world.step, taken_);
      chosen_.insert(chosen_.end(), some.begin(), some.end());
    }
    return Plan{chosen_.size(), 0};
  }

  void act(const View<Real>& world, Changes<Real>& changes) override {
    if (taught_at_.empty()) taught_at_.assign(world.people.size(), kNever);
    for (const AgentId i : chosen_) {
      taught_at_[i] = world.step;
      changes.roster.took_part(i);
    }
    classes_.push_back({world.step, world.step + params_.duration, chosen_});
    teach(classes_.back(), world.roster, changes.attitudes);
  }

  void carry_on(const View<Real>& world, Changes<Real>& changes) override {
    std::erase_if(classes_, [&](const Class& c) { return c.ends <= world.step; });
    for (const Class& c : classes_)
      teach(c, world.roster, changes.attitudes);
  }

 private:
  static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min();

  struct Class {
    std::int64_t begins;
    std::int64_t ends;
    std::vector<AgentId> pupils;
  };

  void teach(const Class& c, const Roster& roster, Attitudes<Real>& attitudes) const {
    const auto toward = [](Real& value, double target, double rate) {
      value = static_cast<Real>(value + rate * (target - value));
    };
    const auto& population = attitudes.people();
    for (const AgentId i : c.pupils) {
      if (roster.arrived(i) >= c.begins) continue;  // the pupil left; the newcomer is untaught
      toward(attitudes.literacy(i), 1.0, params_.literacy_gain);
      toward(attitudes.susceptibility(i), 1.0, params_.susceptibility_gain);
      for (std::size_t h = 0; h < population.groups(); ++h)
        if (h != population.group[i]) {
          toward(attitudes.anchor(h, i), params_.anchor_target, params_.anchor_gain);
          toward(attitudes.disposition(h, i), params_.anchor_target, params_.anchor_gain);
        }
    }
  }

  scenario::Curriculum params_;
  std::uint32_t key_;
  Selector selector_;
  std::vector<std::int64_t> taught_at_;  // per place: the step its pupil was taught, or kNever
  std::vector<std::uint8_t> taken_;      // per place, this round: its occupant was taught
  std::vector<AgentId> chosen_;
  std::vector<Class> classes_;
};

}  // namespace

template <class Real>
std::unique_ptr<Intervention<Real>> make_curriculum(const Setup& setup) {
  return std::make_unique<Curriculum<Real>>(setup,
                                            std::get<scenario::Curriculum>(setup.spec->params));
}

template std::unique_ptr<Intervention<float>> make_curriculum<float>(const Setup&);
template std::unique_ptr<Intervention<double>> make_curriculum<double>(const Setup&);

}  // namespace detente::interventions

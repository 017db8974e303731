// governance (design §2.4): the convener's own practices, run and paid like
// a programme so that they cost money, take time and can fail.
//  - A paid round funds the practices for `every` steps. While funded, and
//    from `lead_time` steps after the first paid round, each practice
//    (rotating leadership, shared reporting) moves everyone's trust in the
//    convener practice_gain of the way to 1 per step. When the budget stops
//    the rounds, the practices lapse.
//  - Each round after the first publishes a peer review of the cycle before
//    (peer_review): one draw for everyone, since a published review is one
//    event. With chance review_fault it reports a fault and everyone loses
//    fault_loss of their trust in the convener; otherwise trust moves
//    review_gain of the way to 1. The same on every side: governance does not
//    choose whom it reaches.
#include "interventions/draws.hpp"
#include "interventions/types.hpp"

namespace detente::interventions {
namespace {

template <class Real>
class Governance final : public Intervention<Real> {
 public:
  void take_state(const Intervention<Real>& from) override {
    *this = static_cast<const Governance&>(from);
  }
  Governance(const Setup& setup, const scenario::Governance& p)
      : Intervention<Real>(setup.spec->name),
        params_(p),
        key_(stream_key(setup.spec->name)),
        every_(setup.spec->every) {}

  void carry_on(const View<Real>& world, Changes<Real>& changes) override {
    if (world.step > funded_until_ || world.step < seen_from_) return;
    const double gain = practices_gain();
    if (gain > 0.0) move_toward_one(changes.attitudes, gain);
  }

  Plan prepare(const View<Real>& /*world*/) override { return Plan{0, 0}; }

  void act(const View<Real>& world, Changes<Real>& changes) override {
    if (rounds_ == 0) seen_from_ = world.step + params_.lead_time;
    if (rounds_ > 0 && params_.peer_review) publish_review(world, changes.attitudes);
    ++rounds_;
    funded_until_ = world.step + every_ - 1;
    // The round's own step counts as funded: carry_on ran before it was paid.
    carry_on(world, changes);
  }

 private:
  double practices_gain() const {
    double keep = 1.0;  // share of the distance to 1 that remains
    if (params_.rotating_leadership) keep *= 1.0 - params_.practice_gain;
    if (params_.shared_reporting) keep *= 1.0 - params_.practice_gain;
    return 1.0 - keep;
  }

  void publish_review(const View<Real>& world, Attitudes<Real>& attitudes) const {
    const float u = world.rng.uniforms(Purpose::intervention, key_,
                                       static_cast<std::uint64_t>(world.step), 0, kDrawReview)[0];
    if (u < params_.review_fault) {
      const double keep = 1.0 - params_.fault_loss;
      for (AgentId i = 0; i < attitudes.people().size(); ++i) {
        Real& trust = attitudes.convener_trust(i);
        trust = static_cast<Real>(trust * keep);
      }
    } else {
      move_toward_one(attitudes, params_.review_gain);
    }
  }

  static void move_toward_one(Attitudes<Real>& attitudes, double gain) {
    for (AgentId i = 0; i < attitudes.people().size(); ++i) {
      Real& trust = attitudes.convener_trust(i);
      trust = static_cast<Real>(trust + gain * (1.0 - trust));
    }
  }

  scenario::Governance params_;
  std::uint32_t key_;
  std::int64_t every_;
  std::int64_t rounds_ = 0;
  std::int64_t funded_until_ = -1;
  std::int64_t seen_from_ = 0;
};

}  // namespace

template <class Real>
std::unique_ptr<Intervention<Real>> make_governance(const Setup& setup) {
  return std::make_unique<Governance<Real>>(setup,
                                            std::get<scenario::Governance>(setup.spec->params));
}

template std::unique_ptr<Intervention<float>> make_governance<float>(const Setup&);
template std::unique_ptr<Intervention<double>> make_governance<double>(const Setup&);

}  // namespace detente::interventions

// coordination (design §2.4): regional coordinators and follow-ups for the
// alumni of other programmes (`programmes`, or every one).
//  - While it runs (from a funded round until `every` steps after it), the
//    ties of those programmes fade by only (1 − decay_reduction) of the usual
//    tie_decay (SettingBook::decay_factor, read by the engine's tie ageing).
//  - Each round is a follow-up: those ties move `renew` of the way back to
//    full strength. Its participants, for costs, are the alumni whose ties it
//    renews.
#include <algorithm>

#include "interventions/types.hpp"

namespace detente::interventions {
namespace {

template <class Real>
class Coordination final : public Intervention<Real> {
 public:
  void take_state(const Intervention<Real>& from) override {
    *this = static_cast<const Coordination&>(from);
  }
  Coordination(const Setup& setup, const scenario::Coordination& p)
      : Intervention<Real>(setup.spec->name), params_(p), every_(setup.spec->every) {
    const auto& all = setup.scenario->interventions;
    cared_.assign(all.size(), 0);
    for (std::size_t k = 0; k < all.size(); ++k)
      cared_[k] = k != setup.index &&
                  (p.programmes.empty() || std::find(p.programmes.begin(), p.programmes.end(),
                                                     all[k].name) != p.programmes.end());
  }

  void carry_on(const View<Real>& world, Changes<Real>& changes) override {
    if (world.step <= in_service_until_) slow_decay(changes.programmes);
  }

  Plan prepare(const View<Real>& world) override {
    const CrossTies& ties = world.ties;
    std::vector<std::uint8_t> seen(world.people.size(), 0);
    std::uint64_t alumni = 0;
    for (std::size_t e = ties.static_count; e < ties.size(); ++e) {
      if (!owned_by(world.book, cared_, ties.setting[e])) continue;
      for (const AgentId i : {ties.a[e], ties.b[e]})
        if (seen[i] == 0) {
          seen[i] = 1;
          ++alumni;
        }
    }
    return Plan{alumni, 0};
  }

  void act(const View<Real>& world, Changes<Real>& changes) override {
    changes.programmes.renew_ties(cared_, params_.renew);
    in_service_until_ = world.step + every_ - 1;
    slow_decay(changes.programmes);
  }

 private:
  void slow_decay(ProgrammeLayer& programmes) const {
    programmes.slow_decay(cared_, static_cast<float>(1.0 - params_.decay_reduction));
  }

  scenario::Coordination params_;
  std::int64_t every_;
  std::vector<std::uint8_t> cared_;  // per intervention of the scenario
  std::int64_t in_service_until_ = -1;
};

}  // namespace

template <class Real>
std::unique_ptr<Intervention<Real>> make_coordination(const Setup& setup) {
  return std::make_unique<Coordination<Real>>(setup,
                                              std::get<scenario::Coordination>(setup.spec->params));
}

template std::unique_ptr<Intervention<float>> make_coordination<float>(const Setup&);
template std::unique_ptr<Intervention<double>> make_coordination<double>(const Setup&);

}  // namespace detente::interventions

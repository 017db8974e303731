// Tie ageing (design §2.2, rules/tie_ageing.hpp): programme ties fade by
// tie_decay (less where coordination slows it) unless contact renews them,
// and are dropped under tie_floor; the tie summary follows.
#include "rules/tie_ageing.hpp"
#include "engine/phases/phases.hpp"

namespace detente::engine {
namespace {

template <class Real>
class TieAgeingPhase final : public Phase<Real> {
 public:
  explicit TieAgeingPhase(const PhaseSetup& setup)
      : Phase<Real>({"tie ageing", Part::ties | Part::settings, Part::ties | Part::tie_summary}),
        params_(setup.scenario.dynamics.contact) {}

  void run(World<Real>& w, const rules::StepContext& /*step*/) override {
    if (w.ties.size() == w.ties.static_count) return;  // the social layer does not age
    if (rules::age_programme_ties(params_, w.book.decay_factor, w.ties))
      w.ties.rebuild_incidence(w.population.size());
    w.summarise_ties();
  }

 private:
  const scenario::Contact& params_;
};

}  // namespace

template <class Real>
std::unique_ptr<Phase<Real>> tie_ageing_phase(const PhaseSetup& setup) {
  return std::make_unique<TieAgeingPhase<Real>>(setup);
}

template std::unique_ptr<Phase<float>> tie_ageing_phase<float>(const PhaseSetup&);
template std::unique_ptr<Phase<double>> tie_ageing_phase<double>(const PhaseSetup&);

}  // namespace detente::engine

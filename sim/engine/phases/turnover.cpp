// Population turnover (design §2.3, rules/turnover.hpp): people leave and
// young adults take their places, socialised by family and school. The
// newcomer keeps the place in the within-group network (the family,
// neighbourhood and workplace outlive their members, and rebuilding the
// network would change everyone's neighbours) and its role, and starts
// without the leaver's programme history and friendships across the line.
#include <stdexcept>

#include "engine/phases/phases.hpp"
#include "rules/turnover.hpp"

namespace detente::engine {
namespace {

template <class Real>
class TurnoverPhase final : public Phase<Real> {
 public:
  explicit TurnoverPhase(const PhaseSetup& setup)
      : Phase<Real>({"turnover",
                     Part::trust | Part::anchors | Part::dispositions | Part::ties | Part::roster |
                         Part::norms,
                     Part::trust | Part::anchors | Part::traits | Part::dispositions | Part::ties |
                         Part::tie_summary | Part::roster | Part::norms}),
        scenario_(setup.scenario),
        params_(setup.scenario.dynamics.turnover) {
    if (!params_.enabled || params_.rate <= 0.0) return;
    const auto steps = scenario::steps_per_year(scenario_.step_unit);
    // The loader refuses this (checks_dynamics.cpp); a scenario built in code may not.
    if (!steps)
      throw std::invalid_argument("turnover: step_unit '" + scenario_.step_unit +
                                  "' is not a unit of time, so a yearly rate cannot be converted");
    chance_ = rules::leave_chance(params_.rate, *steps);
  }

  void run(World<Real>& w, const rules::StepContext& step) override {
    if (chance_ <= 0.0) return;
    const auto leavers = rules::choose_leavers(chance_, w.population.size(), *step.rng, step.step);
    if (leavers.empty()) return;
    const auto newcomers = rules::socialise(params_, scenario_.population, w.population, w.network,
                                            leavers, *step.rng, step.step);
    rules::place_newcomers<Real>(newcomers, w.population);
    for (const AgentId i : leavers)
      w.roster.replaced(i, step.step);
    const auto strength = static_cast<float>(scenario_.network.between.strength);
    if (rules::forget_cross_ties(leavers, strength, w.ties))
      w.ties.rebuild_incidence(w.population.size());
    w.summarise_ties();
  }

 private:
  const scenario::Scenario& scenario_;
  const scenario::Turnover& params_;
  double chance_ = 0.0;
};

}  // namespace

template <class Real>
std::unique_ptr<Phase<Real>> turnover_phase(const PhaseSetup& setup) {
  return std::make_unique<TurnoverPhase<Real>>(setup);
}

template std::unique_ptr<Phase<float>> turnover_phase<float>(const PhaseSetup&);
template std::unique_ptr<Phase<double>> turnover_phase<double>(const PhaseSetup&);

}  // namespace detente::engine

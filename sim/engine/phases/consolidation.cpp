// Consolidation (design §2.3 rule 4, rules/consolidation.hpp): what lasted
// becomes the new normal. Anchors are read only by influence, earlier in the
// step, so they are updated in place.
#include "rules/consolidation.hpp"
#include "engine/phases/phases.hpp"

namespace detente::engine {
namespace {

template <class Real>
class ConsolidationPhase final : public Phase<Real> {
 public:
  explicit ConsolidationPhase(const PhaseSetup& setup)
      : Phase<Real>({"consolidation", Part::trust | Part::anchors, parts(Part::anchors)}),
        params_(setup.scenario.dynamics.consolidation) {}

  void run(World<Real>& w, const rules::StepContext& /*step*/) override {
    if (params_.enabled) rules::apply_consolidation(params_, w.population);
  }

 private:
  const scenario::Consolidation& params_;
};

}  // namespace

template <class Real>
std::unique_ptr<Phase<Real>> consolidation_phase(const PhaseSetup& setup) {
  return std::make_unique<ConsolidationPhase<Real>>(setup);
}

template std::unique_ptr<Phase<float>> consolidation_phase<float>(const PhaseSetup&);
template std::unique_ptr<Phase<double>> consolidation_phase<double>(const PhaseSetup&);

}  // namespace detente::engine

// Perceived norms and complex contagion (dynamics.norms, rules/norms.hpp):
// people read what their own group says about the other, believe the group
// is as warm as it sounds, and once enough of it sounds warm, warm up
// themselves. The perceived norms are double-buffered like trust.
#include "rules/norms.hpp"
#include "engine/phases/phases.hpp"

namespace detente::engine {
namespace {

template <class Real>
class NormsPhase final : public Phase<Real> {
 public:
  explicit NormsPhase(const PhaseSetup& setup)
      : Phase<Real>({"norms", Part::trust | Part::norms, Part::trust | Part::norms}),
        params_(setup.scenario.dynamics.norms) {}

  void run(World<Real>& w, const rules::StepContext& /*step*/) override {
    if (!params_.enabled) return;
    rules::apply_norms(params_, w.network, w.population, w.next, next_norm_);
    std::swap(w.population.perceived_norm, next_norm_);
    w.publish_trust();
  }

 private:
  const scenario::Norms& params_;
  rules::TrustArrays<Real> next_norm_;  // a buffer only: every entry is written each step
};

}  // namespace

template <class Real>
std::unique_ptr<Phase<Real>> norms_phase(const PhaseSetup& setup) {
  return std::make_unique<NormsPhase<Real>>(setup);
}

template std::unique_ptr<Phase<float>> norms_phase<float>(const PhaseSetup&);
template std::unique_ptr<Phase<double>> norms_phase<double>(const PhaseSetup&);

}  // namespace detente::engine

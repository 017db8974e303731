// Social influence (design §2.3 rule 1, rules/influence.hpp): people talk
// over what happened with their peers; ambassadors' voices weigh more.
#include "rules/influence.hpp"
#include "engine/phases/phases.hpp"

namespace detente::engine {
namespace {

template <class Real>
class InfluencePhase final : public Phase<Real> {
 public:
  explicit InfluencePhase(const PhaseSetup& setup)
      : Phase<Real>({"influence", Part::trust | Part::anchors | Part::dispositions | Part::roster,
                     parts(Part::trust)}),
        params_(setup.scenario.dynamics.influence) {}

  void run(World<Real>& w, const rules::StepContext& /*step*/) override {
    if (!params_.enabled) return;
    rules::apply_influence(params_, w.network, w.population, w.roster.speaker_weight(), w.next);
    w.publish_trust();
  }

 private:
  const scenario::Influence& params_;
};

}  // namespace

template <class Real>
std::unique_ptr<Phase<Real>> influence_phase(const PhaseSetup& setup) {
  return std::make_unique<InfluencePhase<Real>>(setup);
}

template std::unique_ptr<Phase<float>> influence_phase<float>(const PhaseSetup&);
template std::unique_ptr<Phase<double>> influence_phase<double>(const PhaseSetup&);

}  // namespace detente::engine

// Media (design §2.3 rule 3, rules/media.hpp): what people see this step,
// a crisis's hostile surge included.
#include "engine/phases/phases.hpp"

namespace detente::engine {
namespace {

template <class Real>
class MediaPhase final : public Phase<Real> {
 public:
  explicit MediaPhase(const PhaseSetup& setup)
      : Phase<Real>({"media", Part::trust | Part::dispositions | Part::outlets | Part::surge,
                     Part::trust | Part::backlash}),
        params_(setup.scenario.dynamics.media),
        shocks_(setup.scenario.dynamics.shocks) {}

  void run(World<Real>& w, const rules::StepContext& step) override {
    if (!params_.enabled || w.outlets.empty()) return;
    const rules::Surge surge{step.step <= w.surge_until, shocks_.surge_slant_shift,
                             shocks_.surge_exposure_factor};
    const auto backlash = rules::apply_media(params_, w.outlets, surge, w.population, step, w.next);
    for (std::size_t g = 0; g < backlash.size(); ++g)
      w.backlash[g] += backlash[g];
    w.publish_trust();
  }

 private:
  const scenario::MediaRule& params_;
  const scenario::Shocks& shocks_;
};

}  // namespace

template <class Real>
std::unique_ptr<Phase<Real>> media_phase(const PhaseSetup& setup) {
  return std::make_unique<MediaPhase<Real>>(setup);
}

template std::unique_ptr<Phase<float>> media_phase<float>(const PhaseSetup&);
template std::unique_ptr<Phase<double>> media_phase<double>(const PhaseSetup&);

}  // namespace detente::engine

// The convener's work (design §2.4): work under way goes on (governance
// practices among it), and rounds due now are prepared, paid and carried
// out (interventions/portfolio.hpp). Interventions see the world through a
// View and change it only through the doors of Changes.
#include <algorithm>

#include "engine/phases/phases.hpp"

namespace detente::engine {
namespace {

template <class Real>
class ConvenerPhase final : public Phase<Real> {
 public:
  explicit ConvenerPhase(const PhaseSetup& setup)
      : Phase<Real>({"convener",
                     Part::trust | Part::anchors | Part::traits | Part::dispositions | Part::ties |
                         Part::settings | Part::roster | Part::norms,
                     Part::trust | Part::anchors | Part::traits | Part::dispositions | Part::ties |
                         Part::tie_summary | Part::settings | Part::outlets | Part::roster |
                         Part::norms | Part::backlash}),
        probe_(setup.probe) {}

  void run(World<Real>& w, const rules::StepContext& step) override {
    // Decay factors hold for one step: coordination lowers them again while it runs.
    std::fill(w.book.decay_factor.begin(), w.book.decay_factor.end(), 1.0f);
    const std::size_t ties_before = w.ties.size();
    const interventions::View<Real> view{step.step, w.rng,    w.population, w.network,
                                         w.ties,    w.roster, w.book};
    interventions::Attitudes<Real> attitudes(w.population);
    interventions::ProgrammeLayer programmes(w.settings, w.ties, w.book);
    interventions::MediaDesk media(w.outlets, w.scenario.media, w.backlash, w.slant_relief);
    interventions::Changes<Real> changes{attitudes, w.roster, programmes, media};
    w.convener->step(view, changes, probe_);
    w.convener->take_events(w.events);
    // New programme teams add ties: later phases (shocks, contact) must see them.
    if (w.ties.size() != ties_before) {
      w.ties.rebuild_incidence(w.population.size());
      w.summarise_ties();
    }
  }

 private:
  interventions::Probe probe_;
};

}  // namespace

template <class Real>
std::unique_ptr<Phase<Real>> convener_phase(const PhaseSetup& setup) {
  return std::make_unique<ConvenerPhase<Real>>(setup);
}

template std::unique_ptr<Phase<float>> convener_phase<float>(const PhaseSetup&);
template std::unique_ptr<Phase<double>> convener_phase<double>(const PhaseSetup&);

}  // namespace detente::engine

// Intergroup contact and extended contact (design §2.3 rule 2,
// rules/contact.hpp): every cross-group tie may meet; meetings move both
// ends' trust and the tie's strength.
#include "engine/phases/phases.hpp"

namespace detente::engine {
namespace {

template <class Real>
class ContactPhase final : public Phase<Real> {
 public:
  explicit ContactPhase(const PhaseSetup& setup)
      : Phase<Real>({"contact", Part::trust | Part::ties | Part::tie_summary | Part::settings,
                     Part::trust | Part::ties | Part::tie_summary | Part::verdicts}),
        params_(setup.scenario.dynamics.contact) {}

  void run(World<Real>& w, const rules::StepContext& step) override {
    if (!params_.enabled || w.ties.size() == 0) return;
    const auto counts = rules::apply_contact(params_, w.settings, w.network, w.population,
                                             w.tie_summary, w.ties, step, w.next);
    w.publish_trust();
    for (std::size_t g = 0; g < counts.good_verdicts.size(); ++g) {
      w.good_verdicts[g] += counts.good_verdicts[g];
      w.bad_verdicts[g] += counts.bad_verdicts[g];
    }
    // Without programme ties, only the ties that crossed the threshold change
    // the summary; with them, tie ageing moves every programme tie and
    // summarises them all next.
    if (w.ties.size() == w.ties.static_count)
      rules::update_tie_summary(w.ties, w.population.group, params_.positive_tie,
                                counts.flipped_ties, w.tie_summary);
  }

 private:
  const scenario::Contact& params_;
};

}  // namespace

template <class Real>
std::unique_ptr<Phase<Real>> contact_phase(const PhaseSetup& setup) {
  return std::make_unique<ContactPhase<Real>>(setup);
}

template std::unique_ptr<Phase<float>> contact_phase<float>(const PhaseSetup&);
template std::unique_ptr<Phase<double>> contact_phase<double>(const PhaseSetup&);

}  // namespace detente::engine

// Leaders (rules/leaders.hpp, dynamics.leaders): seats change hands, stances
// follow the public and the leaders' own trust, and the leaders' statements
// pull their public toward their stance.
#include <stdexcept>

#include "engine/phases/phases.hpp"
#include "rules/leaders.hpp"
#include "rules/turnover.hpp"

namespace detente::engine {
namespace {

template <class Real>
class LeadersPhase final : public Phase<Real> {
 public:
  explicit LeadersPhase(const PhaseSetup& setup)
      : Phase<Real>({"leaders", Part::trust | Part::traits | Part::roster | Part::leaders,
                     Part::trust | Part::leaders}),
        params_(setup.scenario.dynamics.leaders) {
    if (!params_.enabled || params_.turnover <= 0.0) return;
    const auto steps = scenario::steps_per_year(setup.scenario.step_unit);
    // The loader refuses this (checks_dynamics.cpp); a scenario built in code may not.
    if (!steps)
      throw std::invalid_argument("leaders: step_unit '" + setup.scenario.step_unit +
                                  "' is not a unit of time, so a yearly turnover cannot be "
                                  "converted");
    chance_ = rules::leave_chance(params_.turnover, *steps);
  }

  void run(World<Real>& w, const rules::StepContext& step) override {
    if (!params_.enabled || w.leaders.seats() == 0) return;
    // A seat whose holder's place population turnover gave a new occupant
    // (at or after the step they took it: turnover runs after this phase)
    // is handed on; the newcomer does not inherit it.
    std::vector<std::uint8_t> replaced;
    if (w.roster.anyone_replaced()) {
      replaced.assign(w.leaders.seats(), 0);
      for (std::size_t seat = 0; seat < w.leaders.seats(); ++seat)
        replaced[seat] = w.roster.arrived(w.leaders.holder[seat]) >= w.leaders.since[seat];
    }
    rules::hand_on_seats(params_, chance_, w.population, w.network, w.roster.alumnus(), replaced,
                         *step.rng, step.step, w.leaders);
    rules::follow_public(params_, w.population, w.leaders);
    rules::apply_statements(params_, w.leaders, w.population, w.next);
    w.publish_trust();
  }

 private:
  const scenario::Leaders& params_;
  double chance_ = 0.0;
};

}  // namespace

template <class Real>
std::unique_ptr<Phase<Real>> leaders_phase(const PhaseSetup& setup) {
  return std::make_unique<LeadersPhase<Real>>(setup);
}

template std::unique_ptr<Phase<float>> leaders_phase<float>(const PhaseSetup&);
template std::unique_ptr<Phase<double>> leaders_phase<double>(const PhaseSetup&);

}  // namespace detente::engine

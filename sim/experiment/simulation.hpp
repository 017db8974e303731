#pragma once
// One replicate of one scenario: the state and the step loop.
//
//   auto sim = detente::make_simulation(scenario, /*replicate=*/0);
//   std::vector<detente::metrics::MetricRow> rows;
//   sim->record(rows);                      // step 0
//   while (sim->now() < scenario.steps) sim->step();
//
// The order of a step lives in Simulation<Real>::step() and nowhere else.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/network.hpp"
#include "interventions/ledger.hpp"
#include "metrics/agent_rows.hpp"
#include "metrics/metrics.hpp"
#include "scenario/scenario.hpp"

namespace detente {

// Seconds spent in each phase of the step so far (for `detente bench`).
struct PhaseTimes {
  double events = 0, media = 0, contact = 0, influence = 0, consolidation = 0;
  double total() const { return events + media + contact + influence + consolidation; }
};

class Simulation {
 public:
  virtual ~Simulation() = default;
  // Advances the state by one step.
  virtual void step() = 0;
  // Steps completed so far (0 before the first step).
  virtual std::int64_t now() const = 0;
  // Appends the outcome indicators of the current state (design §2.5).
  virtual void record(std::vector<metrics::MetricRow>& out) const = 0;
  virtual std::size_t agents() const = 0;
  virtual std::size_t edges() const = 0;  // directed entries of the social network
  virtual std::size_t bytes() const = 0;  // memory held by the state
  virtual std::size_t cross_ties() const = 0;
  virtual PhaseTimes phase_times() const = 0;

  // The state, read-only, for analyses and tests that look past the metrics:
  // per agent, mean trust toward its out-groups; the cross-group ties (static
  // ones first, then the programme layer); the convener's ledger (who took
  // part, teams, ambassadors, spending).
  virtual std::vector<double> outgroup_trust() const = 0;
  virtual const CrossTies& ties() const = 0;
  virtual const interventions::Ledger& ledger() const = 0;
  // With stop_when: converged, whether the classic model has converged: the
  // state will not change any more, so the run may end (experiment/replicate.hpp).
  virtual bool converged() const = 0;
  // Appends every agent's current state, labelled `step` (outputs.agents).
  virtual void snapshot(std::int64_t step, std::vector<metrics::AgentRow>& out) const = 0;
  // The groups and subjects that snapshot rows index.
  virtual metrics::AgentNames agent_names() const = 0;
};

// Builds the population and networks for `replicate` of `scenario`, in the
// precision the scenario asks for. The scenario must outlive the simulation.
std::unique_ptr<Simulation> make_simulation(const scenario::Scenario& scenario,
                                            std::uint32_t replicate);

// Whether metrics are recorded after `step`: step 0, every outputs.every steps, the last.
bool is_output_step(const scenario::Scenario& scenario, std::int64_t step);

}  // namespace detente

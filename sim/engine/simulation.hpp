#pragma once
// One replicate of one scenario: what runners, the workshop server and the
// benchmarks need of a simulation, whichever model steps it.
//
//   auto sim = detente::make_simulation(scenario, /*replicate=*/0);
//   std::vector<detente::metrics::MetricRow> rows;
//   sim->record(rows);                       // step 0
//   while (sim->now() < scenario.steps && !sim->converged()) sim->step();
//
// Two models implement it: the trust model (trust_model.cpp, the step as the
// list of phases in step_order.cpp) and the classic opinion-dynamics models
// (classic_model.cpp), chosen by dynamics.classic.model.
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/events.hpp"
#include "core/network.hpp"
#include "core/population.hpp"
#include "interventions/roster.hpp"
#include "metrics/agent_rows.hpp"
#include "metrics/metric_row.hpp"
#include "scenario/scenario.hpp"

namespace detente {

// Seconds spent in one phase of the step so far.
struct PhaseTime {
  std::string_view phase;
  double seconds = 0.0;
};

// What a simulation holds and where its time went (for `detente bench`).
struct Footprint {
  std::size_t agents = 0;
  std::size_t edges = 0;       // directed entries of the social network
  std::size_t cross_ties = 0;  // cross-group ties, programme ties included
  std::size_t bytes = 0;       // memory held by the state
  std::vector<PhaseTime> phases;
  double phase_seconds(std::string_view phase) const;
  double total_seconds() const;
};

// The trust model's people, in the precision the scenario asked for: exactly
// one of the two is set. Their arrays keep their addresses for the life of the
// simulation (trust's two buffers swap, so trust[h] alternates between two),
// which lets the Python module hand them out as views without copying.
struct PopulationView {
  const Population<float>* f32 = nullptr;
  const Population<double>* f64 = nullptr;
};

// A read-only look at the trust model's state, for analyses and tests that
// look past the metrics.
class TrustState {
 public:
  virtual ~TrustState() = default;
  // Per agent, mean trust toward its out-groups.
  virtual std::vector<double> outgroup_trust() const = 0;
  // The cross-group ties: the social layer's first, then the programme layer.
  virtual const CrossTies& ties() const = 0;
  // Who took part, graduated, became an ambassador or was trained.
  virtual const interventions::Roster& roster() const = 0;
  // Every programme round's teams, in the order they were formed.
  virtual const std::vector<interventions::TeamRound>& teams() const = 0;
  // The people themselves: trust, anchors, group, role, marginalised.
  virtual PopulationView population() const = 0;
  // The social network (CSR); cross-group ties are also in ties().
  virtual const SocialNetwork& network() const = 0;
  // Each outlet's slant now, in declaration order (trained journalists
  // relieve hostile slants: interventions/media_desk.cpp).
  virtual std::vector<double> outlet_slants() const = 0;
};

class Simulation {
 public:
  virtual ~Simulation() = default;
  // Advances the state by one step.
  virtual void step() = 0;
  // Steps completed so far (0 before the first step).
  virtual std::int64_t now() const = 0;
  // With stop_when: converged, whether the classic model has converged: the
  // state will not change any more, so the run may end (experiment/replicate.hpp).
  virtual bool converged() const = 0;
  // Appends the outcome indicators of the current state (metrics/metric_table.hpp).
  virtual void record(std::vector<metrics::MetricRow>& out) const = 0;
  // Appends every agent's current state, labelled `step` (outputs.agents),
  // and the groups and subjects those rows index.
  virtual void snapshot(std::int64_t step, std::vector<metrics::AgentRow>& out) const = 0;
  virtual metrics::AgentNames agent_names() const = 0;
  // What happened so far, in order (core/events.hpp); empty for the classic models.
  virtual const std::vector<Event>& events() const {
    static const std::vector<Event> none;
    return none;
  }
  virtual Footprint footprint() const = 0;
  // The trust model's state, or nullptr for a classic model.
  virtual const TrustState* trust_state() const { return nullptr; }

  // Forking (experiment/fork.hpp): arms under common random numbers are the
  // same run until the first step in which something they differ in acts, so
  // an arm can continue from the base's state instead of repeating it.
  //
  // A simulation of `scenario` (which must outlive it) that continues this
  // one's state as it stands now, with `scenario`'s convener's work not yet
  // begun; nullptr when the model cannot fork (the classic models). Right
  // only while nothing in which the two scenarios differ has acted.
  virtual std::unique_ptr<Simulation> fork(const scenario::Scenario& scenario) const {
    (void)scenario;
    return nullptr;
  }
  // Takes again the state of `from`, the simulation this one was forked from
  // (or forked from the same one), further on in the shared prefix.
  virtual void follow(const Simulation& from) { (void)from; }
};

// Builds the population and networks for `replicate` of `scenario`, in the
// precision the scenario asks for. The scenario must outlive the simulation.
std::unique_ptr<Simulation> make_simulation(const scenario::Scenario& scenario,
                                            std::uint32_t replicate);

// Whether metrics are recorded after `step`: step 0, every outputs.every steps, the last.
bool is_output_step(const scenario::Scenario& scenario, std::int64_t step);

}  // namespace detente

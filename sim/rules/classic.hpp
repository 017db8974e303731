#pragma once
// Classic opinion-dynamics models (design §2.3, §7): the special cases that
// let a reader check detente against the literature, and teach with it.
//
// With `dynamics.classic.model` set, every agent holds one opinion x_i ∈ [0,1]
// (0 or 1 for the voter model) — or, for Axelrod, a culture of F traits — and
// the chosen model is the only rule that runs; groups only label agents (and
// shape a generated network). Models, one file each:
//   influence          rules/classic_influence.hpp   DeGroot, Friedkin–Johnsen
//   deffuant           rules/classic_deffuant.hpp    pairwise bounded confidence
//   hegselmann_krause  rules/classic_hegselmann_krause.hpp
//   voter              rules/classic_voter.hpp
//   axelrod            rules/classic_axelrod.hpp
//
// Who can meet whom is a Graph: the social network, or — for one group with
// `network.within.model: complete` — the complete graph, never built as edges.
//
//   auto state = classic::initial_state<float>(scenario, group_begin, columns, rng);
//   auto rule = classic::make_rule<float>(scenario.dynamics, graph, population, rng);
//   rule->step(context, state);
//   if (rule->converged(state, scenario.dynamics.classic.tolerance)) ...
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/network.hpp"
#include "core/network_file.hpp"
#include "core/population.hpp"
#include "rules/rule_context.hpp"
#include "scenario/scenario.hpp"

namespace detente::rules::classic {

// Sub-streams of Purpose::classic. Part of the reproducibility contract:
// never renumber, only append.
enum Stream : std::uint32_t {
  kOpinion = 1,    // initial opinion (entity = agent)
  kBinary = 2,     // voter: start at 1? (entity = agent)
  kCulture = 3,    // Axelrod: initial traits (entity = agent, draw = feature / 4)
  kColouring = 4,  // order in which pairs are coloured into matchings
  kMeeting = 5,   // Deffuant–Weisbuch, sequential: who meets (entity = meeting, on a network / 2)
  kMatching = 6,  // Deffuant–Weisbuch, parallel, complete graph: the step's matching
  kSweep = 7,     // Deffuant–Weisbuch, parallel, network: order of the classes in a sweep
  kVoter = 8,     // voter: who copies whom (entity = update, or agent / 2 in parallel)
  kAxelrod = 9,   // Axelrod: who interacts, and on what (entity = update)
};

// The meeting graph: a network, or (network == nullptr) the complete graph.
struct Graph {
  const SocialNetwork* network = nullptr;
  std::size_t agents = 0;
  bool complete() const { return network == nullptr; }
};

template <class Real>
struct State {
  std::vector<Real> opinion;           // per agent; empty for Axelrod
  std::vector<Real> anchor;            // the initial opinion (a of Friedkin–Johnsen)
  std::vector<std::uint16_t> culture;  // Axelrod: `features` traits per agent, agent by agent
  std::size_t features = 0;
};

// One classic model. step() advances the state by one step (what a step is
// is in each model's header); converged() says, after a step, whether the
// state can no longer change by more than `tolerance` (or, for the discrete
// models, no longer change at all).
template <class Real>
class Rule {
 public:
  virtual ~Rule() = default;
  virtual void step(const StepContext& context, State<Real>& state) = 0;
  virtual bool converged(const State<Real>& state, double tolerance) const = 0;
  // Work done so far, for `detente bench`: pairwise meetings (Deffuant),
  // agent updates (the others) and edge visits (synchronous rules on a network).
  virtual std::uint64_t meetings() const { return 0; }
  virtual std::uint64_t agent_updates() const { return 0; }
  virtual std::uint64_t edge_visits() const { return 0; }
};

// The state at step 0: opinions drawn from each group's `opinion`
// distribution (for the voter model, 1 with that probability), replaced by
// the nodes file's `opinion` column when there is one; Axelrod's traits
// uniform in [0, q). Throws InputError for an opinion column the model
// cannot take (not 0/1 for the voter model; any for Axelrod).
template <class Real>
State<Real> initial_state(const scenario::Scenario& scenario,
                          std::span<const std::uint32_t> group_begin,
                          std::span<const NodeColumn> columns, const Streams& rng);

// The rule for scenario.dynamics.classic.model (not none). `population`
// (stubbornness, susceptibility, groups) and the graph's network must
// outlive the rule.
template <class Real>
std::unique_ptr<Rule<Real>> make_rule(const scenario::Dynamics& dynamics, const Graph& graph,
                                      const Population<Real>& population, const Streams& rng);

}  // namespace detente::rules::classic

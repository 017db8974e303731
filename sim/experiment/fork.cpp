#include "experiment/fork.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>
#include <memory>

#include "engine/simulation.hpp"

namespace detente {
namespace {

// What the build reads (engine::World's constructor), everything else reset:
// a key that is not cleared here keeps two scenarios apart, so a key added
// later can cost sharing but never make it wrong.
scenario::Scenario build_inputs(const scenario::Scenario& s) {
  scenario::Scenario in = s;
  in.name.clear();
  in.description.clear();
  in.steps = 0;
  in.step_unit.clear();
  in.stop_when = {};
  in.interventions.clear();
  in.outputs = {};
  in.budget = {};
  in.arms.clear();
  in.sweep = {};
  in.uncertain.clear();
  const scenario::Dynamics dynamics = s.dynamics;
  in.dynamics = {};
  in.dynamics.contact.everyday = dynamics.contact.everyday;
  in.dynamics.contact.positive_tie = dynamics.contact.positive_tie;
  in.dynamics.classic = dynamics.classic;
  return in;
}

// Everything but what tells arms apart and never acts by itself.
scenario::Scenario without_interventions(const scenario::Scenario& s) {
  scenario::Scenario in = s;
  in.name.clear();
  in.description.clear();
  in.interventions.clear();
  in.arms.clear();
  in.sweep = {};
  in.uncertain.clear();
  return in;
}

// The first step in which any intervention of `s` can change the world: its
// schedule's first round or the first step its trigger watches (`start`
// either way; work under way and carry-overs all follow a round).
std::int64_t first_action(const scenario::Scenario& s) {
  std::int64_t first = s.steps + 1;
  for (const auto& intervention : s.interventions)
    if (intervention.enabled) first = std::min(first, intervention.start);
  return first;
}

// The first step in which something the two declare differently can act:
// when they declare the same interventions by name and order, the first
// action of one declared differently (a forked arm takes the state of the
// others from the base: interventions::Portfolio::follow); otherwise the
// first action of any intervention of either.
std::int64_t first_difference(const scenario::Scenario& base, const scenario::Scenario& arm) {
  const auto& a = base.interventions;
  const auto& b = arm.interventions;
  bool same_names = a.size() == b.size();
  for (std::size_t k = 0; same_names && k < a.size(); ++k)
    same_names = a[k].name == b[k].name;
  if (!same_names) return std::min(first_action(base), first_action(arm));
  std::int64_t first = base.steps + 1;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k] == b[k]) continue;
    if (a[k].enabled) first = std::min(first, a[k].start);
    if (b[k].enabled) first = std::min(first, b[k].start);
  }
  return first;
}

}  // namespace

bool shares_build(const scenario::Scenario& a, const scenario::Scenario& b) {
  return build_inputs(a) == build_inputs(b);
}

std::optional<std::int64_t> shared_steps(const scenario::Scenario& base,
                                         const scenario::Scenario& arm) {
  if (!shares_build(base, arm)) return std::nullopt;
  if (without_interventions(base) != without_interventions(arm)) return 0;
  if (base.interventions == arm.interventions) return base.steps;
  return std::clamp<std::int64_t>(first_difference(base, arm) - 1, 0, base.steps);
}

void run_forked(std::span<const scenario::Scenario* const> arms, std::uint32_t replicate,
                const Simulation* built, std::vector<ReplicateOutput>& out) {
  out.assign(arms.size(), ReplicateOutput{});
  if (arms.empty()) return;
  const scenario::Scenario& lead_scenario = *arms[0];
  std::unique_ptr<Simulation> lead;
  if (built != nullptr) lead = built->fork(lead_scenario);
  if (!lead) lead = make_simulation(lead_scenario, replicate);

  // Arms that follow the lead up to `until`, then continue on their own.
  struct Follower {
    std::size_t arm;
    std::int64_t until;
    std::unique_ptr<Simulation> simulation;
    std::unique_ptr<ReplicateRecorder> recorder;
  };
  std::vector<Follower> followers;
  std::vector<std::size_t> alone;
  for (std::size_t a = 1; a < arms.size(); ++a) {
    const auto until = shared_steps(lead_scenario, *arms[a]);
    auto simulation = until ? lead->fork(*arms[a]) : nullptr;
    if (!simulation) {
      alone.push_back(a);
      continue;
    }
    followers.push_back(
        {a, *until, std::move(simulation), std::make_unique<ReplicateRecorder>(*arms[a], out[a])});
  }

  ReplicateRecorder lead_recorder(lead_scenario, out[0]);
  lead_recorder.start(*lead);
  for (auto& f : followers)
    f.recorder->start(*f.simulation);
  // The lead runs to its end; on the way each follower takes the lead's
  // state where it records and where it leaves the shared prefix.
  while (lead->now() < lead_scenario.steps && !lead->converged()) {
    lead->step();
    lead_recorder.after_step(*lead);
    const std::int64_t t = lead->now();
    for (auto& f : followers) {
      if (t > f.until || (t < f.until && !f.recorder->records(t))) continue;
      f.simulation->follow(*lead);
      f.recorder->after_step(*f.simulation);
    }
  }
  lead_recorder.finish(*lead);
  lead.reset();

  // The followers' own steps and the arms that share nothing, side by side.
  const std::size_t n = followers.size() + alone.size();
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, n, 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t k = range.begin(); k < range.end(); ++k) {
          if (k < followers.size()) {
            Follower& f = followers[k];
            continue_replicate(*f.simulation, *arms[f.arm], *f.recorder, nullptr);
            f.simulation.reset();
          } else {
            const std::size_t a = alone[k - followers.size()];
            run_replicate(*arms[a], replicate, nullptr, out[a]);
          }
        }
      },
      tbb::simple_partitioner());
}

}  // namespace detente

#pragma once
// Many runs of an experiment at once: replicates, arms, sweep points.
//
// A run is (resolved scenario, arm, replicate); its seed is
// replicate_seed(scenario.seed, replicate), so the same run gives the same
// rows wherever and whenever it executes. Runs execute in parallel with oneTBB
// (each run's step keeps its own parallel loops inside), and under MPI they are
// dealt to ranks (the runs of one point and replicate together, group g to rank
// g mod size); outputs are collected per run and
// handed back in the order of the request, so every file written from them is
// bitwise identical whatever the thread or rank count.
//
//   std::vector<RunSpec> runs = {{0, "base", 0, &scenario}, {0, "base", 1, &scenario}};
//   SingleProcess here;
//   auto outputs = execute_runs(runs, here, progress);   // outputs[i] belongs to runs[i]
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/events.hpp"
#include "experiment/progress.hpp"
#include "metrics/agent_rows.hpp"
#include "metrics/edge_rows.hpp"
#include "metrics/metric_row.hpp"
#include "scenario/scenario.hpp"

namespace detente {

struct ThreadLimitState;

struct RunSpec {
  std::int64_t point = 0;  // sweep point (0 outside sweeps)
  std::string arm = "base";
  std::int32_t replicate = 0;
  const scenario::Scenario* scenario = nullptr;  // the arm's resolved scenario
};

struct RunOutput {
  std::vector<metrics::MetricRow> rows;   // every output step of the run
  std::vector<metrics::AgentRow> agents;  // outputs.agents snapshots
  metrics::AgentNames agent_names;
  std::vector<metrics::EdgeRow> edges;  // outputs.network snapshots
  std::vector<metrics::NodeRow> nodes;  // every agent, for network.graphml
  bool directed = false;
  std::vector<Event> events;  // what happened, in order (core/events.hpp)
  std::uint64_t seed = 0;     // replicate seed
  // Its share of its group's wall time (the arms of a replicate run
  // together, fork.hpp); not part of any bitwise-compared file.
  double wall_seconds = 0.0;
};

// Unstepped simulations execute_runs may hold besides the running ones, so
// that futures or sweep points of one replicate build their people once.
inline constexpr std::size_t kSharedBuildsHeld = 8;

// The processes an experiment is spread over. Rank 0 writes every output.
class Cluster {
 public:
  virtual ~Cluster() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  // Collective. Rank 0 receives every rank's (run index, output) pairs,
  // its own included; other ranks get an empty list.
  virtual std::vector<std::pair<std::size_t, RunOutput>> gather(
      std::vector<std::pair<std::size_t, RunOutput>> local) = 0;
  // Collective. Every rank returns rank 0's value (so all ranks agree on a
  // decision that only rank 0 can make, such as which runs a database holds).
  virtual std::vector<std::uint8_t> broadcast(std::vector<std::uint8_t> from_root) = 0;
  bool is_root() const { return rank() == 0; }
};

// One process, no MPI.
class SingleProcess final : public Cluster {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  std::vector<std::pair<std::size_t, RunOutput>> gather(
      std::vector<std::pair<std::size_t, RunOutput>> local) override {
    return local;
  }
  std::vector<std::uint8_t> broadcast(std::vector<std::uint8_t> from_root) override {
    return from_root;
  }
};

// Executes one run to its last step, recording every output step.
RunOutput execute_run(const RunSpec& run);

// Executes this rank's share of `runs` in parallel and gathers. On rank 0 the
// result holds one output per run, in the order of `runs`; elsewhere it is
// empty. `progress` advances by one per run finished on this rank.
// The runs of one point and replicate (the arms) run together, forking
// from the first where they share a prefix, and groups whose people are
// built alike share one build (experiment/fork.hpp): the same bits as
// running each on its own.
std::vector<RunOutput> execute_runs(std::span<const RunSpec> runs, Cluster& cluster,
                                    Progress& progress);

// Caps oneTBB's worker threads while alive (0: every core).
class ThreadLimit {
 public:
  explicit ThreadLimit(int threads);
  ~ThreadLimit();
  ThreadLimit(const ThreadLimit&) = delete;
  ThreadLimit& operator=(const ThreadLimit&) = delete;
  int threads() const { return threads_; }

 private:
  int threads_;
  std::unique_ptr<ThreadLimitState> state_;
};

}  // namespace detente

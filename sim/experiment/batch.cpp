#include "experiment/batch.hpp"
#include "experiment/replicate.hpp"

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <chrono>

#include "core/rng.hpp"
#include "engine/simulation.hpp"

namespace detente {

struct ThreadLimitState {
  explicit ThreadLimitState(int threads)
      : control(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads)) {}
  tbb::global_control control;
};

ThreadLimit::ThreadLimit(int threads)
    : threads_(threads > 0 ? threads : tbb::info::default_concurrency()),
      state_(std::make_unique<ThreadLimitState>(threads_)) {}

ThreadLimit::~ThreadLimit() = default;

RunOutput execute_run(const RunSpec& run) {
  const auto start = std::chrono::steady_clock::now();
  const auto& scenario = *run.scenario;
  const auto replicate = static_cast<std::uint32_t>(run.replicate);
  RunOutput out;
  out.seed = replicate_seed(scenario.seed, replicate);
  // One replicate, its stopping rule and snapshots included (replicate.hpp).
  ReplicateOutput replicate_output;
  run_replicate(scenario, replicate, nullptr, replicate_output);
  out.rows = std::move(replicate_output.rows);
  out.agents = std::move(replicate_output.agents);
  out.agent_names = std::move(replicate_output.agent_names);
  out.edges = std::move(replicate_output.edges);
  out.nodes = std::move(replicate_output.nodes);
  out.directed = replicate_output.directed;
  out.events = std::move(replicate_output.events);
  out.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

std::vector<RunOutput> execute_runs(std::span<const RunSpec> runs, Cluster& cluster,
                                    Progress& progress) {
  const auto rank = static_cast<std::size_t>(cluster.rank());
  const auto size = static_cast<std::size_t>(cluster.size());
  std::vector<std::size_t> mine;
  for (std::size_t i = rank; i < runs.size(); i += size)
    mine.push_back(i);

  // Each task writes only its own slot: the outputs do not depend on which
  // thread ran what or when it finished.
  std::vector<std::pair<std::size_t, RunOutput>> local(mine.size());
  // One task per run (simple_partitioner, grain 1): runs are long and few.
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, mine.size(), 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t k = range.begin(); k < range.end(); ++k) {
          local[k] = {mine[k], execute_run(runs[mine[k]])};
          progress.advance();
        }
      },
      tbb::simple_partitioner());

  auto gathered = cluster.gather(std::move(local));
  std::vector<RunOutput> outputs;
  if (!cluster.is_root()) return outputs;
  outputs.resize(runs.size());
  for (auto& [index, output] : gathered)
    outputs.at(index) = std::move(output);
  return outputs;
}

}  // namespace detente

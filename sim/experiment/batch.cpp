#include "experiment/batch.hpp"
#include "experiment/replicate.hpp"

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>
#include <chrono>

#include "core/rng.hpp"
#include "engine/simulation.hpp"
#include "experiment/fork.hpp"

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

namespace {

// Everything a replicate recorded, moved into the run's output: a forked arm
// and a run on its own give the same.
void take_recorded(ReplicateOutput& recorded, RunOutput& out) {
  out.rows = std::move(recorded.rows);
  out.agents = std::move(recorded.agents);
  out.agent_names = std::move(recorded.agent_names);
  out.edges = std::move(recorded.edges);
  out.nodes = std::move(recorded.nodes);
  out.directed = recorded.directed;
  out.events = std::move(recorded.events);
}

}  // namespace

RunOutput execute_run(const RunSpec& run) {
  const auto start = std::chrono::steady_clock::now();
  const auto& scenario = *run.scenario;
  const auto replicate = static_cast<std::uint32_t>(run.replicate);
  RunOutput out;
  out.seed = replicate_seed(scenario.seed, replicate);
  // One replicate, its stopping rule and snapshots included (replicate.hpp).
  ReplicateOutput replicate_output;
  run_replicate(scenario, replicate, nullptr, replicate_output);
  take_recorded(replicate_output, out);
  out.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

namespace {

// The build of one replicate shared by several groups' leads (fork.hpp).
// At most this many are held at once besides the running simulations
// (experiment/memory_estimate.hpp counts them).
constexpr std::size_t kMaxSharedBuilds = kSharedBuildsHeld;

struct SharedBuild {
  const scenario::Scenario* scenario;
  std::uint32_t replicate;
  std::size_t users = 0;                   // groups whose lead builds alike
  std::unique_ptr<Simulation> simulation;  // built when shared
};

}  // namespace

std::vector<RunOutput> execute_runs(std::span<const RunSpec> runs, Cluster& cluster,
                                    Progress& progress) {
  // Groups: the runs of one replicate of one point (the arms of a replicate,
  // or a replicate of a sweep point), in the order they first appear. A
  // group's arms fork from its first run (fork.hpp).
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& g) {
      return runs[g[0]].point == runs[i].point && runs[g[0]].replicate == runs[i].replicate;
    });
    if (same == groups.end())
      groups.push_back({i});
    else
      same->push_back(i);
  }
  // Groups are dealt to ranks (group g to rank g mod size).
  const auto rank = static_cast<std::size_t>(cluster.rank());
  const auto size = static_cast<std::size_t>(cluster.size());
  std::vector<std::size_t> mine;
  for (std::size_t g = rank; g < groups.size(); g += size)
    mine.push_back(g);

  // Futures and sweep points that differ only in their dynamics build the
  // same people: the first group of each replicate builds them for the rest.
  std::vector<SharedBuild> builds;
  std::vector<std::ptrdiff_t> build_of(mine.size(), -1);
  for (std::size_t k = 0; k < mine.size(); ++k) {
    const RunSpec& lead = runs[groups[mine[k]][0]];
    const auto replicate = static_cast<std::uint32_t>(lead.replicate);
    for (std::size_t b = 0; b < builds.size() && build_of[k] < 0; ++b)
      if (builds[b].replicate == replicate && shares_build(*builds[b].scenario, *lead.scenario))
        build_of[k] = static_cast<std::ptrdiff_t>(b);
    if (build_of[k] < 0) {
      build_of[k] = static_cast<std::ptrdiff_t>(builds.size());
      builds.push_back({lead.scenario, replicate});
    }
    if (build_of[k] >= 0) ++builds[static_cast<std::size_t>(build_of[k])].users;
  }
  // Only builds that two groups or more share, and a bounded number of them.
  std::vector<std::size_t> shared;
  for (std::size_t b = 0; b < builds.size() && shared.size() < kMaxSharedBuilds; ++b)
    if (builds[b].users > 1) shared.push_back(b);
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, shared.size(), 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t k = range.begin(); k < range.end(); ++k) {
          SharedBuild& b = builds[shared[k]];
          b.simulation = make_simulation(*b.scenario, b.replicate);
        }
      },
      tbb::simple_partitioner());

  // Each task writes only its own slots: the outputs do not depend on which
  // thread ran what or when it finished.
  std::vector<std::pair<std::size_t, RunOutput>> local;
  std::vector<std::size_t> first_slot(mine.size(), 0);
  for (std::size_t k = 0; k < mine.size(); ++k) {
    first_slot[k] = local.size();
    for (const std::size_t i : groups[mine[k]])
      local.emplace_back(i, RunOutput{});
  }
  // One task per group (simple_partitioner, grain 1): groups are long and few.
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, mine.size(), 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t k = range.begin(); k < range.end(); ++k) {
          const auto start = std::chrono::steady_clock::now();
          const auto& group = groups[mine[k]];
          std::vector<const scenario::Scenario*> arms;
          for (const std::size_t i : group)
            arms.push_back(runs[i].scenario);
          const auto replicate = static_cast<std::uint32_t>(runs[group[0]].replicate);
          const Simulation* built =
              build_of[k] < 0 ? nullptr
                              : builds[static_cast<std::size_t>(build_of[k])].simulation.get();
          std::vector<ReplicateOutput> outputs;
          run_forked(arms, replicate, built, outputs);
          const double seconds =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          for (std::size_t j = 0; j < group.size(); ++j) {
            RunOutput& out = local[first_slot[k] + j].second;
            out.seed = replicate_seed(arms[j]->seed, replicate);
            take_recorded(outputs[j], out);
            out.wall_seconds = seconds / static_cast<double>(group.size());
          }
          progress.advance(group.size());
        }
      },
      tbb::simple_partitioner());
  builds.clear();

  auto gathered = cluster.gather(std::move(local));
  std::vector<RunOutput> outputs;
  if (!cluster.is_root()) return outputs;
  outputs.resize(runs.size());
  for (auto& [index, output] : gathered)
    outputs.at(index) = std::move(output);
  return outputs;
}

}  // namespace detente

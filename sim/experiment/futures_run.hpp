#pragma once
// `detente compare --futures N`: every arm in N futures drawn from the
// scenario's `uncertain:` block (futures.hpp), R replicates each under common
// random numbers, reduced run by run to the window values robustness needs
// (robustness.hpp), so memory holds summaries, never N × R series.
//
//   auto futures = run_futures(arms, baseline, options, headline, cluster);
//   write_robustness_csv(dir / "robustness.csv", futures.robustness);
#include <filesystem>
#include <vector>

#include "experiment/batch.hpp"
#include "experiment/compare_run.hpp"
#include "experiment/robustness.hpp"

namespace detente {

// Futures per batch. A batch ends where every thread waits for its slowest
// task (one replicate of every arm of a future, forked from one build), so a
// batch gives each thread kFutureTasksPerThread tasks: at two a thread, a
// quarter of two threads' time went idle. Its series are held until it ends
// (the memory check counts futures_per_batch × arms × replicates runs).
constexpr std::size_t kFutureTasksPerThread = 12;
std::size_t futures_per_batch(std::size_t replicates, std::size_t threads, std::size_t ranks);

struct FuturesResult {
  FuturePlan plan;
  std::vector<RobustnessRow> robustness;
  std::vector<DiscoveryRow> discovery;
  std::size_t runs = 0;
};

// On rank 0 the full result; elsewhere only `plan` and `runs`.
// `discover`: the outcomes scenario discovery looks at (the headline).
FuturesResult run_futures(const std::vector<Arm>& arms, std::size_t baseline,
                          const CompareOptions& options,
                          const std::vector<metrics::Outcome>& discover, Cluster& cluster);

extern const std::vector<std::string> kRobustnessColumns;
extern const std::vector<std::string> kDiscoveryColumns;
void write_robustness_csv(const std::filesystem::path& path,
                          const std::vector<RobustnessRow>& rows);
void write_discovery_csv(const std::filesystem::path& path, const std::vector<DiscoveryRow>& rows);
// futures.csv: future, then one column per uncertain key, its value there.
void write_futures_csv(const std::filesystem::path& path, const FuturePlan& plan);

}  // namespace detente

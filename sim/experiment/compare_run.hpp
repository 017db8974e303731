#pragma once
// `detente compare`: every arm of a scenario on the same replicate seeds,
// paired against a baseline (metrics/compare.hpp).
//
//   auto arms = scenario_arms(scenario);            // the base first
//   CompareOptions o;  o.out = "results/exchange_compare";  o.replicates = 20;
//   auto result = run_compare(arms, o, cluster);
//
// With `futures` > 0 it also holds robustness.csv, discovery.csv and
// futures.csv (futures_run.hpp). The folder holds compare.csv (kCompareColumns; each column's
// meaning is in metrics/compare.hpp and the README), timeseries.csv and summary.csv of every arm,
// scenario.yaml, run.json (io/json.hpp, `command` = "compare") and results.db; it appears whole or
// not at all.
#include <string>
#include <vector>

#include "experiment/batch.hpp"
#include "experiment/robustness.hpp"
#include "metrics/compare.hpp"
#include "scenario/scenario.hpp"

namespace detente {

// One strategy: a resolved scenario under a name.
struct Arm {
  std::string name;
  scenario::Scenario scenario;
};

// The arms a scenario declares, its base first (named "base"). A scenario
// that declares none gives the base alone.
std::vector<Arm> scenario_arms(const scenario::Scenario& scenario);

struct CompareOptions {
  std::string out;
  int replicates = 10;
  int threads = 0;
  std::string baseline = "base";
  std::vector<std::string> metrics;  // empty: every metric
  bool progress = false;
  std::string command_line;  // as typed, for run.json
  // --futures N: also run every arm in N futures of the scenario's uncertain
  // keys (futures_run.hpp); 0: the scenario as written only.
  std::size_t futures = 0;
  // results.db keeps every run's series (timeseries.csv has them anyway);
  // without it, results.db holds the runs and the summaries only.
  bool store_series = false;
  bool force = false;  // replace `out` even if it is not a detente result
};

// How many headline outcomes a compare folder records (run.json `headline`):
// the console shows as many of them as fit, the brief its first few.
constexpr std::size_t kHeadlineOutcomes = 10;

struct CompareResult {
  std::vector<metrics::CompareRow> rows;
  // The outcomes to lead with, in order: the baseline's outputs.headline when
  // it declares one, else where the arms separate most (metrics::headline_outcomes).
  std::vector<metrics::Outcome> headline;
  // With --futures: the robustness rows (robustness.hpp); empty otherwise.
  std::vector<RobustnessRow> robustness;
  double wall_seconds = 0.0;
};

// compare.csv's header.
extern const std::vector<std::string> kCompareColumns;

// The index of the arm named `options.baseline`. Throws InputError when fewer
// than two arms are given or the baseline is not one of them.
std::size_t baseline_arm(const std::vector<Arm>& arms, const CompareOptions& options);

// The outcomes (metric, subject) a run of `scenario` records, without running
// it: the rows of its step 0 (the world is built, not stepped), and
// converged_step when the scenario may stop at convergence.
std::vector<metrics::Outcome> recorded_outcomes(const scenario::Scenario& scenario);

// Refuses, before anything runs, a request the run cannot answer: a --metric
// the baseline does not record (or `spending`, which every row reports
// already), and an outputs.headline outcome it does not record. InputError,
// listing what can be asked for.
void check_compare_request(const std::vector<Arm>& arms, const CompareOptions& options);

CompareResult run_compare(const std::vector<Arm>& arms, const CompareOptions& options,
                          Cluster& cluster);

// compare.csv; NaN cells (no difference, no person-level sd, no extra
// spending) and rank 0 (no rank) are written empty.
void write_compare_csv(const std::string& path, const std::vector<metrics::CompareRow>& rows);

}  // namespace detente

#pragma once
// `detente compare`: every arm of a scenario on the same replicate seeds,
// paired against a baseline (metrics/compare.hpp).
//
//   auto arms = scenario_arms(scenario);            // the base first
//   CompareOptions o;  o.out = "results/exchange_compare";  o.replicates = 20;
//   auto result = run_compare(arms, o, cluster);
//
// The folder holds compare.csv
// (arm,baseline,metric,subject,window,mean_difference,ci_low,ci_high,
//  glass_delta,spending,gain_per_million,better,rank,n: `better` is the
//  metric's direction, higher or lower, and rank 1 the best arm in it),
// timeseries.csv and summary.csv of every arm, scenario.yaml and results.db;
// it appears whole or not at all.
#include <string>
#include <vector>

#include "experiment/batch.hpp"
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
  std::string command_line;
  bool force = false;  // replace `out` even if it is not a detente result
};

struct CompareResult {
  std::vector<metrics::CompareRow> rows;
  double wall_seconds = 0.0;
};

// Throws InputError when fewer than two arms are given or the baseline is not one of them.
CompareResult run_compare(const std::vector<Arm>& arms, const CompareOptions& options,
                          Cluster& cluster);

// compare.csv; NaN cells (no difference, no Glass's Δ, no spending) and rank 0
// (no rank) are written empty.
void write_compare_csv(const std::string& path, const std::vector<metrics::CompareRow>& rows);

// The readable table the terminal shows.
std::string compare_table(const std::vector<metrics::CompareRow>& rows);

}  // namespace detente

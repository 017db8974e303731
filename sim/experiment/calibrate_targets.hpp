#pragma once
// Calibration targets: observed values with their standard errors and
// sources, read from a CSV (header `metric,subject,step,value,se,source`) and
// checked against the scenario before any run starts: a metric of the metric
// table the scenario's model records, a subject it has, a step (an integer,
// a range A-B, or `final`) that holds an output step. `#` lines are comments;
// a field may be quoted with double quotes (commas in a citation).
//
//   auto targets = read_targets("data/fit.csv", scenario);
//   auto values = target_values(run_rows, targets);   // one per target, NaN when absent
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "metrics/metric_row.hpp"
#include "scenario/scenario.hpp"

namespace detente {

// Bounds of a targets file (hostile input): rows, bytes per line, lines in all.
constexpr std::size_t kMostTargets = 10'000;
constexpr std::size_t kMostTargetLineBytes = 4096;
constexpr std::size_t kMostTargetFileLines = 100'000;

struct Target {
  std::string metric;
  std::string subject;
  std::string step;         // as written: "52", "40-60" or "final"
  std::int64_t first = 0;   // the steps whose recorded values are averaged
  std::int64_t last = 0;    // (final: both the scenario's last step)
  bool final_step = false;  // the last recorded step (a run may stop early)
  double value = 0.0;
  double se = 0.0;
  std::string source;
  std::string file;  // where it was read, for messages
  std::size_t line = 0;
};

// Reads and checks `file`; throws InputError "FILE:LINE:COLUMN: what; how to fix it".
std::vector<Target> read_targets(const std::filesystem::path& file,
                                 const scenario::Scenario& scenario);

// Each target's value in one run: the mean of its metric and subject's
// recorded values over its steps (final: the last recorded one); NaN when
// the run recorded none.
std::vector<double> target_values(std::span<const metrics::MetricRow> rows,
                                  std::span<const Target> targets);

// Whether a row can matter to any target (what results.db keeps of a run).
bool row_is_targeted(const metrics::MetricRow& row, std::span<const Target> targets);

}  // namespace detente

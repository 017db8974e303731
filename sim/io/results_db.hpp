#pragma once
// results.db: the runs of sweeps and comparisons in SQLite, for SQL, pandas or R.
//
//   io::ResultsDb db("results/sweep_contact/results.db");
//   auto done = db.finished_runs("sweep:sweep_contact");   // what --resume skips
//   db.store_runs(runs);                                   // one transaction
//
// Tables (created when missing):
//   runs(run_id, experiment, point, arm, replicate, seed, parameters, status,
//        started_at, wall_seconds, detente_version)
//        UNIQUE (experiment, point, arm, replicate): a run is never stored twice
//   experiments(experiment, scenario): the resolved scenario (YAML) an
//        experiment was started with, which --resume must match
//   timeseries(run_id, arm, replicate, step, metric, subject, value): the
//        series as rows, for SQL (compare, calibration, `--store-series`)
//   packed_series(run_id, rows): the series as one blob per run
//        (io/packed_series.hpp), what a sweep keeps while it is under way
//   summaries(experiment, point, arm, metric, subject, step, mean, sd, ci_low,
//             ci_high, n, p10, p50, p90)
// `parameters` is a JSON object {path: value} of the point; `seed` is the
// replicate seed as decimal text (it uses all 64 bits). Every write is one
// transaction: an interrupted sweep leaves whole runs or none.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "metrics/metric_row.hpp"
#include "metrics/summary.hpp"

struct sqlite3;

namespace detente::io {

struct StoredRun {
  std::string experiment;
  std::int64_t point = 0;
  std::string arm = "base";
  std::int64_t replicate = 0;
  std::uint64_t seed = 0;
  std::string parameters = "{}";  // JSON
  std::string started_at;
  double wall_seconds = 0.0;
  std::vector<metrics::MetricRow> rows;
};

// How store_runs keeps the time series: as rows anyone can query, or packed,
// one blob per run, a fraction of the cost to write, read back and delete.
enum class SeriesForm { rows, packed };

// The summaries of one point of an experiment.
struct PointSummaries {
  std::int64_t point = 0;
  std::vector<metrics::SummaryRow> rows;
};

using RunKey = std::tuple<std::int64_t, std::string, std::int64_t>;  // point, arm, replicate

class ResultsDb {
 public:
  explicit ResultsDb(const std::filesystem::path& path);
  ~ResultsDb();
  ResultsDb(const ResultsDb&) = delete;
  ResultsDb& operator=(const ResultsDb&) = delete;

  // Finished runs of `experiment`: key → parameters JSON.
  std::map<RunKey, std::string> finished_runs(const std::string& experiment) const;

  // The resolved scenario `experiment` was started with; nullopt when none
  // is stored (a results.db written before detente stored it).
  std::optional<std::string> experiment_scenario(const std::string& experiment) const;
  // Records it, unless one is stored already.
  void store_experiment_scenario(const std::string& experiment, const std::string& scenario_yaml);

  // Stores the runs and their time series in one transaction. Throws
  // std::runtime_error (and stores nothing) if any run is already stored.
  void store_runs(std::span<const StoredRun> runs, SeriesForm form = SeriesForm::rows);

  // The time series of one stored run, in the order it was stored, in
  // whichever form it was stored.
  std::vector<metrics::MetricRow> rows_of(const std::string& experiment, const RunKey& key) const;

  // Whether any run of `experiment` still has its time series stored.
  bool has_series(const std::string& experiment) const;
  // Deletes the time series (both forms) of every run of `experiment` (the
  // runs and the summaries stay) in one transaction, then gives the space
  // back: by incremental vacuum (moving only the pages after the freed
  // ones) in a database this version created, by VACUUM (a copy of the
  // whole file) in an older one.
  void drop_series(const std::string& experiment);
  // Replaces the summaries of (experiment, point) in one transaction.
  void store_summaries(const std::string& experiment, std::int64_t point,
                       std::span<const metrics::SummaryRow> rows);
  // Replaces the summaries of several points in one transaction (a commit
  // waits for the disk: a sweep of 256 points paid 256 of them).
  void store_summaries(const std::string& experiment, std::span<const PointSummaries> points);

 private:
  void exec(const char* sql) const;
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace detente::io

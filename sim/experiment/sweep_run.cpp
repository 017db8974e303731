#include "experiment/sweep_run.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>

#include <tbb/parallel_for.h>

#include "core/errors.hpp"
#include "core/rng.hpp"
#include "core/timestamp.hpp"
#include "experiment/provenance.hpp"
#include "experiment/scenario_diff.hpp"
#include "experiment/sensitivity.hpp"
#include "io/csv_table.hpp"
#include "io/json.hpp"
#include "io/output_dir.hpp"
#include "io/results_db.hpp"
#include "metrics/summary.hpp"
#include "scenario/load.hpp"

namespace detente {
namespace {

constexpr const char* kArm = "base";

// The design's name as the scenario spells it (sweep.design).
std::string design_name(scenario::SweepDesign design) {
  switch (design) {
    case scenario::SweepDesign::grid:
      return "grid";
    case scenario::SweepDesign::latin_hypercube:
      return "latin_hypercube";
    case scenario::SweepDesign::morris:
      return "morris";
    case scenario::SweepDesign::sobol:
      return "sobol";
  }
  return "grid";
}

// Runs per batch: enough to keep every thread of every rank busy while the
// last runs of a batch finish, few enough that an interruption loses little.
std::size_t batch_size(int threads, int ranks) {
  return static_cast<std::size_t>(std::max(1, threads) * std::max(1, ranks) * 16);
}

std::vector<std::uint8_t> encode_flags(const std::vector<bool>& flags) {
  return {flags.begin(), flags.end()};
}

void write_sensitivity(const SweepPlan& plan, const std::vector<std::vector<double>>& y,
                       const Streams& rng, const std::filesystem::path& dir,
                       SweepSummary& summary) {
  io::CsvTable t(dir / "sensitivity.csv", {"method", "parameter", "metric", "subject", "index",
                                           "value", "ci_low", "ci_high"});
  const auto& sweep = plan.sweep;
  const auto bootstrap = static_cast<std::size_t>(sweep.bootstrap);
  const auto row = [&](const char* method, std::size_t i, const scenario::SweepOutcome& o,
                       const char* index, const Estimate& e) {
    t.text(method);
    t.text(plan.paths[i]);
    t.text(o.metric);
    t.text(o.subject);
    t.text(index);
    t.number(e.value);
    t.number(e.ci_low);
    t.number(e.ci_high);
    t.end_row();
    char line[256];
    std::snprintf(line, sizeof line, "%-7s %-40s %-24s %-7s %9.4f  [%.4f, %.4f]", method,
                  plan.paths[i].c_str(), (o.metric + "/" + o.subject).c_str(), index, e.value,
                  e.ci_low, e.ci_high);
    summary.sensitivity_lines.push_back(line);
  };
  for (std::size_t o = 0; o < sweep.outcomes.size(); ++o) {
    const auto& outcome = sweep.outcomes[o];
    if (sweep.design == scenario::SweepDesign::morris) {
      const auto m = morris_indices(plan.morris, y[o], bootstrap, rng);
      for (std::size_t i = 0; i < plan.paths.size(); ++i) {
        row("morris", i, outcome, "mu_star", m.mu_star[i]);
        row("morris", i, outcome, "sigma", m.sigma[i]);
        row("morris", i, outcome, "mu", m.mu[i]);
      }
    } else if (sweep.design == scenario::SweepDesign::sobol) {
      const auto s = sobol_indices(y[o], plan.sobol_rows, plan.paths.size(), bootstrap, rng);
      for (std::size_t i = 0; i < plan.paths.size(); ++i) {
        row("sobol", i, outcome, "S1", s.first[i]);
        row("sobol", i, outcome, "ST", s.total[i]);
        for (const auto& w : sobol_warnings(s.first[i], s.total[i]))
          summary.warnings.push_back(plan.paths[i] + " on " + outcome.metric + "/" +
                                     outcome.subject + ": " + w);
      }
    }
  }
  t.close();
}

// Refuses to continue runs made with another resolved scenario (any key,
// not only the swept ones), naming the keys that differ.
void check_same_scenario(const io::ResultsDb& db, const std::string& experiment,
                         const std::string& scenario_yaml, const std::filesystem::path& dir) {
  const auto stored = db.experiment_scenario(experiment);
  if (!stored || *stored == scenario_yaml) return;
  const auto keys = differing_keys(*stored, scenario_yaml);
  if (keys.empty()) return;
  constexpr std::size_t kShown = 8;
  std::string listed;
  for (std::size_t k = 0; k < std::min(keys.size(), kShown); ++k)
    listed += (listed.empty() ? "" : "; ") + keys[k];
  if (keys.size() > kShown) listed += "; and " + std::to_string(keys.size() - kShown) + " more";
  throw InputError((dir / "results.db").string() + ": the stored runs of " + experiment +
                   " were made with another scenario (" + listed +
                   "); resume with the same scenario file and --set values, or give another "
                   "--out");
}

// Marks the runs results.db already holds; refuses a stored sweep without
// `resume`, one whose scenario differs from the stored one, and one whose
// points have changed since.
void mark_stored(io::ResultsDb& db, const std::string& experiment, const std::string& scenario_yaml,
                 const SweepPlan& plan, const std::vector<RunSpec>& runs, bool resume,
                 const std::filesystem::path& dir, std::vector<bool>& done) {
  const auto stored = db.finished_runs(experiment);
  if (!stored.empty() && !resume)
    throw InputError((dir / "results.db").string() + ": already holds " +
                     std::to_string(stored.size()) + " runs of " + experiment +
                     "; add --resume to continue that sweep, or give another --out");
  check_same_scenario(db, experiment, scenario_yaml, dir);
  db.store_experiment_scenario(experiment, scenario_yaml);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto found = stored.find({runs[i].point, runs[i].arm, runs[i].replicate});
    if (found == stored.end()) continue;
    const auto now = parameters_json(plan, static_cast<std::size_t>(runs[i].point));
    if (found->second != now)
      throw InputError((dir / "results.db").string() + ": point " + std::to_string(runs[i].point) +
                       " was stored with parameters " + found->second + ", the sweep now gives " +
                       now + "; the sweep changed since: give another --out");
    done[i] = true;
  }
}

}  // namespace

SweepSummary run_sweep(const std::string& file, std::span<const scenario::Override> overrides,
                       const SweepOptions& options, Cluster& cluster) {
  const auto start = std::chrono::steady_clock::now();
  const std::string started_at = utc_now();
  const ThreadLimit limit(options.threads);
  const auto base = scenario::load_file(file, overrides);
  const auto plan = plan_sweep(base);
  const auto scenarios = point_scenarios(plan, file, overrides);
  const int replicates =
      options.replicates > 0 ? options.replicates : static_cast<int>(plan.sweep.replicates);
  const std::string experiment = "sweep:" + base.name;
  const std::filesystem::path dir = options.out;

  std::vector<RunSpec> runs;
  for (std::size_t p = 0; p < scenarios.size(); ++p)
    for (int r = 0; r < replicates; ++r)
      runs.push_back({static_cast<std::int64_t>(p), kArm, r, &scenarios[p]});

  // Rank 0 alone touches the database; it tells the others what is done.
  std::unique_ptr<io::ResultsDb> db;
  std::vector<bool> done(runs.size(), false);
  SweepSummary summary;
  summary.runs = runs.size();
  // A refusal on rank 0 is told to the other ranks (an empty list of flags)
  // before it is thrown, so that no rank waits for runs that never come.
  std::vector<std::uint8_t> flags;
  std::exception_ptr refusal;
  if (cluster.is_root()) {
    try {
      // A sweep adds its files to the folder: one that holds a sweep in
      // progress (its results.db) is continued, anything else is refused
      // like any other command's output folder.
      if (!std::filesystem::exists(dir / "results.db"))
        io::check_replaceable(
            dir, options.force ? io::Overwrite::anything : io::Overwrite::results_only);
      std::filesystem::create_directories(dir);
      db = std::make_unique<io::ResultsDb>(dir / "results.db");
      mark_stored(*db, experiment, scenario::to_yaml(base), plan, runs, options.resume, dir, done);
      flags = encode_flags(done);
    } catch (...) {
      refusal = std::current_exception();
    }
  }
  flags = cluster.broadcast(std::move(flags));
  if (refusal) std::rethrow_exception(refusal);
  if (flags.size() != runs.size()) return summary;
  for (std::size_t i = 0; i < runs.size(); ++i)
    done[i] = flags[i] != 0;
  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (!done[i]) pending.push_back(i);
  summary.skipped = runs.size() - pending.size();
  if (options.stop_after > 0 && pending.size() > options.stop_after)
    pending.resize(options.stop_after);

  const std::size_t batch = batch_size(limit.threads(), cluster.size());
  const auto ranks = static_cast<std::size_t>(cluster.size());
  std::size_t my_share = 0;
  for (std::size_t b = 0; b < pending.size(); b += batch)
    my_share += (std::min(batch, pending.size() - b) + ranks - 1) / ranks;
  Progress progress("sweep " + base.name, my_share, options.progress && cluster.is_root());
  // Rank 0 stores a batch while the next one runs: the database write (one
  // transaction, on its own thread) overlaps the simulation instead of
  // leaving the workers idle. At most one write is in flight, so batches are
  // stored in order and memory holds at most two batches' rows.
  std::future<void> storing;
  for (std::size_t b = 0; b < pending.size(); b += batch) {
    std::vector<RunSpec> chunk;
    for (std::size_t i = b; i < std::min(pending.size(), b + batch); ++i)
      chunk.push_back(runs[pending[i]]);
    const std::string started = utc_now();
    auto outputs = execute_runs(chunk, cluster, progress);
    if (!cluster.is_root()) continue;
    std::vector<io::StoredRun> stored(chunk.size());
    for (std::size_t c = 0; c < chunk.size(); ++c) {
      auto& s = stored[c];
      s.experiment = experiment;
      s.point = chunk[c].point;
      s.arm = chunk[c].arm;
      s.replicate = chunk[c].replicate;
      s.seed = outputs[c].seed;
      s.parameters = parameters_json(plan, static_cast<std::size_t>(chunk[c].point));
      s.started_at = started;
      s.wall_seconds = outputs[c].wall_seconds;
      s.rows = std::move(outputs[c].rows);
    }
    if (storing.valid()) storing.get();  // rethrows a failed write
    // Packed: the series are only kept until the summaries are made (unless
    // asked for), and rows cost a third of the sweep's CPU (packed_series.hpp).
    const auto form = options.store_series ? io::SeriesForm::rows : io::SeriesForm::packed;
    storing = std::async(std::launch::async, [&db, form, batch_rows = std::move(stored)] {
      db->store_runs(batch_rows, form);
    });
  }
  if (storing.valid()) storing.get();
  progress.finish();
  summary.executed = pending.size();
  summary.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!cluster.is_root() || summary.skipped + summary.executed < runs.size()) return summary;
  // A finished sweep whose series were dropped: its tables stand as written.
  if (summary.executed == 0 && !db->has_series(experiment)) {
    summary.already_finished = true;
    return summary;
  }

  // Every run is stored: the tables come from the database alone, so a
  // resumed sweep writes exactly what an uninterrupted one does.
  io::CsvTable points(dir / "sweep_points.csv", [&] {
    std::vector<std::string> header = {"point"};
    header.insert(header.end(), plan.paths.begin(), plan.paths.end());
    return header;
  }());
  for (std::size_t p = 0; p < plan.values.size(); ++p) {
    points.integer(static_cast<std::int64_t>(p));
    for (const double v : plan.values[p])
      points.number(v);
    points.end_row();
  }
  points.close();

  const auto& outcomes = plan.sweep.outcomes;
  io::CsvTable values(dir / "sweep.csv", {"point", "replicate", "metric", "subject", "value"});
  std::vector<std::vector<double>> y(outcomes.size(), std::vector<double>(scenarios.size(), 0.0));
  // Points are summarised a chunk at a time: the chunk's series are read
  // (SQLite: one thread), summarised in parallel, and stored in one
  // transaction. The values are added up in the same order whatever the
  // thread count, so the tables are bitwise the same.
  constexpr std::size_t kPointsPerChunk = 32;
  for (std::size_t first = 0; first < scenarios.size(); first += kPointsPerChunk) {
    const std::size_t count = std::min(kPointsPerChunk, scenarios.size() - first);
    std::vector<std::vector<std::vector<metrics::MetricRow>>> series(count);  // [point][replicate]
    for (std::size_t k = 0; k < count; ++k)
      for (int r = 0; r < replicates; ++r)
        series[k].push_back(
            db->rows_of(experiment, {static_cast<std::int64_t>(first + k), kArm, r}));
    std::vector<std::vector<double>> point_values(count);  // [point][replicate × outcome]
    std::vector<io::PointSummaries> summaries(count);
    tbb::parallel_for(std::size_t{0}, count, [&](std::size_t k) {
      std::vector<metrics::TimeseriesRow> point_rows;
      for (int r = 0; r < replicates; ++r) {
        auto& rows = series[k][static_cast<std::size_t>(r)];
        for (const auto& outcome : outcomes)
          point_values[k].push_back(outcome_value(rows, outcome));
        for (auto& row : rows)
          point_rows.push_back({kArm, r, std::move(row)});
      }
      summaries[k] = {static_cast<std::int64_t>(first + k), metrics::summarise(point_rows)};
    });
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t p = first + k;
      for (int r = 0; r < replicates; ++r)
        for (std::size_t o = 0; o < outcomes.size(); ++o) {
          const double v = point_values[k][static_cast<std::size_t>(r) * outcomes.size() + o];
          y[o][p] += v / replicates;
          values.integer(static_cast<std::int64_t>(p));
          values.integer(r);
          values.text(outcomes[o].metric);
          values.text(outcomes[o].subject);
          values.number(v);
          values.end_row();
        }
    }
    db->store_summaries(experiment, summaries);
  }
  values.close();
  // The summaries hold what the tables and reports read; the full series
  // only on request (the README's Sobol sweep: 84 MB with them, 39 MB without).
  if (!options.store_series) db->drop_series(experiment);
  write_sensitivity(plan, y, design_streams(base.seed), dir, summary);
  {
    std::ofstream yaml(dir / "scenario.yaml");
    yaml << scenario::to_yaml(base);
    if (!yaml) throw std::runtime_error("cannot write " + (dir / "scenario.yaml").string());
  }
  auto info = run_info(base, "sweep", options.command_line);
  info.started_at = started_at;
  info.threads = limit.threads();
  info.replicates = replicates;
  for (int r = 0; r < replicates; ++r)
    info.replicate_seeds.push_back(replicate_seed(base.seed, static_cast<std::uint32_t>(r)));
  info.arms = {kArm};
  info.design = design_name(plan.sweep.design);
  info.points = static_cast<std::int64_t>(plan.values.size());
  info.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  io::write_run_json(dir / "run.json", info);
  return summary;
}

}  // namespace detente

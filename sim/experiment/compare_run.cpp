#include "experiment/compare_run.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <optional>

#include "core/errors.hpp"
#include "io/csv.hpp"
#include "io/csv_table.hpp"
#include "io/events_csv.hpp"
#include "io/output_dir.hpp"
#include "io/results_db.hpp"
#include "metrics/summary.hpp"
#include "scenario/load.hpp"

namespace detente {

std::vector<Arm> scenario_arms(const scenario::Scenario& scenario) {
  std::vector<Arm> arms;
  for (const std::string& name : scenario::arm_names(scenario))
    arms.push_back(Arm{name, scenario::resolve_arm(scenario, name)});
  return arms;
}

void write_compare_csv(const std::string& path, const std::vector<metrics::CompareRow>& rows) {
  io::CsvTable t(path,
                 {"arm", "baseline", "metric", "subject", "window", "mean_difference", "ci_low",
                  "ci_high", "glass_delta", "spending", "gain_per_million", "better", "rank", "n"});
  const auto number_or_empty = [&](double v) { std::isnan(v) ? t.empty() : t.number(v); };
  for (const auto& r : rows) {
    t.text(r.arm);
    t.text(r.baseline);
    t.text(r.metric);
    t.text(r.subject);
    t.text(r.window);
    number_or_empty(r.mean_difference);
    number_or_empty(r.ci_low);
    number_or_empty(r.ci_high);
    number_or_empty(r.glass_delta);
    t.number(r.spending);
    number_or_empty(r.gain_per_million);
    t.text(metrics::to_string(r.better));
    r.rank > 0 ? t.integer(r.rank) : t.empty();
    t.integer(r.n);
    t.end_row();
  }
  t.close();
}

std::string compare_table(const std::vector<metrics::CompareRow>& rows) {
  std::string out;
  char line[320];
  // %9s for "Glass Δ": printf pads by bytes, and Δ is two bytes wide in UTF-8.
  std::snprintf(line, sizeof line, "%-16s %-28s %-8s %-6s %12s %25s %9s %14s %5s\n", "arm",
                "metric/subject", "window", "better", "difference", "95% CI", "Glass Δ",
                "gain per 1M", "rank");
  out += line;
  for (const auto& r : rows) {
    char ci[64], gain[32], rank[24];
    std::snprintf(ci, sizeof ci, "[%.4f, %.4f]", r.ci_low, r.ci_high);
    if (r.rank > 0)
      std::snprintf(rank, sizeof rank, "%lld", static_cast<long long>(r.rank));
    else
      std::snprintf(rank, sizeof rank, "-");
    if (std::isnan(r.gain_per_million))
      std::snprintf(gain, sizeof gain, "-");
    else
      std::snprintf(gain, sizeof gain, "%.4g", r.gain_per_million);
    std::snprintf(line, sizeof line, "%-16s %-28s %-8s %-6s %+12.4f %25s %8.2f %14s %5s\n",
                  r.arm.c_str(), (r.metric + "/" + r.subject).c_str(), r.window.c_str(),
                  std::string(metrics::to_string(r.better)).c_str(), r.mean_difference, ci,
                  r.glass_delta, gain, rank);
    out += line;
  }
  return out;
}

CompareResult run_compare(const std::vector<Arm>& arms, const CompareOptions& options,
                          Cluster& cluster) {
  if (arms.size() < 2)
    throw InputError(arms.empty() ? std::string("compare: no arms")
                                  : arms[0].scenario.source_path +
                                        ": this scenario declares no arms to compare with its "
                                        "base; compare needs at least two arms");
  std::size_t baseline = arms.size();
  for (std::size_t a = 0; a < arms.size(); ++a)
    if (arms[a].name == options.baseline) baseline = a;
  if (baseline == arms.size()) {
    std::string names;
    for (const auto& a : arms)
      names += (names.empty() ? "" : ", ") + a.name;
    throw InputError("--baseline: expected one of the arms (" + names + "), got \"" +
                     options.baseline + "\"");
  }
  const auto start = std::chrono::steady_clock::now();
  const ThreadLimit limit(options.threads);
  // Checked and staged before the runs: a refused --out costs nothing.
  std::optional<io::StagedOutput> staged;
  if (cluster.is_root())
    staged.emplace(options.out,
                   options.force ? io::Overwrite::anything : io::Overwrite::results_only);
  std::vector<RunSpec> runs;
  for (const auto& arm : arms)
    for (int r = 0; r < options.replicates; ++r)
      runs.push_back({0, arm.name, r, &arm.scenario});
  const auto ranks = static_cast<std::size_t>(cluster.size());
  Progress progress("compare " + arms[0].scenario.name,
                    (runs.size() + ranks - 1 - static_cast<std::size_t>(cluster.rank())) / ranks,
                    options.progress && cluster.is_root());
  auto outputs = execute_runs(runs, cluster, progress);
  progress.finish();
  CompareResult result;
  if (!cluster.is_root()) return result;

  std::vector<metrics::ArmReplicates> by_arm(arms.size());
  std::vector<metrics::TimeseriesRow> timeseries;
  std::vector<io::StoredRun> stored;
  std::vector<io::EventBlock> events;
  const std::string experiment = "compare:" + arms[0].scenario.name;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const std::size_t a = i / static_cast<std::size_t>(options.replicates);
    by_arm[a].name = arms[a].name;
    for (const auto& row : outputs[i].rows)
      timeseries.push_back({runs[i].arm, runs[i].replicate, row});
    events.push_back({runs[i].arm, runs[i].replicate, std::move(outputs[i].events)});
    io::StoredRun s;
    s.experiment = experiment;
    s.arm = runs[i].arm;
    s.replicate = runs[i].replicate;
    s.seed = outputs[i].seed;
    s.wall_seconds = outputs[i].wall_seconds;
    s.rows = outputs[i].rows;
    stored.push_back(std::move(s));
    by_arm[a].replicates.push_back(std::move(outputs[i].rows));
  }
  result.rows = metrics::compare_arms(by_arm, baseline, options.metrics);

  const auto dir = staged->path();
  write_compare_csv((dir / "compare.csv").string(), result.rows);
  io::write_timeseries_csv(dir / "timeseries.csv", timeseries);
  const auto summary = metrics::summarise(timeseries);
  io::write_summary_csv(dir / "summary.csv", summary);
  io::write_events_csv(dir / "events.csv", events);
  {
    std::ofstream yaml(dir / "scenario.yaml");
    yaml << scenario::to_yaml(arms[0].scenario);
    if (!yaml) throw std::runtime_error("cannot write " + (dir / "scenario.yaml").string());
  }
  {
    io::ResultsDb db(dir / "results.db");
    db.store_runs(stored);
    db.store_summaries(experiment, 0, summary);
  }
  staged->commit();
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace detente

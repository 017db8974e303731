#include "experiment/compare_run.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <optional>

#include "core/errors.hpp"
#include "core/timestamp.hpp"
#include "engine/simulation.hpp"
#include "experiment/futures_run.hpp"
#include "experiment/provenance.hpp"
#include "io/csv.hpp"
#include "io/csv_table.hpp"
#include "io/events_csv.hpp"
#include "io/json.hpp"
#include "io/output_dir.hpp"
#include "io/results_db.hpp"
#include "metrics/summary.hpp"
#include "scenario/detail/suggest.hpp"
#include "scenario/headline.hpp"
#include "scenario/load.hpp"

namespace detente {

std::vector<Arm> scenario_arms(const scenario::Scenario& scenario) {
  std::vector<Arm> arms;
  for (const std::string& name : scenario::arm_names(scenario))
    arms.push_back(Arm{name, scenario::resolve_arm(scenario, name)});
  return arms;
}

const std::vector<std::string> kCompareColumns = {"arm",
                                                  "baseline",
                                                  "metric",
                                                  "subject",
                                                  "window",
                                                  "scale",
                                                  "mean_difference",
                                                  "ci_low",
                                                  "ci_high",
                                                  "points",
                                                  "per_1000",
                                                  "person_sd",
                                                  "standardised",
                                                  "baseline_spending",
                                                  "spending",
                                                  "extra_spending",
                                                  "gain_per_million",
                                                  "better",
                                                  "rank",
                                                  "n"};

void write_compare_csv(const std::string& path, const std::vector<metrics::CompareRow>& rows) {
  io::CsvTable t(path, kCompareColumns);
  const auto number_or_empty = [&](double v) { std::isnan(v) ? t.empty() : t.number(v); };
  for (const auto& r : rows) {
    t.text(r.arm);
    t.text(r.baseline);
    t.text(r.metric);
    t.text(r.subject);
    t.text(r.window);
    t.text(metrics::to_string(r.scale));
    number_or_empty(r.mean_difference);
    number_or_empty(r.ci_low);
    number_or_empty(r.ci_high);
    number_or_empty(r.points);
    number_or_empty(r.per_1000);
    number_or_empty(r.person_sd);
    number_or_empty(r.standardised);
    t.number(r.baseline_spending);
    t.number(r.spending);
    t.number(r.extra_spending);
    number_or_empty(r.gain_per_million);
    t.text(metrics::to_string(r.better));
    r.rank > 0 ? t.integer(r.rank) : t.empty();
    t.integer(r.n);
    t.end_row();
  }
  t.close();
}

std::size_t baseline_arm(const std::vector<Arm>& arms, const CompareOptions& options) {
  if (arms.size() < 2)
    throw InputError(arms.empty() ? std::string("compare: no arms")
                                  : arms[0].scenario.source_path +
                                        ": this scenario declares no arms to compare with its "
                                        "base; compare needs at least two arms");
  for (std::size_t a = 0; a < arms.size(); ++a)
    if (arms[a].name == options.baseline) return a;
  std::string names;
  for (const auto& a : arms)
    names += (names.empty() ? "" : ", ") + a.name;
  throw InputError("--baseline: expected one of the arms (" + names + "), got \"" +
                   options.baseline + "\"");
}

std::vector<metrics::Outcome> recorded_outcomes(const scenario::Scenario& scenario) {
  std::vector<metrics::MetricRow> rows;
  make_simulation(scenario, 0)->record(rows);
  if (scenario.stop_when == scenario::StopWhen::converged)
    rows.push_back({0, std::string(metrics::name(metrics::Metric::converged_step)), "all", 0.0});
  std::vector<metrics::Outcome> out;
  for (const auto& r : rows) {
    const metrics::Outcome o{r.metric, r.subject};
    if (std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
  }
  return out;
}

void check_compare_request(const std::vector<Arm>& arms, const CompareOptions& options) {
  const auto& base = arms[baseline_arm(arms, options)].scenario;
  const auto outcomes = recorded_outcomes(base);
  const std::string_view spending = metrics::name(metrics::Metric::spending);
  std::vector<std::string> metrics;
  for (const auto& [metric, subject] : outcomes)
    if (metric != spending && std::find(metrics.begin(), metrics.end(), metric) == metrics.end())
      metrics.push_back(metric);
  std::string known;
  for (const auto& m : metrics)
    known += (known.empty() ? "" : ", ") + m;
  for (const auto& metric : options.metrics) {
    if (metric == spending)
      throw InputError(
          "--metric spending: spending is not compared as an outcome: every row of compare.csv "
          "reports it (baseline_spending, spending, extra_spending, gain_per_million); ask for "
          "an outcome (" +
          known + ") or all");
    if (std::find(metrics.begin(), metrics.end(), metric) != metrics.end()) continue;
    const std::vector<std::string_view> names(metrics.begin(), metrics.end());
    const auto near = scenario::detail::closest(metric, names);
    throw InputError("--metric " + metric + ": expected a metric this run records (" + known +
                     ") or all, got \"" + metric + "\"" +
                     (near.empty() ? "" : "; did you mean \"" + std::string(near) + "\"?"));
  }
  const auto& headline = base.outputs.headline;
  for (std::size_t i = 0; i < headline.size(); ++i) {
    const auto o = scenario::headline_outcome(headline[i]);
    if (std::find(outcomes.begin(), outcomes.end(), o) != outcomes.end()) continue;
    std::string subjects;
    for (const auto& [metric, subject] : outcomes)
      if (metric == o.first) subjects += (subjects.empty() ? "" : ", ") + subject;
    throw InputError(base.source_path + ": outputs.headline[" + std::to_string(i) +
                     "]: expected an outcome the baseline arm records, got \"" + headline[i] +
                     "\"" +
                     (subjects.empty() ? "; this run records no " + o.first
                                       : "; " + o.first + " is recorded for " + subjects));
  }
}

CompareResult run_compare(const std::vector<Arm>& arms, const CompareOptions& options,
                          Cluster& cluster) {
  const std::size_t baseline = baseline_arm(arms, options);
  const auto start = std::chrono::steady_clock::now();
  const std::string started_at = utc_now();
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

  std::vector<metrics::ArmReplicates> by_arm(arms.size());
  std::vector<metrics::TimeseriesRow> timeseries;
  std::vector<io::StoredRun> stored;
  std::vector<io::EventBlock> events;
  const std::string experiment = "compare:" + arms[0].scenario.name;
  std::vector<std::uint64_t> replicate_seeds;
  if (cluster.is_root()) {
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
      if (options.store_series) s.rows = outputs[i].rows;
      if (a == baseline) replicate_seeds.push_back(outputs[i].seed);
      stored.push_back(std::move(s));
      by_arm[a].replicates.push_back(std::move(outputs[i].rows));
    }
    result.rows = metrics::compare_arms(by_arm, baseline, options.metrics);
    std::vector<metrics::Outcome> declared;
    for (const auto& entry : arms[baseline].scenario.outputs.headline)
      declared.push_back(scenario::headline_outcome(entry));
    result.headline = metrics::headline_outcomes(result.rows, declared, kHeadlineOutcomes);
  }
  // Every rank runs the futures; scenario discovery looks at the outcomes
  // the brief leads with, which rank 0 has just settled.
  std::optional<FuturesResult> futures;
  if (options.futures > 0) futures = run_futures(arms, baseline, options, result.headline, cluster);
  if (!cluster.is_root()) return result;

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
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto info = run_info(arms[baseline].scenario, "compare", options.command_line);
  info.started_at = started_at;
  info.threads = limit.threads();
  info.wall_seconds = result.wall_seconds;
  info.replicates = options.replicates;
  info.replicate_seeds = replicate_seeds;
  info.baseline = arms[baseline].name;
  for (const auto& arm : arms)
    info.arms.push_back(arm.name);
  for (const auto& [metric, subject] : result.headline)
    info.headline.push_back(metric + "/" + subject);
  if (futures) {
    write_robustness_csv(dir / "robustness.csv", futures->robustness);
    write_discovery_csv(dir / "discovery.csv", futures->discovery);
    write_futures_csv(dir / "futures.csv", futures->plan);
    info.futures = static_cast<std::int64_t>(options.futures);
    result.robustness = std::move(futures->robustness);
  }
  io::write_run_json(dir / "run.json", info);
  staged->commit();
  return result;
}

}  // namespace detente

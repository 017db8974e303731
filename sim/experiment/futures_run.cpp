#include "experiment/futures_run.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <optional>

#include "experiment/progress.hpp"
#include "io/csv_table.hpp"

namespace detente {
namespace {

// One run's rows reduced to the final value and the mean over output steps
// (where the metric has a value) of each outcome, as compare reads them.
void reduce_run(const std::vector<metrics::MetricRow>& rows,
                const std::map<metrics::Outcome, std::size_t>& index, FutureValues& values,
                std::size_t f, std::size_t a, std::size_t r) {
  const std::size_t n = values.outcomes().size();
  std::vector<std::int64_t> last(n, -1);
  std::vector<double> sum(n, 0.0);
  std::vector<std::size_t> count(n, 0);
  metrics::Outcome key;
  for (const auto& row : rows) {
    key.first = row.metric;
    key.second = row.subject;
    const auto found = index.find(key);
    if (found == index.end()) continue;
    const std::size_t o = found->second;
    if (row.step > last[o]) {
      last[o] = row.step;
      values.at(f, a, r, o, Window::final) = row.value;
    }
    if (std::isnan(row.value)) continue;
    sum[o] += row.value;
    ++count[o];
  }
  for (std::size_t o = 0; o < n; ++o)
    if (count[o]) values.at(f, a, r, o, Window::average) = sum[o] / static_cast<double>(count[o]);
}

std::vector<metrics::Outcome> outcomes_of(const std::vector<metrics::MetricRow>& rows,
                                          const std::vector<std::string>& wanted) {
  std::vector<metrics::Outcome> out;
  const std::string_view spending = metrics::name(metrics::Metric::spending);
  for (const auto& r : rows) {
    if (r.metric == spending) continue;
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), r.metric) == wanted.end())
      continue;
    const metrics::Outcome o{r.metric, r.subject};
    if (std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
  }
  return out;
}

}  // namespace

std::size_t futures_per_batch(std::size_t replicates, std::size_t threads, std::size_t ranks) {
  const std::size_t tasks =
      kFutureTasksPerThread * std::max<std::size_t>(1, threads) * std::max<std::size_t>(1, ranks);
  const std::size_t per_future = std::max<std::size_t>(1, replicates);
  return std::max<std::size_t>(1, (tasks + per_future - 1) / per_future);
}

FuturesResult run_futures(const std::vector<Arm>& arms, std::size_t baseline,
                          const CompareOptions& options,
                          const std::vector<metrics::Outcome>& discover, Cluster& cluster) {
  FuturesResult result;
  result.plan = plan_futures(arms[0].scenario, options.futures);
  const std::size_t n_futures = result.plan.values.size();
  const std::size_t n_arms = arms.size();
  const auto n_replicates = static_cast<std::size_t>(options.replicates);
  const std::size_t per_future = n_arms * n_replicates;
  const std::size_t batch = futures_per_batch(
      n_replicates, tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism),
      static_cast<std::size_t>(cluster.size()));
  result.runs = n_futures * per_future;

  const auto ranks = static_cast<std::size_t>(cluster.size());
  Progress progress("futures " + arms[0].scenario.name,
                    (result.runs + ranks - 1 - static_cast<std::size_t>(cluster.rank())) / ranks,
                    options.progress && cluster.is_root());
  std::optional<FutureValues> values;
  std::map<metrics::Outcome, std::size_t> index;
  for (std::size_t first = 0; first < n_futures; first += batch) {
    const std::size_t last = std::min(n_futures, first + batch);
    // Each future's arms, resolved from the base with its uncertain keys set:
    // in parallel (each a YAML round trip, they were a serial tenth of a small
    // run), each future into its own slot; the first failure in future order
    // is the one reported.
    std::vector<std::vector<Arm>> worlds(last - first);
    std::vector<std::exception_ptr> failed(last - first);
    tbb::parallel_for(first, last, [&](std::size_t f) {
      try {
        const auto world = scenario_arms(future_scenario(arms[0].scenario, result.plan, f));
        for (const auto& arm : arms)
          for (const auto& w : world)
            if (w.name == arm.name) worlds[f - first].push_back(w);
      } catch (...) {
        failed[f - first] = std::current_exception();
      }
    });
    for (const auto& failure : failed)
      if (failure) std::rethrow_exception(failure);
    std::vector<RunSpec> runs;
    for (std::size_t f = first; f < last; ++f)
      for (std::size_t a = 0; a < n_arms; ++a)
        for (std::size_t r = 0; r < n_replicates; ++r)
          runs.push_back({static_cast<std::int64_t>(f), arms[a].name, static_cast<std::int32_t>(r),
                          &worlds[f - first][a].scenario});
    auto outputs = execute_runs(runs, cluster, progress);
    if (!cluster.is_root()) continue;
    if (!values) {
      auto outcomes = outcomes_of(outputs[baseline * n_replicates].rows, options.metrics);
      for (std::size_t o = 0; o < outcomes.size(); ++o)
        index.emplace(outcomes[o], o);
      std::vector<std::string> names;
      for (const auto& arm : arms)
        names.push_back(arm.name);
      values.emplace(std::move(outcomes), std::move(names), n_futures, n_replicates);
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const std::size_t f = first + i / per_future;
      const std::size_t a = (i % per_future) / n_replicates;
      const std::size_t r = i % n_replicates;
      reduce_run(outputs[i].rows, index, *values, f, a, r);
    }
  }
  progress.finish();
  if (!cluster.is_root()) return result;
  result.robustness = robustness(*values, baseline);
  result.discovery = discovery(*values, result.plan, baseline, discover);
  return result;
}

const std::vector<std::string> kRobustnessColumns = {"arm",
                                                     "baseline",
                                                     "metric",
                                                     "subject",
                                                     "window",
                                                     "better",
                                                     "scale",
                                                     "futures",
                                                     "beats_share",
                                                     "beats_low",
                                                     "beats_high",
                                                     "loses_share",
                                                     "median_difference",
                                                     "p10_difference",
                                                     "p90_difference",
                                                     "median_regret",
                                                     "max_regret",
                                                     "replicates"};

const std::vector<std::string> kDiscoveryColumns = {"arm",      "metric",  "subject", "window",
                                                    "answer",   "box",     "futures", "of_interest",
                                                    "coverage", "density", "chosen",  "limits"};

void write_robustness_csv(const std::filesystem::path& path,
                          const std::vector<RobustnessRow>& rows) {
  io::CsvTable t(path, kRobustnessColumns);
  const auto number_or_empty = [&](double v) { std::isnan(v) ? t.empty() : t.number(v); };
  for (const auto& r : rows) {
    t.text(r.arm);
    t.text(r.baseline);
    t.text(r.metric);
    t.text(r.subject);
    t.text(r.window);
    t.text(metrics::to_string(r.better));
    t.text(metrics::to_string(r.scale));
    t.integer(r.futures);
    for (const double v :
         {r.beats_share, r.beats_low, r.beats_high, r.loses_share, r.median_difference,
          r.p10_difference, r.p90_difference, r.median_regret, r.max_regret})
      number_or_empty(v);
    t.integer(r.replicates);
    t.end_row();
  }
  t.close();
}

void write_discovery_csv(const std::filesystem::path& path, const std::vector<DiscoveryRow>& rows) {
  io::CsvTable t(path, kDiscoveryColumns);
  for (const auto& r : rows) {
    t.text(r.arm);
    t.text(r.metric);
    t.text(r.subject);
    t.text(r.window);
    t.text(r.answer);
    t.integer(r.box);
    t.integer(r.futures);
    t.integer(r.of_interest);
    t.number(r.coverage);
    t.number(r.density);
    t.text(r.chosen ? "yes" : "no");
    t.text(r.limits);
    t.end_row();
  }
  t.close();
}

void write_futures_csv(const std::filesystem::path& path, const FuturePlan& plan) {
  std::vector<std::string> header = {"future"};
  for (const auto& p : plan.parameters)
    header.push_back(p.path);
  io::CsvTable t(path, header);
  for (std::size_t f = 0; f < plan.values.size(); ++f) {
    t.integer(static_cast<std::int64_t>(f));
    for (const double v : plan.values[f])
      t.number(v);
    t.end_row();
  }
  t.close();
}

}  // namespace detente

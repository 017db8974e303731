// outputs.headline: each entry names a metric the simulation knows (the
// metric table, metrics/metric_table.hpp) and a subject this scenario has.
// Whether a run records it (gap needs two groups, intervention metrics need
// interventions) is checked by `detente compare` before it runs.
#include <algorithm>
#include <string>
#include <vector>

#include "metrics/metric_table.hpp"
#include "scenario/detail/checks.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/suggest.hpp"
#include "scenario/headline.hpp"

namespace detente::scenario::detail {

namespace {

// Subjects a scenario's rows can name: all, groups, directed pairs, interventions.
std::vector<std::string> subjects_of(const Scenario& scenario) {
  std::vector<std::string> out = {"all"};
  const auto& groups = scenario.population.groups;
  for (const auto& g : groups)
    out.push_back(g.name);
  for (const auto& g : groups)
    for (const auto& h : groups)
      if (g.name != h.name) out.push_back(g.name + "->" + h.name);
  for (const auto& i : scenario.interventions)
    out.push_back(i.name);
  return out;
}

}  // namespace

void check_outputs(const Scenario& scenario, const Reporter& reporter) {
  const std::string_view spending = metrics::name(metrics::Metric::spending);
  std::vector<std::string_view> metrics;
  for (const auto& m : metrics::metric_table())
    if (m.name != spending) metrics.push_back(m.name);
  const auto subjects = subjects_of(scenario);
  const std::vector<std::string_view> subject_views(subjects.begin(), subjects.end());
  const auto& headline = scenario.outputs.headline;
  for (std::size_t i = 0; i < headline.size(); ++i) {
    const std::string path = index_path("outputs.headline", i);
    const auto [metric, subject] = headline_outcome(headline[i]);
    if (metric == spending)
      reporter.expected_at(path, "an outcome", headline[i],
                           "spending is reported beside every outcome (extra_spending, "
                           "gain_per_million); name the outcome it should buy");
    if (std::find(metrics.begin(), metrics.end(), metric) == metrics.end())
      reporter.expected_at(path, "a metric, or metric/subject", headline[i],
                           suggestion(metric, metrics, "metrics"));
    if (std::find(subjects.begin(), subjects.end(), subject) == subjects.end())
      reporter.expected_at(path, "metric/subject with a subject of this scenario", headline[i],
                           suggestion(subject, subject_views, "subjects"));
  }
}

}  // namespace detente::scenario::detail

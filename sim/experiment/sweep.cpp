#include "experiment/sweep.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <optional>
#include <set>

#include <tbb/parallel_for.h>

#include "core/errors.hpp"

namespace detente {
namespace {

std::string where(std::size_t i) {
  return "sweep.parameters[" + std::to_string(i) + "]";
}

double map_unit(const scenario::SweepParameter& p, double u) {
  double v;
  if (!p.values.empty()) {
    const auto n = p.values.size();
    v = p.values[std::min(n - 1, static_cast<std::size_t>(u * static_cast<double>(n)))];
  } else {
    v = *p.low + u * (*p.high - *p.low);
  }
  return p.integer ? std::round(v) : v;
}

}  // namespace

std::string number_text(double value) {
  char buffer[64];
  // A whole number keeps its digits (2000000, not 2e+06): an integer key
  // such as a group's size refuses the exponent form.
  const bool whole = std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15;
  const auto end =
      whole ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed).ptr
            : std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

SweepPlan plan_sweep(const scenario::Scenario& scenario) {
  const auto& sweep = scenario.sweep;
  if (sweep.parameters.empty())
    throw InputError(scenario.source_path +
                     ": sweep.parameters: expected at least one parameter to vary, got none; "
                     "add a `sweep:` block (see scenarios/sweep_contact.yaml)");
  if (sweep.outcomes.empty())
    throw InputError(scenario.source_path +
                     ": sweep.outcomes: expected at least one outcome, e.g. "
                     "[{metric: trusting_share, subject: all}]");
  SweepPlan plan;
  plan.sweep = sweep;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < sweep.parameters.size(); ++i) {
    const auto& p = sweep.parameters[i];
    const bool range = p.low.has_value() || p.high.has_value();
    if (range && !p.values.empty())
      throw InputError(scenario.source_path + ": " + where(i) +
                       ": expected either low and high or values, got both");
    if (!range && p.values.empty())
      throw InputError(scenario.source_path + ": " + where(i) +
                       ": expected low and high (a range) or values (a list), got neither");
    if (range && (!p.low || !p.high || !(*p.low < *p.high)))
      throw InputError(scenario.source_path + ": " + where(i) +
                       ": expected low < high, both given");
    if (!seen.insert(p.path).second)
      throw InputError(scenario.source_path + ": " + where(i) + ".path: \"" + p.path +
                       "\" is swept twice");
    plan.paths.push_back(p.path);
  }
  const std::size_t k = sweep.parameters.size();
  const auto samples = static_cast<std::size_t>(sweep.samples);
  const Streams rng = design_streams(scenario.seed);
  std::vector<Point> unit;
  switch (sweep.design) {
    case scenario::SweepDesign::grid: {
      // A value list is taken whole: its L values sit at the centres of L strata.
      std::vector<std::size_t> levels;
      for (const auto& p : sweep.parameters)
        levels.push_back(p.values.empty() ? static_cast<std::size_t>(sweep.levels)
                                          : p.values.size());
      unit = grid_design(levels);
      for (auto& point : unit)
        for (std::size_t i = 0; i < k; ++i)
          if (const auto n = sweep.parameters[i].values.size(); n > 0)
            point[i] =
                (std::round(point[i] * static_cast<double>(n - 1)) + 0.5) / static_cast<double>(n);
      break;
    }
    case scenario::SweepDesign::latin_hypercube:
      unit = latin_hypercube(samples, k, rng);
      break;
    case scenario::SweepDesign::morris:
      if (sweep.levels % 2 != 0)
        throw InputError(scenario.source_path +
                         ": sweep.levels: expected an even number for "
                         "morris, got " +
                         std::to_string(sweep.levels));
      plan.morris = morris_design(samples, k, static_cast<std::size_t>(sweep.levels), rng);
      unit = plan.morris.points;
      break;
    case scenario::SweepDesign::sobol:
      plan.sobol_rows = samples;
      unit = saltelli_design(samples, k, rng);
      break;
  }
  for (const auto& point : unit) {
    std::vector<double> values(k);
    for (std::size_t i = 0; i < k; ++i)
      values[i] = map_unit(sweep.parameters[i], point[i]);
    plan.values.push_back(std::move(values));
  }
  return plan;
}

std::vector<scenario::Scenario> point_scenarios(const SweepPlan& plan, const std::string& file,
                                                std::span<const scenario::Override> overrides) {
  // Loaded in parallel (a sweep's hundreds of points took a serial second):
  // each point writes only its own slot, and the first point that fails, in
  // point order, is the one reported, whatever the thread count.
  const std::size_t count = plan.values.size();
  std::vector<std::optional<scenario::Scenario>> loaded(count);
  std::vector<std::exception_ptr> failed(count);
  tbb::parallel_for(std::size_t{0}, count, [&](std::size_t point) {
    std::vector<scenario::Override> all(overrides.begin(), overrides.end());
    for (std::size_t i = 0; i < plan.paths.size(); ++i)
      all.push_back({plan.paths[i], number_text(plan.values[point][i])});
    try {
      loaded[point] = scenario::load_file(file, all);
    } catch (...) {
      failed[point] = std::current_exception();
    }
  });
  std::vector<scenario::Scenario> out;
  out.reserve(count);
  for (std::size_t point = 0; point < count; ++point) {
    if (failed[point]) {
      try {
        std::rethrow_exception(failed[point]);
      } catch (const InputError& error) {
        throw InputError(std::string(error.what()) + " (in sweep point " + std::to_string(point) +
                         " of " + file + ")");
      }
    }
    out.push_back(std::move(*loaded[point]));
  }
  return out;
}

std::string parameters_json(const SweepPlan& plan, std::size_t point) {
  std::string out = "{";
  for (std::size_t i = 0; i < plan.paths.size(); ++i) {
    out += (i ? ", \"" : "\"") + plan.paths[i] + "\": ";
    const double v = plan.values[point][i];
    out += std::isfinite(v) ? number_text(v) : "null";
  }
  return out + "}";
}

double outcome_value(std::span<const metrics::MetricRow> rows,
                     const scenario::SweepOutcome& outcome) {
  std::int64_t last = -1;
  const metrics::MetricRow* found = nullptr;
  for (const auto& row : rows) {
    if (row.metric != outcome.metric || row.subject != outcome.subject) continue;
    if (outcome.step ? row.step == *outcome.step : row.step > last) {
      last = row.step;
      found = &row;
    }
  }
  if (found != nullptr) return found->value;
  std::set<std::string> names;
  for (const auto& row : rows)
    if (row.metric == outcome.metric)
      names.insert(row.step == rows.front().step ? row.subject : "");
  std::string text;
  if (names.empty()) {
    std::set<std::string> metrics;
    for (const auto& row : rows)
      metrics.insert(row.metric);
    for (const auto& m : metrics)
      text += (text.empty() ? "" : ", ") + m;
    throw InputError("sweep.outcomes: no metric \"" + outcome.metric + "\"; the metrics are " +
                     text);
  }
  for (const auto& s : names)
    if (!s.empty()) text += (text.empty() ? "" : ", ") + s;
  throw InputError("sweep.outcomes: metric \"" + outcome.metric + "\" has no subject \"" +
                   outcome.subject + "\"" +
                   (outcome.step ? " at step " + std::to_string(*outcome.step) : "") +
                   "; its subjects are " + text);
}

}  // namespace detente

// Warnings: a programme that can never run or never spend, a trigger whose
// metric cannot cross its threshold, an arm that changes nothing.
#include "scenario/detail/warnings.hpp"

#include <cstdio>
#include <string_view>

#include "metrics/metric_table.hpp"
#include "scenario/detail/arms.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/plan.hpp"

namespace detente::scenario::detail {
namespace {

std::string amount(double v) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.0f", v);
  if (v < 10 && v != static_cast<double>(static_cast<long long>(v)))
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

std::string number(double v) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

// The values a metric can take, from its unit: shares and trust in [0, 1],
// counts and money from 0; nullopt when the table gives no bound.
struct Range {
  double low = 0.0;
  double high = 0.0;
  bool bounded_above = false;
};

std::optional<Range> range_of(std::string_view metric) {
  const metrics::MetricInfo* m = metrics::find(metric);
  if (m == nullptr) return std::nullopt;
  const std::string_view unit = m->unit;
  if (unit.find("0-1") != std::string_view::npos) return Range{0.0, 1.0, true};
  if (unit.find("count") != std::string_view::npos || unit.find("money") != std::string_view::npos)
    return Range{0.0, 0.0, false};
  return std::nullopt;
}

void programme_warnings(const Scenario& s, const Reporter& reporter,
                        std::vector<std::string>& out) {
  const CostPlan plan = plan_costs(s);
  for (const ProgrammePlan& p : plan.programmes) {
    const Intervention& spec = s.interventions[p.index];
    const std::string path = index_path("interventions", p.index);
    const std::string what = "programme \"" + spec.name + "\"";
    if (spec.start > s.steps) {
      out.push_back(reporter.located(
          key_path(path, "start"), std::to_string(spec.start) + " is after the run's last step (" +
                                       std::to_string(s.steps) + "): the " + what + " never " +
                                       (p.triggered ? "watches its trigger" : "runs") +
                                       "; start it earlier"));
      continue;
    }
    if (p.rounds == 0) {
      out.push_back(reporter.located(path, "the " + what +
                                               " has no round within the run (start, every, end, "
                                               "rounds): it never runs"));
      continue;
    }
    if (p.cohort > 0 && p.cohort > p.eligible) {
      out.push_back(reporter.located(
          key_path(path, "cohort"),
          "a cohort of " + std::to_string(p.cohort) + " per group, but only " +
              std::to_string(p.eligible) +
              " people can take part in the smallest targeted group: the first round takes "
              "everyone who can" +
              (spec.target.repeat ? "" : " and later rounds find nobody new") +
              "; make the cohort at most " + std::to_string(p.eligible)));
    }
    if (s.budget.total && p.first_round_cost > *s.budget.total) {
      out.push_back(reporter.located(
          key_path(path, "cost"),
          "one round of the " + what + " costs about " + amount(p.first_round_cost) +
              ", more than the whole budget (budget.total " + amount(*s.budget.total) +
              "): it never runs; make it smaller or cheaper"));
    } else if (s.budget.per_year && p.first_round_cost > *s.budget.per_year) {
      out.push_back(reporter.located(
          key_path(path, "cost"),
          "one round of the " + what + " costs about " + amount(p.first_round_cost) +
              ", more than a year's money (budget.per_year " + amount(*s.budget.per_year) +
              "): it never runs; make it smaller or cheaper"));
    }
    if (p.triggered) {
      const auto range = range_of(spec.when.metric);
      if (!range) continue;
      const std::string subject = spec.when.metric + " " + spec.when.subject;
      if (spec.when.below && *spec.when.below <= range->low)
        out.push_back(reporter.located(key_path(key_path(path, "when"), "below"),
                                       subject + " is never below " + number(*spec.when.below) +
                                           " (it is at least " + number(range->low) +
                                           "): the trigger never fires"));
      if (spec.when.above && range->bounded_above && *spec.when.above >= range->high)
        out.push_back(reporter.located(key_path(key_path(path, "when"), "above"),
                                       subject + " is never above " + number(*spec.when.above) +
                                           " (it is at most " + number(range->high) +
                                           "): the trigger never fires"));
    }
  }
}

void arm_warnings(const Value& root, const Scenario& base, const Reporter& reporter,
                  const std::string& display_name, const std::filesystem::path& base_dir,
                  std::vector<std::string>& out) {
  const Entry* arms = root.find("arms");
  if (arms == nullptr || !arms->value.is_list()) return;
  Scenario plain = base;
  plain.arms.clear();
  for (std::size_t i = 0; i < arms->value.items.size(); ++i) {
    Scenario arm = build_arm(root, i, display_name, base_dir);
    arm.name = plain.name, arm.seed = plain.seed, arm.source_path = plain.source_path;
    arm.arms.clear();
    if (arm == plain)
      out.push_back(reporter.located(arms->value.items[i].at, index_path("arms", i),
                                     "this arm changes nothing: it is the base under another "
                                     "name; give it a setting that differs or remove it"));
  }
}

}  // namespace

std::vector<std::string> find_warnings(const Value& root, const Scenario& scenario,
                                       const Reporter& reporter, const std::string& display_name,
                                       const std::filesystem::path& base_dir) {
  std::vector<std::string> out;
  programme_warnings(scenario, reporter, out);
  arm_warnings(root, scenario, reporter, display_name, base_dir, out);
  return out;
}

}  // namespace detente::scenario::detail

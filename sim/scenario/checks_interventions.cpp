// Names and choices of the convener's side that refer to other entries:
// targeted groups and roles, audiences and sponsors, the programmes a
// coordination looks after, triggers' metrics and subjects, the budget's cut
// order and the convener's alignment.
#include <algorithm>
#include <string_view>
#include <variant>
#include <vector>

#include "metrics/metric_table.hpp"
#include "scenario/detail/checks.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/scalars.hpp"
#include "scenario/detail/schema.hpp"
#include "scenario/detail/suggest.hpp"

namespace detente::scenario::detail {
namespace {

std::string hint(std::string_view given, const std::vector<std::string_view>& names) {
  const std::string_view near = closest(given, names);
  return near.empty() ? "" : "did you mean \"" + std::string(near) + "\"?";
}

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (const std::string_view n : names)
    out += (out.empty() ? "" : " | ") + std::string(n);
  return out;
}

bool has(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

struct Names {
  std::vector<std::string_view> groups, roles, interventions;
};

Names names_of(const Scenario& s) {
  Names n;
  for (const Group& g : s.population.groups) {
    n.groups.push_back(g.name);
    for (const RoleShare& r : g.roles)
      if (!has(n.roles, r.name)) n.roles.push_back(r.name);
  }
  for (const Intervention& i : s.interventions)
    n.interventions.push_back(i.name);
  return n;
}

void check_list(const std::vector<std::string>& list, const std::vector<std::string_view>& valid,
                const std::string& noun, const std::string& path, const Reporter& reporter) {
  for (std::size_t k = 0; k < list.size(); ++k)
    if (!has(valid, list[k]))
      reporter.expected_at(index_path(path, k),
                           valid.empty() ? noun : noun + " (" + joined(valid) + ")", list[k],
                           hint(list[k], valid));
}

void check_trigger(const Trigger& when, const Names& names, const std::string& path,
                   const Reporter& reporter) {
  // The metrics a trigger can watch: the table's watchable ones that the trust model records.
  std::vector<std::string_view> metrics;
  for (const auto& m : metrics::metric_table())
    if (m.watchable && m.model != metrics::Model::classic) metrics.push_back(m.name);
  if (when.metric.empty()) {
    if (when.below || when.above)
      reporter.expected_at(key_path(path, "metric"), "a metric to watch", "",
                           "below and above need a metric, e.g. trusting_share");
    return;
  }
  if (!has(metrics, when.metric))
    reporter.expected_at(key_path(path, "metric"), "one of " + joined(metrics), when.metric,
                         hint(when.metric, metrics));
  if (when.below.has_value() == when.above.has_value())
    reporter.expected_at(key_path(path, when.below ? "above" : "below"),
                         "exactly one of below and above",
                         when.below ? format_number(*when.above) : "",
                         "say which side of the threshold fires the response");

  // The subjects the metric has in timeseries.csv.
  const metrics::MetricInfo* watched = metrics::find(when.metric);
  if (watched == nullptr) return;
  const std::vector<std::string> groups(names.groups.begin(), names.groups.end());
  std::vector<std::string> subjects = metrics::trust_model_subjects(*watched, groups, {});
  std::rotate(subjects.begin(), subjects.end() - 1, subjects.end());  // "all" first
  if (std::find(subjects.begin(), subjects.end(), when.subject) == subjects.end()) {
    const std::vector<std::string_view> views(subjects.begin(), subjects.end());
    reporter.expected_at(key_path(path, "subject"),
                         "a subject of " + when.metric + " (" + joined(views) + ")", when.subject,
                         hint(when.subject, views));
  }
}

void check_sponsor(const std::string& sponsor, const Names& names, const std::string& path,
                   const Reporter& reporter) {
  if (sponsor == "convener" || has(names.groups, sponsor)) return;
  std::vector<std::string_view> valid = {"convener"};
  valid.insert(valid.end(), names.groups.begin(), names.groups.end());
  reporter.expected_at(path, "convener or a group name (" + joined(names.groups) + ")", sponsor,
                       hint(sponsor, valid));
}

void check_type_keys(const Intervention& intervention, const Names& names, const std::string& path,
                     const Reporter& reporter) {
  const std::string groups = "a group name";
  if (const auto* p = std::get_if<MediaCampaign>(&intervention.params)) {
    check_list(p->audience, names.groups, groups, key_path(path, "audience"), reporter);
    check_sponsor(p->sponsor, names, key_path(path, "sponsor"), reporter);
  } else if (const auto* j = std::get_if<JointProduction>(&intervention.params)) {
    check_list(j->audience, names.groups, groups, key_path(path, "audience"), reporter);
  } else if (const auto* c = std::get_if<Coordination>(&intervention.params)) {
    check_list(c->programmes, names.interventions, "an intervention name",
               key_path(path, "programmes"), reporter);
  }
  const bool teams = std::holds_alternative<ExchangeProgram>(intervention.params) ||
                     std::holds_alternative<JointProduction>(intervention.params);
  if (teams && intervention.target.groups.size() == 1)
    reporter.expected_at(index_path(key_path(key_path(path, "target"), "groups"), 0),
                         "at least two groups, or none for every group",
                         intervention.target.groups[0],
                         "a programme's teams mix members of different groups");
}

}  // namespace

void check_interventions(const Scenario& scenario, const Reporter& reporter) {
  const Names names = names_of(scenario);
  for (std::size_t i = 0; i < scenario.interventions.size(); ++i) {
    const Intervention& intervention = scenario.interventions[i];
    const std::string path = index_path("interventions", i);
    const std::string target = key_path(path, "target");
    check_list(intervention.target.groups, names.groups, "a group name", key_path(target, "groups"),
               reporter);
    check_list(intervention.target.roles, names.roles, "a role of some group",
               key_path(target, "roles"), reporter);
    check_trigger(intervention.when, names, key_path(path, "when"), reporter);
    check_type_keys(intervention, names, path, reporter);
    const auto* campaign = std::get_if<MediaCampaign>(&intervention.params);
    if (campaign && campaign->norm_shift > 0.0 && !scenario.dynamics.norms.enabled)
      reporter.expected_at(key_path(path, "norm_shift"), "0 while dynamics.norms is off",
                           format_number(campaign->norm_shift),
                           "a campaign can move perceived norms only where people hold them; "
                           "set dynamics.norms.enabled: true or norm_shift: 0");
  }
  check_list(scenario.budget.cut_order, names.interventions, "an intervention name",
             "budget.cut_order", reporter);
  const std::string& alignment = scenario.convener.alignment;
  if (!alignment.empty() && !has(names.groups, alignment))
    reporter.expected_at("convener.alignment",
                         "a group name (" + joined(names.groups) + ") or nothing for neutral",
                         alignment, hint(alignment, names.groups));
}

}  // namespace detente::scenario::detail

#pragma once
// The one table of outcome metrics: for every metric the recorders can write,
// its name, its subjects, its unit, which way is better, a label and a short
// label for people, a one-line meaning and whether a `when:` trigger may
// watch it. The recorders (metrics.cpp, intervention_metrics.cpp,
// opinion_metrics.cpp), compare's directions, trigger validation, `detente
// metrics [--json]`, the docs, the workshop page and the Python analysis all
// read it; no other list of metric names, labels or directions exists.
//
//   const auto& m = metrics::info(Metric::political_space);
//   m.name;                                   // "political_space"
//   metrics::find("hostile_share")->better;   // Better::lower
//
// To add a metric: an id in Metric, its row in metric_table.cpp (in the same
// place), and the recorder that emits it by name(Metric::...).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace detente::metrics {

enum class Better : std::uint8_t { higher, lower };

// Ids in table order: the order rows of one family are recorded in.
enum class Metric : std::uint8_t {
  // Trust toward the other side (metrics.hpp §1); for the classic models,
  // the same statistics of their opinions.
  mean,
  median,
  p10,
  p90,
  sd,
  trusting_share,
  hostile_share,
  bimodality,
  // Between the groups (metrics.hpp §2–3).
  gap,
  political_space,
  // What people believe their own group thinks (metrics.hpp §3b; dynamics.norms).
  perceived_norm,
  // Ties and reactions (metrics.hpp §4–5).
  cross_tie_share,
  positive_tie_share,
  backlash_events,
  positive_meeting_share,
  cross_ties,
  positive_cross_ties,
  // The convener's work (intervention_metrics.hpp).
  convener_trust,
  spending,
  exposures,
  participants,
  participant_marginalised_share,
  participant_role_entropy,
  ambassadors,
  programme_ties,
  // Leaders, while dynamics.leaders is on (leader_metrics.hpp).
  leader_room,
  // The classic models (opinion_metrics.hpp).
  clusters,
  major_clusters,
  share_one,
  regions,
  largest_region,
  cultures,
  converged_step,
};

// Whose values a metric has, besides "all" (which every metric has).
enum class Subjects : std::uint8_t {
  pairs,          // each directed pair "g->h" (trust model); each group (classic models)
  groups,         // each group
  interventions,  // each intervention, by name
  all_only,       // only "all"
};

// Which model records it.
enum class Model : std::uint8_t { trust, classic, both };

// What a difference in the metric is measured in, for compare's effect sizes:
// a level of the trust (or opinion) distribution, whose person-level sd the
// runs record as `sd`; a share of the public, read in percentage points and
// in people per 1,000 who cross its line; another share (percentage points
// only); or anything else (counts, coefficients), compared in its own units.
enum class Scale : std::uint8_t { other, trust_level, public_share, share };

struct MetricInfo {
  Metric id;
  std::string_view name;
  Model model;
  Subjects subjects;
  std::string_view unit;  // "trust, 0-1", "share, 0-1", "count", "money", ...
  Better better;
  Scale scale;
  std::string_view label;        // for people: a chart title or table header
  std::string_view short_label;  // for sentences and tight places
  std::string_view meaning;      // one line
  bool watchable;                // a `when:` trigger may watch it
};

std::span<const MetricInfo> metric_table();
const MetricInfo& info(Metric metric);
std::string_view name(Metric metric);
// The row named `name`, or nullptr.
const MetricInfo* find(std::string_view name);
// The row named `name`; throws std::invalid_argument naming the table when
// there is none (a metric must be in the table to be recorded or compared).
const MetricInfo& require(std::string_view name);

// "higher" or "lower".
std::string_view to_string(Better better);
std::string_view to_string(Subjects subjects);
std::string_view to_string(Model model);
// "trust_level", "public_share", "share" or "other".
std::string_view to_string(Scale scale);

// The subjects the trust model records `metric` for, in recording order,
// given the scenario's group and intervention names ("all" last).
std::vector<std::string> trust_model_subjects(const MetricInfo& metric,
                                              std::span<const std::string> groups,
                                              std::span<const std::string> interventions);

// The table as JSON (`detente metrics --json`): an array of objects with the
// fields of MetricInfo, enums as their names.
std::string metric_table_json();

}  // namespace detente::metrics

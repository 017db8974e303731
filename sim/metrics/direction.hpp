#pragma once
// Which way each outcome metric is better, declared once for every metric the
// simulation records (metrics.hpp, intervention_metrics.hpp,
// opinion_metrics.hpp). `detente compare` ranks arms by it and states it in
// compare.csv's `better` column, so "rank 1" always means "the best arm".
//
//   if (metrics::better_direction("hostile_share") == metrics::Better::lower) …
//   metrics::to_string(metrics::Better::lower);   // "lower"
//
// Lower is better for the signs of division — spread and polarisation (sd,
// bimodality, gap), hostility (hostile_share, backlash_events) — and for
// spending; higher is better for trust, ties, the convener's credibility and
// the reach of its programmes. For the classic models, consensus (fewer
// clusters, regions and cultures; a larger largest region; earlier
// convergence) counts as better; `share_one` and the opinion levels have no
// natural direction and rank by the larger value.
#include <span>
#include <string_view>

namespace detente::metrics {

enum class Better { higher, lower };

// What a difference in the metric is measured in, for compare's effect sizes:
// a level of the trust (or opinion) distribution, whose person-level sd the
// runs record as `sd`; a share of the public, read in percentage points and
// in people per 1,000; another share (percentage points only); or anything
// else (counts, coefficients), compared in its own units.
enum class Scale { other, trust_level, public_share, share };

struct MetricDirection {
  std::string_view metric;
  Better better;
  Scale scale = Scale::other;
};

// Every metric with its direction, in the order the metric headers list them.
std::span<const MetricDirection> metric_directions();

// The direction of `metric`. Throws std::invalid_argument for a metric without
// one: a new metric must be given its direction here before it can be compared.
Better better_direction(std::string_view metric);

// The scale of `metric` (Scale::other for a metric not in the table).
Scale metric_scale(std::string_view metric);

// "higher" or "lower".
std::string_view to_string(Better better);
// "trust_level", "public_share", "share" or "other".
std::string_view to_string(Scale scale);

}  // namespace detente::metrics

#include "metrics/direction.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace detente::metrics {
namespace {

constexpr Better kHigher = Better::higher;
constexpr Better kLower = Better::lower;
constexpr Scale kTrustLevel = Scale::trust_level;
constexpr Scale kPublicShare = Scale::public_share;
constexpr Scale kShare = Scale::share;

constexpr std::array kDirections = {
    // Trust toward the other side (metrics.hpp §1): more trust is better,
    // a wider spread, more hostility or two camps are worse.
    MetricDirection{"mean", kHigher, kTrustLevel},
    MetricDirection{"median", kHigher, kTrustLevel},
    MetricDirection{"p10", kHigher, kTrustLevel},
    MetricDirection{"p90", kHigher, kTrustLevel},
    MetricDirection{"sd", kLower},
    MetricDirection{"trusting_share", kHigher, kPublicShare},
    MetricDirection{"hostile_share", kLower, kPublicShare},
    MetricDirection{"bimodality", kLower},
    // Between the groups (§2–3): the asymmetry of trust is a gap to close;
    // political space is room for compromise.
    MetricDirection{"gap", kLower},
    MetricDirection{"political_space", kHigher, kPublicShare},
    // Ties and backlash (§4–5).
    MetricDirection{"cross_tie_share", kHigher, kPublicShare},
    MetricDirection{"positive_tie_share", kHigher, kPublicShare},
    MetricDirection{"backlash_events", kLower},
    MetricDirection{"cross_ties", kHigher},
    MetricDirection{"positive_cross_ties", kHigher},
    // The convener's work (intervention_metrics.hpp): credibility, reach and
    // inclusion are the aims; money is the cost.
    MetricDirection{"convener_trust", kHigher},
    MetricDirection{"spending", kLower},
    MetricDirection{"exposures", kHigher},
    MetricDirection{"participants", kHigher},
    MetricDirection{"participant_marginalised_share", kHigher, kShare},
    MetricDirection{"participant_role_entropy", kHigher},
    MetricDirection{"ambassadors", kHigher},
    MetricDirection{"programme_ties", kHigher},
    // The classic models (opinion_metrics.hpp): consensus counts as better.
    MetricDirection{"clusters", kLower},
    MetricDirection{"major_clusters", kLower},
    MetricDirection{"share_one", kHigher, kShare},
    MetricDirection{"regions", kLower},
    MetricDirection{"largest_region", kHigher, kShare},
    MetricDirection{"cultures", kLower},
    MetricDirection{"converged_step", kLower},
};

}  // namespace

std::span<const MetricDirection> metric_directions() {
  return kDirections;
}

Better better_direction(std::string_view metric) {
  for (const auto& d : kDirections)
    if (d.metric == metric) return d.better;
  throw std::invalid_argument("metric \"" + std::string(metric) +
                              "\" has no declared direction (higher or lower is better); "
                              "add it to sim/metrics/direction.cpp");
}

Scale metric_scale(std::string_view metric) {
  for (const auto& d : kDirections)
    if (d.metric == metric) return d.scale;
  return Scale::other;
}

std::string_view to_string(Scale scale) {
  switch (scale) {
    case Scale::trust_level:
      return "trust_level";
    case Scale::public_share:
      return "public_share";
    case Scale::share:
      return "share";
    case Scale::other:
      break;
  }
  return "other";
}

std::string_view to_string(Better better) {
  return better == Better::lower ? "lower" : "higher";
}

}  // namespace detente::metrics

#include "experiment/robustness_table.hpp"

#include <cmath>
#include <cstdio>

#include "experiment/compare_table.hpp"

namespace detente {
namespace {

bool is_share(const RobustnessRow& r) {
  return r.scale == metrics::Scale::public_share || r.scale == metrics::Scale::share;
}

std::string value(double v, const RobustnessRow& r) {
  if (std::isnan(v)) return "-";
  char text[48];
  if (is_share(r))
    std::snprintf(text, sizeof text, std::abs(100.0 * v) < 0.1 ? "%+.3f pp" : "%+.2f pp",
                  100.0 * v);
  else
    std::snprintf(text, sizeof text, std::abs(v) >= 100.0 ? "%+.1f" : "%+.4f", v);
  return text;
}

std::string percent(double v) {
  if (std::isnan(v)) return "-";
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", 100.0 * v);
  return text;
}

}  // namespace

std::string robustness_table(const std::vector<RobustnessRow>& rows,
                             const std::vector<metrics::Outcome>& shown) {
  std::vector<std::vector<std::string>> lines = {{"arm", "outcome", "futures", "beats base",
                                                  "95% CI", "median difference", "10-90% range",
                                                  "max regret"}};
  const std::vector<bool> right = {false, false, true, true, true, true, true, true};
  for (const auto& o : shown.empty() ? std::vector<metrics::Outcome>{{"", ""}} : shown)
    for (const auto& r : rows) {
      if (r.window != "final" || r.arm == r.baseline) continue;
      if (!shown.empty() && (r.metric != o.first || r.subject != o.second)) continue;
      lines.push_back({r.arm, r.metric + "/" + r.subject, std::to_string(r.futures),
                       percent(r.beats_share),
                       "[" + percent(r.beats_low) + ", " + percent(r.beats_high) + "]",
                       value(r.median_difference, r),
                       "[" + value(r.p10_difference, r) + ", " + value(r.p90_difference, r) + "]",
                       value(r.max_regret, r)});
    }
  return "Across futures (final step; robustness.csv has every outcome and window):\n" +
         aligned(lines, right) +
         "beats base: share of futures where the arm's 95% interval is wholly better than the "
         "baseline's, with its 95% Wilson interval; regret: shortfall from the best arm in the "
         "same future\n";
}

}  // namespace detente

#include "experiment/robustness.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace detente {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// PRIM's peel: a tenth of the box at a time; a box keeps at least this share
// of the futures (and at least four of them).
constexpr double kPeel = 0.1;
constexpr double kMinSupport = 0.05;

// A bound as people read it: four significant digits (futures.csv has the
// exact values).
std::string readable(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", v);
  return text;
}

const char* window_name(Window w) {
  return w == Window::final ? "final" : "average";
}

struct FutureDifference {
  double mean = kNaN;
  bool beats = false, loses = false;
};

FutureDifference difference_in(const FutureValues& v, std::size_t f, std::size_t a,
                               std::size_t baseline, std::size_t o, Window w,
                               metrics::Better better) {
  std::vector<double> arm, base;
  for (std::size_t r = 0; r < v.replicates(); ++r) {
    arm.push_back(v.at(f, a, r, o, w));
    base.push_back(v.at(f, baseline, r, o, w));
  }
  const auto d = metrics::paired_difference(arm, base);
  FutureDifference out;
  if (std::isnan(d.mean) || std::isnan(d.ci_low) || std::isnan(d.ci_high)) return out;
  out.mean = d.mean;
  const bool lower = better == metrics::Better::lower;
  out.beats = lower ? d.ci_high < 0.0 : d.ci_low > 0.0;
  out.loses = lower ? d.ci_low > 0.0 : d.ci_high < 0.0;
  return out;
}

}  // namespace

FutureValues::FutureValues(std::vector<metrics::Outcome> outcomes, std::vector<std::string> arms,
                           std::size_t futures, std::size_t replicates)
    : outcomes_(std::move(outcomes)),
      arms_(std::move(arms)),
      futures_(futures),
      replicates_(replicates),
      values_(futures * arms_.size() * replicates * outcomes_.size() * 2, kNaN) {}

double& FutureValues::at(std::size_t f, std::size_t a, std::size_t r, std::size_t o, Window w) {
  return values_.at((((f * arms_.size() + a) * replicates_ + r) * outcomes_.size() + o) * 2 +
                    static_cast<std::size_t>(w));
}

double FutureValues::at(std::size_t f, std::size_t a, std::size_t r, std::size_t o,
                        Window w) const {
  return values_.at((((f * arms_.size() + a) * replicates_ + r) * outcomes_.size() + o) * 2 +
                    static_cast<std::size_t>(w));
}

std::pair<double, double> wilson_interval(std::size_t k, std::size_t n) {
  if (n == 0) return {kNaN, kNaN};
  const double z = 1.959963984540054, nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double centre = (p + z * z / (2 * nn)) / (1 + z * z / nn);
  const double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / (1 + z * z / nn);
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const double h = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  return values[below] + (h - static_cast<double>(below)) * (values[above] - values[below]);
}

std::vector<bool> beats_by_future(const FutureValues& v, std::size_t baseline, std::size_t a,
                                  std::size_t o, Window w) {
  const auto better = metrics::require(v.outcomes()[o].first).better;
  std::vector<bool> out;
  for (std::size_t f = 0; f < v.futures(); ++f)
    out.push_back(difference_in(v, f, a, baseline, o, w, better).beats);
  return out;
}

std::vector<RobustnessRow> robustness(const FutureValues& v, std::size_t baseline) {
  if (v.replicates() < 2)
    throw std::invalid_argument("robustness: a paired interval needs two replicates");
  const std::size_t arms = v.arms().size();
  std::vector<RobustnessRow> rows;
  for (std::size_t a = 0; a < arms; ++a)
    for (std::size_t o = 0; o < v.outcomes().size(); ++o) {
      const auto& [metric, subject] = v.outcomes()[o];
      const auto& info = metrics::require(metric);
      const double sign = info.better == metrics::Better::lower ? -1.0 : 1.0;
      for (const Window w : {Window::final, Window::average}) {
        RobustnessRow row;
        row.arm = v.arms()[a];
        row.baseline = v.arms()[baseline];
        row.metric = metric;
        row.subject = subject;
        row.window = window_name(w);
        row.better = info.better;
        row.scale = info.scale;
        row.replicates = static_cast<std::int64_t>(v.replicates());
        std::vector<double> differences, regrets;
        std::size_t beats = 0, loses = 0;
        for (std::size_t f = 0; f < v.futures(); ++f) {
          // Gains of every arm in this future: the baseline's is 0.
          double best = 0.0, own = 0.0;
          bool defined = true;
          for (std::size_t b = 0; b < arms; ++b) {
            if (b == baseline) continue;
            const auto d = difference_in(v, f, b, baseline, o, w, info.better);
            if (std::isnan(d.mean)) {
              defined = defined && b != a;
              continue;
            }
            best = std::max(best, sign * d.mean);
            if (b == a) {
              own = sign * d.mean;
              differences.push_back(d.mean);
              beats += d.beats ? 1 : 0;
              loses += d.loses ? 1 : 0;
            }
          }
          if (defined) regrets.push_back(best - own);
        }
        const bool is_base = a == baseline;
        row.futures = static_cast<std::int64_t>(is_base ? regrets.size() : differences.size());
        const auto n = differences.size();
        const auto [low, high] = wilson_interval(beats, n);
        row.beats_share =
            is_base || n == 0 ? kNaN : static_cast<double>(beats) / static_cast<double>(n);
        row.beats_low = is_base ? kNaN : low;
        row.beats_high = is_base ? kNaN : high;
        row.loses_share =
            is_base || n == 0 ? kNaN : static_cast<double>(loses) / static_cast<double>(n);
        row.median_difference = is_base ? kNaN : quantile(differences, 0.5);
        row.p10_difference = is_base ? kNaN : quantile(differences, 0.1);
        row.p90_difference = is_base ? kNaN : quantile(differences, 0.9);
        row.median_regret = quantile(regrets, 0.5);
        row.max_regret = regrets.empty() ? kNaN : *std::max_element(regrets.begin(), regrets.end());
        rows.push_back(std::move(row));
      }
    }
  return rows;
}

std::vector<DiscoveryRow> discovery(const FutureValues& v, const FuturePlan& plan,
                                    std::size_t baseline,
                                    const std::vector<metrics::Outcome>& outcomes) {
  const auto min_support = std::max<std::size_t>(
      4, static_cast<std::size_t>(std::ceil(kMinSupport * static_cast<double>(v.futures()))));
  std::vector<DiscoveryRow> rows;
  for (std::size_t a = 0; a < v.arms().size(); ++a) {
    if (a == baseline) continue;
    for (const auto& outcome : outcomes) {
      const auto found = std::find(v.outcomes().begin(), v.outcomes().end(), outcome);
      if (found == v.outcomes().end()) continue;
      const auto o = static_cast<std::size_t>(found - v.outcomes().begin());
      const auto beats = beats_by_future(v, baseline, a, o, Window::final);
      const auto count = static_cast<std::size_t>(std::count(beats.begin(), beats.end(), true));
      if (count == 0 || count == beats.size()) continue;  // the answer never flips
      // The rarer answer is the one whose futures need explaining.
      const bool interest_is_beating = 2 * count <= beats.size();
      std::vector<bool> interest;
      for (const bool b : beats)
        interest.push_back(b == interest_is_beating);
      const auto boxes = prim_peel(plan.values, interest, kPeel, min_support);
      const std::size_t chosen = chosen_box(boxes);
      for (std::size_t b = 0; b < boxes.size(); ++b) {
        DiscoveryRow row;
        row.arm = v.arms()[a];
        row.metric = outcome.first;
        row.subject = outcome.second;
        row.window = "final";
        row.answer = interest_is_beating ? "beats the base" : "does not beat the base";
        row.box = static_cast<std::int64_t>(b);
        row.futures = static_cast<std::int64_t>(boxes[b].futures);
        row.of_interest = static_cast<std::int64_t>(boxes[b].of_interest);
        row.coverage = boxes[b].coverage;
        row.density = boxes[b].density;
        row.chosen = b == chosen;
        for (std::size_t j = 0; j < plan.parameters.size(); ++j)
          if (boxes[b].low[j] > boxes[0].low[j] || boxes[b].high[j] < boxes[0].high[j])
            row.limits += (row.limits.empty() ? "" : "; ") + plan.parameters[j].path + " in [" +
                          readable(boxes[b].low[j]) + ", " + readable(boxes[b].high[j]) + "]";
        rows.push_back(std::move(row));
      }
    }
  }
  return rows;
}

}  // namespace detente

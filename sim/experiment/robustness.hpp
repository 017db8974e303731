#pragma once
// Robustness over futures (Lempert, Popper & Bankes 2003; the EMA Workbench's
// robustness metrics): how each arm fares against the baseline across the
// futures of `detente compare --futures`, and where the answer flips.
//
// Per future f, arm a, outcome and window: the paired difference d_f of a
// against the baseline over the R replicates (common random numbers), with its
// 95% t interval. Across futures:
//   beats_share  = share of futures whose interval lies wholly on the better
//                  side of zero, with a 95% Wilson interval (beats_low, beats_high)
//   loses_share  = share whose interval lies wholly on the worse side
//   median_difference, p10_difference, p90_difference = quantiles of d_f (mean)
//   regret_f     = (best gain of any arm in f, the baseline's 0 included) −
//                  a's gain in f, gains signed so larger is better, in the
//                  metric's units; median_regret and max_regret over futures
//
//   FutureValues v(outcomes, arms, futures, replicates);
//   v.at(f, a, r, o, Window::final) = …;
//   auto rows = robustness(v, baseline, better_of);
//   auto boxes = discovery(v, plan, baseline, rows, headline);
#include <cstdint>
#include <string>
#include <vector>

#include "experiment/futures.hpp"
#include "experiment/prim.hpp"
#include "metrics/compare.hpp"

namespace detente {

enum class Window : std::uint8_t { final = 0, average = 1 };

// Every run's window values: final and mean-over-output-steps of each outcome.
class FutureValues {
 public:
  FutureValues(std::vector<metrics::Outcome> outcomes, std::vector<std::string> arms,
               std::size_t futures, std::size_t replicates);
  double& at(std::size_t f, std::size_t a, std::size_t r, std::size_t o, Window w);
  double at(std::size_t f, std::size_t a, std::size_t r, std::size_t o, Window w) const;
  const std::vector<metrics::Outcome>& outcomes() const { return outcomes_; }
  const std::vector<std::string>& arms() const { return arms_; }
  std::size_t futures() const { return futures_; }
  std::size_t replicates() const { return replicates_; }

 private:
  std::vector<metrics::Outcome> outcomes_;
  std::vector<std::string> arms_;
  std::size_t futures_, replicates_;
  std::vector<double> values_;
};

struct RobustnessRow {
  std::string arm, baseline, metric, subject, window;
  metrics::Better better = metrics::Better::higher;
  metrics::Scale scale = metrics::Scale::other;
  std::int64_t futures = 0;  // futures with a difference (the metric has a value)
  double beats_share = 0.0, beats_low = 0.0, beats_high = 0.0, loses_share = 0.0;
  double median_difference = 0.0, p10_difference = 0.0, p90_difference = 0.0;
  double median_regret = 0.0, max_regret = 0.0;
  std::int64_t replicates = 0;
};

// The 95% Wilson score interval of k successes in n trials.
std::pair<double, double> wilson_interval(std::size_t k, std::size_t n);

// The q-quantile (0 ≤ q ≤ 1) of `values` by linear interpolation between
// order statistics (R's type 7); NaN when empty.
double quantile(std::vector<double> values, double q);

// Rows for every arm (the baseline too: its regret) × outcome × window, in arm,
// outcome, window (final first) order. Beat and loss shares and differences
// are NaN for the baseline itself.
std::vector<RobustnessRow> robustness(const FutureValues& values, std::size_t baseline);

// Whether arm a beats the baseline in each future, on outcome o in window w.
std::vector<bool> beats_by_future(const FutureValues& values, std::size_t baseline, std::size_t a,
                                  std::size_t o, Window w);

struct DiscoveryRow {
  std::string arm, metric, subject, window;
  std::string
      answer;  // the answer the box concentrates: "beats the base" or "does not beat the base"
  std::int64_t box = 0;  // step of the peeling trajectory (0: every future)
  std::int64_t futures = 0, of_interest = 0;
  double coverage = 0.0, density = 0.0;
  bool chosen = false;
  std::string limits;  // "path in [low, high]; …" for the parameters the box restricts
};

// Scenario discovery on `outcomes` (final window): for each arm but the
// baseline whose answer flips across futures (it beats the base in some and
// not in others), PRIM boxes of the futures with the rarer answer.
std::vector<DiscoveryRow> discovery(const FutureValues& values, const FuturePlan& plan,
                                    std::size_t baseline,
                                    const std::vector<metrics::Outcome>& outcomes);

}  // namespace detente

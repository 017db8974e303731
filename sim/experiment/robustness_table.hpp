#pragma once
// The table `detente compare --futures` prints after the comparison: per arm
// and headline outcome (final window), the share of futures in which the arm
// beats the baseline, the median difference with its 10–90% range over
// futures, and the largest regret.
//
//   std::cout << robustness_table(result.robustness, result.headline);
#include <string>
#include <vector>

#include "experiment/robustness.hpp"

namespace detente {

// Rows of the outcomes in `shown` (every outcome when empty), final window,
// every arm but the baseline.
std::string robustness_table(const std::vector<RobustnessRow>& rows,
                             const std::vector<metrics::Outcome>& shown);

}  // namespace detente

#pragma once
// The table `detente compare` prints: one line per compare.csv row, aligned,
// "-" where there is no value. Shares read in percentage points (pp), with
// people per 1,000 beside them; other outcomes in their own units.
//
//   std::cout << compare_table(rows, metrics::headline_outcomes(rows, declared, 5));
#include <string>
#include <vector>

#include "metrics/compare.hpp"

namespace detente {

// The rows of the outcomes in `shown`, in its order (every row when it is
// empty), with a closing line that says how many rows were left out and how
// to see them.
std::string compare_table(const std::vector<metrics::CompareRow>& rows,
                          const std::vector<metrics::Outcome>& shown = {});

// `lines` as columns: numbers (right[c]) aligned right, words left, two
// spaces between columns, no trailing blanks.
std::string aligned(const std::vector<std::vector<std::string>>& lines,
                    const std::vector<bool>& right);

// How many outcomes fit in about `max_rows` lines for `arms` compared arms
// (two windows each): at least one.
std::size_t outcomes_that_fit(std::size_t arms, std::size_t max_rows = 20);

}  // namespace detente

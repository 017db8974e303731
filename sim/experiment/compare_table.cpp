#include "experiment/compare_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace detente {
namespace {

using metrics::CompareRow;
using metrics::Scale;

bool is_share(const CompareRow& r) {
  return r.scale == Scale::public_share || r.scale == Scale::share;
}

// A signed value in the row's reading unit: percentage points for a share.
std::string number(double v, const CompareRow& r) {
  if (std::isnan(v)) return "-";
  char text[48];
  // Shares in percentage points, with a third decimal for the small
  // differences common under common random numbers.
  if (is_share(r))
    std::snprintf(text, sizeof text, std::abs(100.0 * v) < 0.1 ? "%+.3f" : "%+.2f", 100.0 * v);
  else if (std::abs(v) >= 100.0)
    std::snprintf(text, sizeof text, "%+.1f", v);
  else
    std::snprintf(text, sizeof text, "%+.4f", v);
  return text;
}

std::string plain(double v, const char* format) {
  if (std::isnan(v)) return "-";
  char text[48];
  std::snprintf(text, sizeof text, format, v);
  return text;
}

std::vector<std::string> cells(const CompareRow& r) {
  const std::string unit = is_share(r) ? " pp" : "";
  const bool defined = !std::isnan(r.mean_difference);
  return {r.arm,
          r.metric + "/" + r.subject,
          r.window,
          std::string(metrics::to_string(r.better)),
          defined ? number(r.mean_difference, r) + unit : "-",
          defined ? "[" + number(r.ci_low, r) + ", " + number(r.ci_high, r) + "]" + unit : "-",
          plain(r.per_1000, "%+.1f"),
          plain(r.standardised, "%+.3f"),
          r.extra_spending == 0.0 ? "0" : plain(r.extra_spending, "%+.0f"),
          std::isnan(r.gain_per_million) ? "-" : number(r.gain_per_million, r) + unit,
          r.rank > 0 ? std::to_string(r.rank) : "-"};
}

}  // namespace

std::size_t outcomes_that_fit(std::size_t arms, std::size_t max_rows) {
  return std::max<std::size_t>(1, max_rows / std::max<std::size_t>(1, 2 * arms));
}

std::string aligned(const std::vector<std::vector<std::string>>& lines,
                    const std::vector<bool>& right) {
  std::vector<std::size_t> width(right.size(), 0);
  for (const auto& line : lines)
    for (std::size_t c = 0; c < line.size(); ++c)
      width[c] = std::max(width[c], line[c].size());
  std::string out;
  for (const auto& line : lines) {
    std::string text;
    for (std::size_t c = 0; c < line.size(); ++c) {
      const std::string pad(width[c] - line[c].size(), ' ');
      text += (c ? "  " : "") + (right[c] ? pad + line[c] : line[c] + pad);
    }
    while (!text.empty() && text.back() == ' ')
      text.pop_back();
    out += text + "\n";
  }
  return out;
}

std::string compare_table(const std::vector<CompareRow>& rows,
                          const std::vector<metrics::Outcome>& shown) {
  const std::vector<std::string> header = {
      "arm",       "outcome",      "window",         "better",      "difference", "95% CI",
      "per 1,000", "standardised", "extra spending", "gain per 1M", "rank"};
  // Numbers align right, words left.
  const std::vector<bool> right = {false, false, false, false, true, true,
                                   true,  true,  true,  true,  true};
  std::vector<std::vector<std::string>> lines = {header};
  for (const auto& o : shown.empty() ? std::vector<metrics::Outcome>{{"", ""}} : shown)
    for (const auto& r : rows)
      if (shown.empty() || (r.metric == o.first && r.subject == o.second))
        lines.push_back(cells(r));
  std::string out = aligned(lines, right);
  const std::size_t printed = lines.size() - 1;
  out +=
      "pp: percentage points; per 1,000: people per 1,000 who cross the line the share counts; "
      "standardised: difference over the baseline's spread of people; rank: among the arms that "
      "beat the baseline with 95% confidence only\n";
  if (printed < rows.size()) {
    out += "(" + std::to_string(printed) + " of " + std::to_string(rows.size()) +
           " rows: the headline outcomes. --metric all prints every row; compare.csv has "
           "them all.)\n";
  }
  return out;
}

}  // namespace detente

#include <cmath>

#include "scenario/detail/field.hpp"
#include "scenario/detail/scalars.hpp"

namespace detente::scenario::detail {

namespace {

// A bound as text: whole numbers in full ("100000000", not "1e+08").
std::string bound(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    return std::to_string(static_cast<long long>(value));
  return format_number(value);
}

}  // namespace

std::string range_text(const Range& range) {
  const bool has_min = std::isfinite(range.min);
  const bool has_max = std::isfinite(range.max);
  if (has_min && has_max)
    return std::string(range.min_open ? "(" : "[") + bound(range.min) + ", " + bound(range.max) +
           (range.max_open ? ")" : "]");
  if (has_min) return std::string(range.min_open ? "> " : "≥ ") + bound(range.min);
  if (has_max) return std::string(range.max_open ? "< " : "≤ ") + bound(range.max);
  return "";
}

std::string number_expectation(const Range& range) {
  const std::string r = range_text(range);
  if (r.empty()) return "a number";
  return r.front() == '[' || r.front() == '(' ? "a number in " + r : "a number " + r;
}

std::string integer_expectation(const Range& range) {
  if (!range.min_open && !range.max_open && (range.min == 1.0 || range.min == 0.0)) {
    const std::string kind = range.min == 1.0 ? "a positive integer" : "a non-negative integer";
    if (!std::isfinite(range.max)) return kind;
    return kind + " up to " + bound(range.max);
  }
  const std::string r = range_text(range);
  if (r.empty()) return "an integer";
  return r.front() == '[' || r.front() == '(' ? "an integer in " + r : "an integer " + r;
}

std::string text_expectation(Text text) {
  switch (text) {
    case Text::non_empty:
      return "a non-empty string";
    case Text::name:
      return "a name of letters, digits, '_' and '-'";
    case Text::path:
      return "a file path";
    case Text::outcome:
      return "an outcome: metric or metric/subject";
    case Text::any:
      break;
  }
  return "a string";
}

std::string choice_list(std::span<const std::string_view> names) {
  std::string out;
  for (const std::string_view n : names) {
    if (!out.empty()) out += " | ";
    out += n;
  }
  return out;
}

}  // namespace detente::scenario::detail

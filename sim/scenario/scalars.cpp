#include "scenario/detail/scalars.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/printable.hpp"

namespace detente::scenario::detail {
namespace {

// std::from_chars takes no leading '+'; YAML does.
std::string_view without_plus(std::string_view text) {
  return text.size() > 1 && text.front() == '+' && text[1] != '-' ? text.substr(1) : text;
}

template <class N>
std::optional<N> parse_whole(std::string_view text) {
  text = without_plus(text);
  N value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_reserved_word(std::string_view text) {
  constexpr std::array words = {"null",  "Null",  "NULL", "true", "True", "TRUE", "false",
                                "False", "FALSE", "yes",  "Yes",  "YES",  "no",   "No",
                                "NO",    "on",    "On",   "ON",   "off",  "Off",  "OFF",
                                "y",     "Y",     "n",    "N"};
  for (const char* word : words)
    if (text == word) return true;
  return false;
}

bool is_plain_safe(std::string_view text) {
  if (text.empty() || !(is_ascii_letter(text.front()) || text.front() == '_')) return false;
  if (text.back() == ' ' || is_reserved_word(text)) return false;
  for (const char c : text)
    if (!(is_ascii_letter(c) || is_ascii_digit(c) || c == '_' || c == '-' || c == '.' || c == '/' ||
          c == ' '))
      return false;
  return true;
}

// "-0,2" → "-0.2": a decimal comma, as many people type numbers. Refused
// where it could be a thousands separator ("1,500"): one comma, digits on
// both sides, and either a zero before it or not three digits after it.
std::optional<std::string> decimal_comma(std::string_view text) {
  const auto comma = text.find(',');
  if (comma == std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos ||
      text.find('.') != std::string_view::npos)
    return std::nullopt;
  std::string_view whole = text.substr(0, comma);
  const std::string_view part = text.substr(comma + 1);
  if (!whole.empty() && (whole.front() == '-' || whole.front() == '+')) whole.remove_prefix(1);
  const auto digits = [](std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s)
      if (!is_ascii_digit(c)) return false;
    return true;
  };
  if (!digits(whole) || !digits(part)) return std::nullopt;
  const bool zero = whole.find_first_not_of('0') == std::string_view::npos;
  if (!zero && part.size() == 3) return std::nullopt;
  std::string out(text);
  out[comma] = '.';
  return out;
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
  if (const auto dotted = decimal_comma(text)) return parse_number(*dotted);
  text = without_plus(text);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty() ||
      !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  return parse_whole<std::int64_t>(text);
}

std::optional<std::uint64_t> parse_unsigned(std::string_view text) {
  if (!text.empty() && text.front() == '-') return std::nullopt;
  return parse_whole<std::uint64_t>(text);
}

std::optional<bool> parse_bool(std::string_view text) {
  for (const std::string_view yes : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
    if (text == yes) return true;
  for (const std::string_view no :
       {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})
    if (text == no) return false;
  return std::nullopt;
}

std::string format_number(double value) {
  // to_chars without a precision gives the shortest text that reads back
  // exactly (the max_digits10 guarantee, without trailing noise).
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

std::string format_integer(std::int64_t value) {
  return std::to_string(value);
}
std::string format_unsigned(std::uint64_t value) {
  return std::to_string(value);
}

std::string yaml_string(std::string_view text) {
  if (is_plain_safe(text)) return std::string(text);
  std::string quoted;
  for (const char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  // printable()'s escapes (\n, \xNN, \uNNNN, \UNNNNNNNN) are YAML's too: the
  // text reads back the same, and a resolved scenario printed by `check`
  // cannot move the terminal's cursor or hide what a value holds.
  return "\"" + printable(quoted) + "\"";
}

bool is_name(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text)
    if (!(is_ascii_letter(c) || is_ascii_digit(c) || c == '_' || c == '-')) return false;
  return true;
}

}  // namespace detente::scenario::detail

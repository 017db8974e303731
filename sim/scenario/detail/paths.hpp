#pragma once
// Key paths as they appear in messages: dots between keys, [i] for list
// entries (population.groups[1].size); [] in the parameter table.
#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace detente::scenario::detail {

inline std::string key_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

inline std::string index_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

// The list index a path segment names, if it is all digits and fits (a
// segment like 99999999999999999999 names no entry rather than overflowing).
inline std::optional<std::size_t> index_of(std::string_view segment) {
  if (segment.empty()) return std::nullopt;
  for (const char c : segment)
    if (c < '0' || c > '9') return std::nullopt;
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(segment.data(), segment.data() + segment.size(), value);
  if (error != std::errc{} || end != segment.data() + segment.size()) return std::nullopt;
  return value;
}

}  // namespace detente::scenario::detail

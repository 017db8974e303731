#pragma once
// Key paths as they appear in messages: dots between keys, [i] for list
// entries (population.groups[1].size); [] in the parameter table.
#include <cstddef>
#include <string>
#include <string_view>

namespace detente::scenario::detail {

inline std::string key_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

inline std::string index_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

}  // namespace detente::scenario::detail

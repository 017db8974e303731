#include "scenario/detail/value.hpp"

#include <algorithm>

namespace detente::scenario::detail {

const Entry* Value::find(std::string_view key) const {
  const auto it =
      std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == key; });
  return it == entries.end() ? nullptr : &*it;
}

Entry* Value::find(std::string_view key) {
  const auto it =
      std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == key; });
  return it == entries.end() ? nullptr : &*it;
}

std::string describe(const Value& value) {
  switch (value.kind) {
    case Value::Kind::scalar:
      return "\"" + value.text + "\"";
    case Value::Kind::map:
      return "a map";
    case Value::Kind::list:
      return "a list";
    case Value::Kind::null:
      break;
  }
  return "nothing";
}

}  // namespace detente::scenario::detail

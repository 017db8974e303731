#include "scenario/detail/value.hpp"

#include <algorithm>

#include "core/printable.hpp"

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
    case Value::Kind::scalar: {
      // Long text is cut (a message must stay readable), the rest escaped.
      std::size_t shown = 80;
      if (value.text.size() <= shown) return "\"" + printable(value.text) + "\"";
      while (shown > 0 && (static_cast<unsigned char>(value.text[shown]) & 0xC0u) == 0x80u)
        --shown;  // not inside a UTF-8 character
      return "\"" + printable(value.text.substr(0, shown)) + "…\" (" +
             std::to_string(value.text.size()) + " bytes)";
    }
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

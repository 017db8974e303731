#pragma once
// The workshop's WebSocket messages as nlohmann::ordered_json (object keys keep
// their order). What the page sends is read with limits on size, nesting,
// element count and string length, checked by nlohmann's parser callback as it
// reads, so an over-deep or over-long message is refused before the rest of
// it is built; a key given twice is refused. What the server sends is written
// compactly, non-finite numbers as null.
//
//   Json message = parse_json(R"({"type":"start","team":0})");
//   text_member(message, "type");                      // "start"
//   Json reply = Json::object({{"type", "error"}, {"message", "…"}});
//   std::string text = dump_json(reply);  // {"type":"error","message":"…"}
#include <cstddef>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace detente::serve {

using Json = nlohmann::ordered_json;

// Text that is not the JSON we accept; what() names where and why.
class JsonError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct JsonLimits {
  std::size_t max_bytes = 64 * 1024;      // the whole text
  std::size_t max_depth = 16;             // arrays and objects inside each other
  std::size_t max_values = 65'536;        // values of every kind, containers included
  std::size_t max_string_bytes = 65'536;  // one string or key, once unescaped
};

// Parses one JSON document (whitespace around it allowed, nothing else).
// Throws JsonError on bad syntax, invalid UTF-8, duplicate keys, numbers out
// of range, or text past the limits. Its "at byte N" counts the bytes read
// when the error was found (for a number, the one after it too).
Json parse_json(std::string_view text, const JsonLimits& limits = {});

// Compact text, no spaces; invalid UTF-8 in a string is written as U+FFFD.
std::string dump_json(const Json& value);

// "a string", "an array", …: the kind of a value, for messages.
std::string kind_name(const Json& value);

// The member called `key` of an object, or nullptr (also when `object` is not one).
const Json* find_member(const Json& object, std::string_view key);

}  // namespace detente::serve

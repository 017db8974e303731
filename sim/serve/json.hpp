#pragma once
// A small JSON value for the workshop's WebSocket messages: parsed from what
// the page sends (with limits on size and nesting, since the text comes from
// the network) and written compactly for what the server sends.
//
//   Json message = parse_json(R"({"type":"start","team":0})");
//   message.get("type").as_string();          // "start"
//   Json reply = Json::object({{"type", "error"}, {"message", "…"}});
//   std::string text = reply.dump();          // {"type":"error","message":"…"}
//
// Numbers are doubles; non-finite numbers are written as null. Object keys
// keep their order; a key given twice is refused.
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace detente::serve {

// Text that is not the JSON we accept; what() names the byte offset.
class JsonError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Json {
 public:
  using Array = std::vector<Json>;
  using Member = std::pair<std::string, Json>;
  using Object = std::vector<Member>;

  Json() = default;  // null
  Json(std::nullptr_t) {}
  Json(bool b) : value_(b) {}
  Json(double d) : value_(d) {}
  Json(int i) : value_(static_cast<double>(i)) {}
  Json(unsigned i) : value_(static_cast<double>(i)) {}
  Json(long i) : value_(static_cast<double>(i)) {}
  Json(long long i) : value_(static_cast<double>(i)) {}
  Json(unsigned long i) : value_(static_cast<double>(i)) {}
  Json(unsigned long long i) : value_(static_cast<double>(i)) {}
  Json(const char* s) : value_(std::string(s)) {}
  Json(std::string s) : value_(std::move(s)) {}
  Json(std::string_view s) : value_(std::string(s)) {}
  Json(Array a) : value_(std::move(a)) {}
  Json(Object o) : value_(std::move(o)) {}

  static Json object(std::initializer_list<Member> members) { return Json(Object(members)); }
  static Json array() { return Json(Array{}); }

  bool is_null() const { return std::holds_alternative<std::monostate>(value_); }
  bool is_bool() const { return std::holds_alternative<bool>(value_); }
  bool is_number() const { return std::holds_alternative<double>(value_); }
  bool is_string() const { return std::holds_alternative<std::string>(value_); }
  bool is_array() const { return std::holds_alternative<Array>(value_); }
  bool is_object() const { return std::holds_alternative<Object>(value_); }

  // Accessors throw JsonError when the value is of another kind.
  bool as_bool() const;
  double as_number() const;
  const std::string& as_string() const;
  const Array& as_array() const;
  Array& as_array();
  const Object& as_object() const;

  // The member called `key`, or nullptr (also when this is not an object).
  const Json* find(std::string_view key) const;
  // Appends a member (this must be an object) and returns *this.
  Json& set(std::string key, Json value);
  // Appends an element (this must be an array) and returns *this.
  Json& push(Json value);

  // Compact text, no spaces.
  std::string dump() const;
  void dump_to(std::string& out) const;

 private:
  std::variant<std::monostate, bool, double, std::string, Array, Object> value_;
};

struct JsonLimits {
  std::size_t max_bytes = 64 * 1024;
  std::size_t max_depth = 16;
};

// Parses one JSON document (whitespace around it allowed, nothing else).
// Throws JsonError on bad syntax, invalid UTF-8 escapes, duplicate keys, or
// text past the limits.
Json parse_json(std::string_view text, const JsonLimits& limits = {});

// Appends `text` as a JSON string literal (quotes included) to `out`.
void append_json_string(std::string& out, std::string_view text);

}  // namespace detente::serve

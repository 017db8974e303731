#pragma once
// A small JSON writer: enough for run.json and other metadata files.
//
//   io::JsonWriter json;
//   json.begin_object();
//   json.key("seed").integer(std::uint64_t{42});
//   json.key("arms").begin_array().string("baseline").end_array();
//   json.end_object();
//   std::string text = json.str();   // pretty-printed, two-space indent
//
// Strings are escaped per RFC 8259 (quotes, backslashes, control characters);
// bytes that are not valid UTF-8 become U+FFFD so the output always parses.
// Non-finite numbers have no JSON form and are written as null. Integers are
// written exactly (readers that hold numbers as doubles see 2^53+ rounded).
// The caller nests begin/end calls correctly; a key must precede each value in
// an object.
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace detente::io {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view value);
  JsonWriter& number(double value);
  template <class T>
  requires std::integral<T> &&(!std::same_as<T, bool>)JsonWriter& integer(T value) {
    if constexpr (std::is_signed_v<T>) {
      return signed_integer(value);
    } else {
      return unsigned_integer(value);
    }
  }
  JsonWriter& boolean(bool value);
  JsonWriter& null();

  const std::string& str() const { return out_; }

 private:
  JsonWriter& signed_integer(std::int64_t value);
  JsonWriter& unsigned_integer(std::uint64_t value);
  void before_value();
  void open(char bracket);
  void close(char bracket);

  std::string out_;
  std::vector<bool> has_items_;  // per open container
  bool after_key_ = false;
};

// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace detente::io

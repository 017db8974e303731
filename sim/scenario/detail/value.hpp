#pragma once
// The scenario as a plain tree of maps, lists and scalars, each node with the
// place it came from. yaml-cpp's tree is converted into this right after
// parsing, so that overrides, validation and error messages work on one small
// type that keeps key order, duplicate keys and override origins, and so that
// yaml-cpp stays inside parse_yaml.cpp.
#include <string>
#include <string_view>
#include <vector>

namespace detente::scenario::detail {

// Where a node came from: a line and column (1-based) of the scenario file,
// or, when `origin` is set, an override such as `--set steps=10`.
struct Location {
  std::string origin;
  int line = 1;
  int column = 1;
};

struct Entry;

struct Value {
  enum class Kind { null, scalar, map, list };
  Kind kind = Kind::null;
  std::string text;            // scalar text as written (quotes removed)
  std::vector<Entry> entries;  // map, in file order
  std::vector<Value> items;    // list
  Location at;

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_map() const { return kind == Kind::map; }
  bool is_list() const { return kind == Kind::list; }

  const Entry* find(std::string_view key) const;
  Entry* find(std::string_view key);
};

struct Entry {
  std::string key;
  Location key_at;
  Value value;
};

// How a value reads in a message: `"-5"`, `a map`, `a list`, `nothing`;
// text with invisible characters escaped, and cut after 80 bytes.
std::string describe(const Value& value);

}  // namespace detente::scenario::detail

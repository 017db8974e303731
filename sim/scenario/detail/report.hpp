#pragma once
// Located error messages, in one shape:
//   FILE:LINE:COLUMN: key.path: expected WHAT, got VALUE[; how to fix it]
//   --set PATH=VALUE: key.path: expected WHAT, got VALUE[; how to fix it]
// The Reporter also remembers where each key path was given, so checks that
// run on the typed Scenario (after decoding) can still point at the file.
#include <map>
#include <string>

#include "scenario/detail/value.hpp"

namespace detente::scenario::detail {

class Reporter {
 public:
  explicit Reporter(std::string display_name) : display_name_(std::move(display_name)) {}

  // Remembers that `path` was given as `value` (its location and its text).
  void record(const std::string& path, const Value& value);

  // `message` after the location and key path.
  [[noreturn]] void fail(const Location& at, const std::string& path,
                         const std::string& message) const;

  // "expected WHAT, got VALUE" about a node of the tree.
  [[noreturn]] void expected(const Value& value, const std::string& path, const std::string& what,
                             const std::string& hint = {}) const;

  // "expected WHAT, got VALUE" about a decoded value: located where `path` was
  // given, else at its nearest given parent; VALUE is the text as given, or
  // `shown` marked as the default when the file left the key out.
  [[noreturn]] void expected_at(const std::string& path, const std::string& what,
                                const std::string& shown, const std::string& hint = {}) const;

  // Whether the file (or an override) gave `path` itself.
  bool was_given(const std::string& path) const { return given_.contains(path); }

  // "FILE:LINE:COLUMN: path: message", located where `path` (or its nearest
  // given parent) came from; for warnings, which do not throw.
  std::string located(const std::string& path, const std::string& message) const;
  std::string located(const Location& at, const std::string& path,
                      const std::string& message) const;

  // Where `path` (or its nearest given parent) came from.
  Location locate(const std::string& path) const;
  // The same as messages begin: "FILE:LINE:COLUMN" or the override's label.
  std::string where_given(const std::string& path) const { return where(locate(path)); }

 private:
  struct Given {
    Location at;
    std::string text;
  };
  std::string where(const Location& at) const;

  std::string display_name_;
  std::map<std::string, Given> given_;
};

}  // namespace detente::scenario::detail

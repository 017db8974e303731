#include "scenario/detail/report.hpp"

#include "core/errors.hpp"
#include "core/printable.hpp"

namespace detente::scenario::detail {
namespace {

// "a.b[2].c" → "a.b[2]" → "a.b" → "a" → "".
std::string parent_of(const std::string& path) {
  const auto cut = path.find_last_of(".[");
  return cut == std::string::npos ? std::string{} : path.substr(0, cut);
}

std::string with_hint(std::string message, const std::string& hint) {
  return hint.empty() ? message : message + "; " + hint;
}

}  // namespace

void Reporter::record(const std::string& path, const Value& value) {
  given_.insert_or_assign(path, Given{value.at, describe(value)});
}

std::string Reporter::where(const Location& at) const {
  if (!at.origin.empty()) return at.origin;
  return display_name_ + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

void Reporter::fail(const Location& at, const std::string& path, const std::string& message) const {
  // Keys, values and file names come from the input: shown with anything
  // invisible or terminal-controlling escaped.
  throw InputError(printable(where(at)) + ": " + (path.empty() ? "" : printable(path) + ": ") +
                   printable(message));
}

void Reporter::expected(const Value& value, const std::string& path, const std::string& what,
                        const std::string& hint) const {
  fail(value.at, path, with_hint("expected " + what + ", got " + describe(value), hint));
}

void Reporter::expected_at(const std::string& path, const std::string& what,
                           const std::string& shown, const std::string& hint) const {
  const auto given = given_.find(path);
  const std::string got =
      given != given_.end() ? given->second.text : "\"" + shown + "\" (the default)";
  fail(locate(path), path, with_hint("expected " + what + ", got " + got, hint));
}

std::string Reporter::located(const std::string& path, const std::string& message) const {
  return located(locate(path), path, message);
}

std::string Reporter::located(const Location& at, const std::string& path,
                              const std::string& message) const {
  return where(at) + ": " + (path.empty() ? "" : path + ": ") + message;
}

Location Reporter::locate(const std::string& path) const {
  for (std::string p = path;; p = parent_of(p)) {
    if (const auto it = given_.find(p); it != given_.end()) return it->second.at;
    if (p.empty()) return Location{};
  }
}

}  // namespace detente::scenario::detail

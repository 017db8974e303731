#pragma once
// YAML text → detail::Value. The only place that sees yaml-cpp.
//
// A scenario may come from anyone (a file mailed round, a workshop page), so
// what one load may build is capped: YAML aliases (*name) are expanded into
// copies here, and without caps a few hundred bytes of nested aliases expand
// to gigabytes ("billion laughs"), and an alias used inside its own anchored
// value (`&x [*x]`) never ends. Every cap gives a located InputError.
#include <cstddef>
#include <string>

#include "scenario/detail/value.hpp"

namespace detente::scenario::detail {

struct YamlLimits {
  std::size_t max_bytes = std::size_t{1} << 20;  // text of one document or one --set value
  std::size_t max_nodes = 50'000;                // maps, lists and scalars, aliases expanded
  std::size_t max_text = std::size_t{4} << 20;   // bytes of keys and scalars, aliases expanded
  int max_depth = 64;                            // lists and maps inside each other

  // What a scenario file and its overrides may hold (the numbers above; a
  // real scenario is a few kilobytes, a few hundred values, 8 levels deep).
  static YamlLimits input() { return {}; }
  // For text detente wrote itself from a scenario that already passed the
  // input caps (to_yaml of a resolved scenario, with its defaults filled in).
  static YamlLimits internal() {
    return {std::size_t{64} << 20, 2'000'000, std::size_t{256} << 20, 64};
  }
};

// What one load has left: the file and all its overrides draw on one budget,
// so that many small values cannot add up to what one may not be.
class YamlBudget {
 public:
  explicit YamlBudget(const YamlLimits& limits = YamlLimits::input()) : limits_(limits) {}
  const YamlLimits& limits() const { return limits_; }
  // False once the caps are passed (counts and bytes are then spent anyway).
  bool take_node() { return ++nodes_ <= limits_.max_nodes; }
  bool take_text(std::size_t bytes) { return (text_ += bytes) <= limits_.max_text; }

 private:
  YamlLimits limits_;
  std::size_t nodes_ = 0;
  std::size_t text_ = 0;
};

// A whole scenario file. Syntax errors and passed caps throw InputError
// located in `display_name`; an empty document gives a null Value.
Value parse_document(const std::string& text, const std::string& display_name, YamlBudget& budget);

// The value of one `--set PATH=VALUE`; every node is stamped with `origin`
// (the assignment as given) so later errors point at the override.
Value parse_override_value(const std::string& text, const std::string& origin,
                           const std::string& key_path, YamlBudget& budget);

}  // namespace detente::scenario::detail

#pragma once
// `--set` overrides, applied to the tree before anything is read, so an
// overridden value goes through exactly the same checks as one in the file.
#include <span>

#include "scenario/detail/parse_yaml.hpp"
#include "scenario/detail/report.hpp"
#include "scenario/detail/value.hpp"
#include "scenario/load.hpp"

namespace detente::scenario::detail {

// Sets each override in `root` (a map), in order. Keys the schema knows are
// created when the file leaves them out; list entries are addressed by
// `name` or index. Errors are located at the override (`--set PATH=VALUE`).
// The values are parsed under `budget`, which the file has drawn on already.
void apply_overrides(Value& root, std::span<const Override> overrides, const Reporter& reporter,
                     YamlBudget& budget);

// Sets one value at `path` (an arm's setting, taken from the file), exactly
// as an override would; errors about the path are located at `at`.
void apply_setting(Value& root, const std::string& path, const Value& value, const Location& at,
                   const Reporter& reporter);

// The label that locates an override in messages: `--set PATH=VALUE`, with
// invisible characters escaped and a long value shortened.
std::string override_label(const Override& override_);

}  // namespace detente::scenario::detail

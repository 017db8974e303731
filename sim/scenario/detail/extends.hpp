#pragma once
// `extends: FILE`: a scenario written as the differences from another one.
#include <string>

#include "scenario/detail/parse_yaml.hpp"
#include "scenario/detail/value.hpp"

namespace detente::scenario::detail {

// At most this many files in one chain of `extends` (the file itself included).
inline constexpr int kMaxExtendsDepth = 8;

// Replaces `root` by the file it extends with root's keys laid over it, and
// removes the `extends` key. The named file is read relative to the folder of
// `display_name` and may extend another file in turn. Merging:
//   - maps merge key by key, recursively;
//   - lists of named maps (groups, media, interventions, arms) merge entry by
//     entry by `name`; an entry with a new name is added at the end;
//   - anything else replaces what was inherited.
// Inherited values keep their own file:line:column, so an error in one points
// into the file that wrote it. A missing, unreadable or oversized file, a
// cycle, or a chain deeper than kMaxExtendsDepth is a located InputError.
// The files extended are parsed under the same `budget` as the file itself.
Value resolve_extends(Value root, const std::string& display_name, YamlBudget& budget);

}  // namespace detente::scenario::detail

#pragma once
// YAML text → detail::Value. The only place that sees yaml-cpp.
#include <string>

#include "scenario/detail/value.hpp"

namespace detente::scenario::detail {

// A whole scenario file. Syntax errors throw InputError located in
// `display_name`; an empty document gives a null Value.
Value parse_document(const std::string& text, const std::string& display_name);

// The value of one `--set PATH=VALUE`; every node is stamped with `origin`
// (the assignment as given) so later errors point at the override.
Value parse_override_value(const std::string& text, const std::string& origin,
                           const std::string& key_path);

}  // namespace detente::scenario::detail

#pragma once
// Did-you-mean for unknown keys and names.
#include <span>
#include <string>
#include <string_view>

namespace detente::scenario::detail {

// Edit distance (insertions, deletions, substitutions).
std::size_t levenshtein(std::string_view a, std::string_view b);

// `did you mean "influence"?` when one candidate is close to `given`, else
// `valid keys are a, b, c` with `noun` in place of "keys".
std::string suggestion(std::string_view given, std::span<const std::string_view> candidates,
                       std::string_view noun = "keys");

// Just the closest candidate within reach, or "" when none is close.
std::string_view closest(std::string_view given, std::span<const std::string_view> candidates);

}  // namespace detente::scenario::detail

#pragma once
// Scalars as YAML text, both ways. Numbers are written in the shortest form
// that reads back to the same double, so a resolved scenario round-trips.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace detente::scenario::detail {

std::optional<double> parse_number(std::string_view text);  // finite only
std::optional<std::int64_t> parse_integer(std::string_view text);
std::optional<std::uint64_t> parse_unsigned(std::string_view text);
std::optional<bool> parse_bool(std::string_view text);  // true/false, yes/no, on/off

std::string format_number(double value);
std::string format_integer(std::int64_t value);
std::string format_unsigned(std::uint64_t value);

// The text as a YAML scalar, in double quotes unless it is safe plain in both
// block and flow context and cannot be read as a number, bool or null.
std::string yaml_string(std::string_view text);

// Names of groups, outlets, interventions and scenarios: letters, digits, '_'
// and '-'. They appear in file names, in CSV
// subjects (`north->south`) and in override paths.
bool is_name(std::string_view text);

}  // namespace detente::scenario::detail

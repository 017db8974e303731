#pragma once
// A member's value as YAML text on one line, for scalars and the flow forms
// (distributions, roles, lists of names). Shared by to_yaml and the default
// column of the parameter table, so both show a default the same way.
#include <string>
#include <type_traits>
#include <vector>

#include "scenario/detail/field.hpp"
#include "scenario/detail/forms.hpp"
#include "scenario/detail/scalars.hpp"
#include "scenario/detail/schema.hpp"

namespace detente::scenario::detail {

template <class M>
concept Inline = std::is_same_v<M, double> || std::is_same_v<M, std::int64_t> ||
    std::is_same_v<M, std::uint64_t> || std::is_same_v<M, bool> || std::is_same_v<M, std::string> ||
    Named<M> || std::is_same_v<M, Distribution> || std::is_same_v<M, std::vector<RoleShare>> ||
    std::is_same_v<M, std::vector<std::string>> || std::is_same_v<M, std::vector<ArmSetting>> ||
    std::is_same_v<M, std::vector<std::int64_t>> || std::is_same_v<M, std::vector<double>>;

template <Inline M>
std::string show(const M& value) {
  if constexpr (std::is_same_v<M, double>) {
    return format_number(value);
  } else if constexpr (std::is_same_v<M, std::int64_t>) {
    return format_integer(value);
  } else if constexpr (std::is_same_v<M, std::uint64_t>) {
    return format_unsigned(value);
  } else if constexpr (std::is_same_v<M, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_same_v<M, std::string>) {
    return yaml_string(value);
  } else if constexpr (Named<M>) {
    return std::string(name_of(value));
  } else if constexpr (std::is_same_v<M, Distribution>) {
    return distribution_yaml(value);
  } else if constexpr (std::is_same_v<M, std::vector<RoleShare>>) {
    return roles_yaml(value);
  } else if constexpr (std::is_same_v<M, std::vector<ArmSetting>>) {
    return arm_settings_yaml(value);
  } else if constexpr (std::is_same_v<M, std::vector<std::int64_t>>) {
    std::string out;
    for (const std::int64_t number : value)
      out += (out.empty() ? "[" : ", ") + format_integer(number);
    return out.empty() ? "[]" : out + "]";
  } else if constexpr (std::is_same_v<M, std::vector<double>>) {
    std::string out;
    for (const double number : value)
      out += (out.empty() ? "[" : ", ") + format_number(number);
    return out.empty() ? "[]" : out + "]";
  } else {
    std::string out;
    for (const std::string& name : value)
      out += (out.empty() ? "[" : ", ") + yaml_string(name);
    return out.empty() ? "[]" : out + "]";
  }
}

}  // namespace detente::scenario::detail

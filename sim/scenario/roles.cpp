// Roles: free labels with shares. Written as a map so a role appears once;
// the shares must add up to 1 because they split the group's members.
#include <array>
#include <cmath>
#include <cstdio>

#include "scenario/detail/field.hpp"
#include "scenario/detail/forms.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/scalars.hpp"

namespace detente::scenario::detail {

std::string roles_expectation() {
  return "a map of role names to shares, e.g. {public: 0.9, student: 0.1}";
}

std::vector<RoleShare> read_roles(const Value& value, const std::string& path, Reporter& reporter) {
  reporter.record(path, value);
  if (!value.is_map() || value.entries.empty()) reporter.expected(value, path, roles_expectation());
  std::vector<RoleShare> roles;
  double total = 0.0;
  for (const Entry& entry : value.entries) {
    const std::string entry_path = key_path(path, entry.key);
    if (!is_name(entry.key))
      reporter.fail(
          entry.key_at, entry_path,
          "expected a role name of letters, digits, '_' and '-', got \"" + entry.key + "\"");
    reporter.record(entry_path, entry.value);
    const auto share = entry.value.is_scalar() ? parse_number(entry.value.text) : std::nullopt;
    const Range share_range{0.0, 1.0, true, false};
    if (!share || !share_range.contains(*share))
      reporter.expected(entry.value, entry_path, "a share in (0, 1]",
                        "leave out roles the group does not have");
    roles.push_back(RoleShare{entry.key, *share});
    total += *share;
  }
  if (std::abs(total - 1.0) > 1e-6) {
    // Six digits: the sum of 0.1 + 0.2 + 0.6 reads 0.9, not 0.9000000000000001.
    std::array<char, 32> sum{};
    std::snprintf(sum.data(), sum.size(), "%.6g", total);
    reporter.fail(value.at, path,
                  "expected shares that sum to 1, got a sum of " + std::string(sum.data()) +
                      "; adjust the shares so they add up to 1");
  }
  return roles;
}

std::string roles_yaml(const std::vector<RoleShare>& roles) {
  std::string out;
  for (const RoleShare& role : roles)
    out += (out.empty() ? "{" : ", ") + yaml_string(role.name) + ": " + format_number(role.share);
  return out.empty() ? "{}" : out + "}";
}

}  // namespace detente::scenario::detail

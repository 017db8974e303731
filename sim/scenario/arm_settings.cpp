// An arm's `set`: a map of key paths to values. The values are kept as flow
// YAML text, so the typed scenario holds no YAML tree, and are read back with
// the same machinery as `--set` when the arm is resolved (arms.cpp).
#include "scenario/detail/forms.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/scalars.hpp"

namespace detente::scenario::detail {

std::string arm_settings_expectation() {
  return "a map of key paths to values, e.g. {interventions.camp.cohort: 60}";
}

std::string flow_yaml(const Value& value) {
  switch (value.kind) {
    case Value::Kind::scalar:
      // Numbers and booleans stay plain so they read back as they were written.
      return parse_number(value.text) || parse_bool(value.text) ? value.text
                                                                : yaml_string(value.text);
    case Value::Kind::map: {
      std::string out;
      for (const Entry& e : value.entries)
        out += (out.empty() ? "{" : ", ") + yaml_string(e.key) + ": " + flow_yaml(e.value);
      return out.empty() ? "{}" : out + "}";
    }
    case Value::Kind::list: {
      std::string out;
      for (const Value& item : value.items)
        out += (out.empty() ? "[" : ", ") + flow_yaml(item);
      return out.empty() ? "[]" : out + "]";
    }
    case Value::Kind::null:
      break;
  }
  return "null";
}

std::vector<ArmSetting> read_arm_settings(const Value& value, const std::string& path,
                                          Reporter& reporter) {
  reporter.record(path, value);
  if (value.is_null()) return {};
  if (!value.is_map()) reporter.expected(value, path, arm_settings_expectation());
  std::vector<ArmSetting> settings;
  for (const Entry& entry : value.entries) {
    reporter.record(key_path(path, entry.key), entry.value);
    settings.push_back(ArmSetting{entry.key, flow_yaml(entry.value)});
  }
  return settings;
}

std::string arm_settings_yaml(const std::vector<ArmSetting>& settings) {
  std::string out;
  for (const ArmSetting& s : settings)
    out += (out.empty() ? "{" : ", ") + yaml_string(s.path) + ": " + s.value;
  return out.empty() ? "{}" : out + "}";
}

}  // namespace detente::scenario::detail

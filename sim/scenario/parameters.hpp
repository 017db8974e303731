#pragma once
// The parameter table: one row per scenario key, with its type, unit, default,
// range and description. The same table drives validation, defaults, the
// resolved scenario.yaml, scenarios/README.md (`detente params --markdown`) and
// the bounds of the workshop's sliders, so none of them can drift.
#include <string>
#include <vector>

namespace detente::scenario {

struct ParameterInfo {
  std::string path;  // e.g. "dynamics.influence.confidence", "population.groups[].size"
  std::string type;  // "number", "integer", "boolean", "string", "distribution", "list", one of …
  std::string unit;  // "per step", "steps", "share", "" …
  std::string default_value;
  std::string range;        // "[0, 1]", "≥ 1", "north | south", ""
  std::string description;  // technical: formulas and symbols allowed
  // For people (a workshop room): a label, a help text without symbols or
  // formulas, a unit they know ("time": the scenario's steps), and whether
  // the page folds the key away as advanced. Empty when no one has worded it.
  std::string label;
  std::string help;
  std::string people_unit;
  bool advanced = false;
};

std::vector<ParameterInfo> parameter_table();

// The table as Markdown, as it appears in scenarios/README.md.
std::string parameter_table_markdown();

}  // namespace detente::scenario

// The parameter table covers every key to_yaml writes, and the other way
// round, so a key added to the schema shows up in both or the test fails.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <variant>

#include "scenario/parameters.hpp"
#include "support.hpp"

using namespace detente::scenario;
using detente::scenario::test::kMinimal;
using detente::scenario::test::load;

namespace {

bool is_common_intervention_key(const std::string& key) {
  static const std::set<std::string> common = {"name",   "type",  "enabled", "start", "end",
                                               "rounds", "every", "target",  "cost",  "when"};
  return common.count(key) == 1;
}

// Key paths of block YAML as to_yaml writes it: "key:" nests by indent,
// "- " starts a list entry (written as parent[]). Flow values are leaves.
// An intervention's own keys are written in its entry after `type: X`; the
// table names them interventions[type=X].key.
std::set<std::string> key_paths(const std::string& yaml) {
  std::set<std::string> paths;
  std::vector<std::pair<std::size_t, std::string>> scopes;  // indent, path
  std::string type;                                         // of the intervention entry being read
  const auto close_to = [&](std::size_t indent) {
    while (!scopes.empty() && scopes.back().first >= indent)
      scopes.pop_back();
  };
  std::istringstream lines(yaml);
  std::string line;
  while (std::getline(lines, line)) {
    std::size_t indent = line.find_first_not_of(' ');
    std::string rest = line.substr(indent);
    if (rest.rfind("- ", 0) == 0) {  // a list entry: a scope at the dash
      close_to(indent);
      scopes.emplace_back(indent, scopes.back().second + "[]");
      rest = rest.substr(2);
      indent += 2;
    }
    close_to(indent);
    const std::string key = rest.substr(0, rest.find(':'));
    std::string parent = scopes.empty() ? "" : scopes.back().second;
    if (parent == "interventions[]" && key == "type") type = rest.substr(rest.find(':') + 2);
    if (parent == "interventions[]" && !is_common_intervention_key(key))
      parent = "interventions[type=" + type + "]";
    const std::string path = parent.empty() ? key : parent + "." + key;
    paths.insert(path);
    scopes.emplace_back(indent, path);
  }
  return paths;
}

// A default-constructed alternative k of InterventionParams.
template <std::size_t I = 0>
InterventionParams variant_at(std::size_t k) {
  if constexpr (I + 1 < std::variant_size_v<InterventionParams>)
    if (k != I) return variant_at<I + 1>(k);
  return InterventionParams(std::in_place_index<I>);
}

}  // namespace

TEST_CASE("every key to_yaml writes has a row, and every row is written",
          "[scenario][parameters]") {
  Scenario s = load(kMinimal + "media: [{name: tv}]\ndynamics: {shocks: {events: [{step: 5}]}}\n" +
                    "arms: [{name: other, set: {steps: 10}}]\nbudget: {total: 5, per_year: 1}\n");
  s.dynamics.influence.repulsion_threshold = 0.5;  // optional keys are written only when set
  // One intervention of every type, each with the optional keys set.
  for (std::size_t k = 0; k < std::variant_size_v<InterventionParams>; ++k) {
    Intervention i;
    i.name = "i" + std::to_string(k);
    i.end = 20;
    i.rounds = 2;
    i.when.below = 0.1;
    i.when.above = 0.9;
    i.params = variant_at(k);
    i.type = std::visit([](const auto& p) { return std::string(p.kType); }, i.params);
    s.interventions.push_back(i);
  }
  SweepParameter swept;
  swept.path = "dynamics.contact.rate";
  swept.low = 0.1;
  swept.high = 0.2;
  s.sweep.parameters.push_back(swept);
  SweepOutcome outcome;
  outcome.metric = "mean";
  outcome.step = 10;
  s.sweep.outcomes.push_back(outcome);
  UncertainParameter uncertain;  // every optional key set, as no real prior would
  uncertain.path = "dynamics.contact.rate";
  uncertain.low = 0.05;
  uncertain.high = 0.2;
  uncertain.mean = 0.1;
  uncertain.sd = 0.02;
  uncertain.a = 2;
  uncertain.b = 2;
  s.uncertain.push_back(uncertain);
  s.calibrate.parameters.push_back(uncertain);
  const std::set<std::string> written = key_paths(to_yaml(s));

  std::set<std::string> rows;
  for (const ParameterInfo& row : parameter_table()) {
    INFO(row.path);
    CHECK(rows.insert(row.path).second);  // no key twice
    CHECK_FALSE(row.type.empty());
    CHECK_FALSE(row.description.empty());
  }
  for (const std::string& key : written) {
    INFO("written but not in the table: " << key);
    CHECK(rows.count(key) == 1);
  }
  for (const std::string& key : rows) {
    INFO("in the table but not written: " << key);
    CHECK(written.count(key) == 1);
  }
  // The walk itself sees nested and list keys.
  CHECK(written.count("dynamics.contact.everyday.framing") == 1);
  CHECK(written.count("population.groups[].convener_trust") == 1);
  CHECK(written.count("dynamics.shocks.events[].surge_steps") == 1);
  CHECK(written.count("interventions[].rounds") == 1);
  CHECK(written.count("interventions[].when.below") == 1);
  CHECK(written.count("interventions[type=exchange_program].conditions.intensity") == 1);
  CHECK(written.count("interventions[type=media_campaign].sponsor") == 1);
  CHECK(written.count("arms[].set") == 1);
  CHECK(written.count("budget.per_year") == 1);
}

TEST_CASE("rows carry the defaults of scenario.hpp", "[scenario][parameters]") {
  std::map<std::string, ParameterInfo> rows;
  for (const ParameterInfo& row : parameter_table())
    rows[row.path] = row;
  CHECK(rows.at("dynamics.contact.negative_step").default_value == "0.065");
  CHECK(rows.at("dynamics.contact.negative_step").range == "[0, 1]");
  CHECK(rows.at("steps").default_value == "520");
  CHECK(rows.at("steps").range == "[1, 10000000]");
  CHECK(rows.at("steps").type == "integer");
  CHECK(rows.at("population.groups[].size").default_value == "1000");
  CHECK(rows.at("population.groups[].size").unit == "agents");
  CHECK(rows.at("population.groups[].roles").default_value == "{public: 1}");
  CHECK(rows.at("population.groups[].trust").type == "distribution");
  CHECK(rows.at("media[].slant").range == "[-1, 1]");
  CHECK(rows.at("media[].sponsor").default_value == "independent");
  CHECK(rows.at("network.within.model").default_value == "watts_strogatz");
  CHECK(rows.at("network.within.model").range ==
        "complete | erdos_renyi | watts_strogatz | barabasi_albert | ring_lattice | grid");
  CHECK(rows.at("dynamics.influence.repulsion_threshold").default_value == "unset");
  CHECK(rows.at("name").description.rfind("Required.", 0) == 0);
  // A nested section shows its owner's defaults: an exchange's conditions are
  // good ones, not the bare Conditions struct's zeros.
  CHECK(rows.at("interventions[type=exchange_program].conditions.common_goal").default_value ==
        "0.5");
  CHECK(rows.at("interventions[type=exchange_program].conditions.intensity").default_value == "5");
  CHECK(rows.at("dynamics.contact.everyday.intensity").default_value == "1");
}

TEST_CASE("the Markdown table has one line per row", "[scenario][parameters]") {
  const std::string md = parameter_table_markdown();
  CHECK(
      md.rfind("| key | type | unit | default | range | description |\n|---|---|---|---|---|---|\n",
               0) == 0);
  const auto lines = static_cast<std::size_t>(std::count(md.begin(), md.end(), '\n'));
  CHECK(lines == parameter_table().size() + 2);
  // Pipes inside a cell are escaped so the columns stay put.
  CHECK(md.find("| `precision` | one of |  | `float32` | float32 \\| float64 | ") !=
        std::string::npos);
}

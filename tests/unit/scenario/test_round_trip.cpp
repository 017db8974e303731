// to_yaml writes the whole resolved scenario; reading it back gives an equal
// Scenario (source_path aside), for awkward numbers and strings too.
#include <cmath>
#include <limits>

#include "support.hpp"

using namespace detente::scenario;
using detente::scenario::test::kMinimal;
using detente::scenario::test::load;
using detente::scenario::test::TempDir;

namespace {

Scenario reload(const Scenario& s) {
  return load_text(to_yaml(s), "resolved.yaml");
}

Distribution distribution(Distribution::Kind kind, double Distribution::*first, double x,
                          double Distribution::*second, double y) {
  Distribution d;
  d.kind = kind;
  d.*first = x;
  d.*second = y;
  return d;
}

// A scenario with every member away from its default, where the loader
// allows it (interventions, the convener, the budget and arms are in
// test_interventions.cpp).
Scenario everything_set() {
  Scenario s = load(kMinimal +
                    "media:\n"
                    "  - name: north_daily\n"
                    "    audience: [north]\n"
                    "    sponsor: north\n"
                    "    slant: -0.35\n"
                    "  - name: peace_radio\n"
                    "    sponsor: convener\n"
                    "dynamics:\n"
                    "  shocks:\n"
                    "    events:\n"
                    "      - {step: 12, magnitude: 0.4, groups: [south], surge_steps: 3}\n");
  s.description = "Line one: \"quoted\", #not a comment\nline two\t[tab] {braces}";
  s.seed = std::numeric_limits<std::uint64_t>::max();
  s.steps = 1000003;
  s.step_unit = "yes";  // would read as a boolean unless quoted
  s.precision = Precision::float64;
  Group& north = s.population.groups[0];
  north.size = 123457;
  north.roles = {{"public", 0.7}, {"civic_leader", 0.1}, {"student", 0.2}};
  north.marginalised_share = 0.1 + 0.2;  // 0.30000000000000004: needs 17 digits
  north.trust = Distribution::constant(1.0 / 3.0);
  // Only the parameters of a distribution's kind are written; the others
  // read back at their defaults, so start each from Distribution{}.
  north.susceptibility = distribution(Distribution::Kind::uniform, &Distribution::low, 0.125,
                                      &Distribution::high, 0.875);
  north.literacy =
      distribution(Distribution::Kind::beta, &Distribution::a, 0.00123, &Distribution::b, 9876.543);
  north.convener_trust =
      distribution(Distribution::Kind::normal, &Distribution::mean, 0.7, &Distribution::sd, 0.0);
  north.stubbornness = Distribution::constant(0.0);
  s.population.groups[1].size = 345679;
  s.network.within = {NetworkModel::erdos_renyi, 7.25, 0.0, 12};
  s.network.between = {std::nextafter(0.5, 1.0), 1.0};
  s.dynamics.influence = {false, 0.2, 0.15, 0.45, 0.07, Peers::all, 1.0};
  s.dynamics.contact.enabled = false;
  s.dynamics.contact.rate = 0.9;
  s.dynamics.contact.negative_step = 0.1 * 3;
  s.dynamics.contact.everyday = {0.1, 0.2, 0.3, 0.4, Framing::competitive};
  s.dynamics.media = {false, 0.03, 0.25, 0.005};
  s.dynamics.consolidation = {false, 0.02};
  s.dynamics.shocks.enabled = false;
  s.dynamics.shocks.poisson_rate = 0.01;
  s.dynamics.shocks.poisson_magnitude = 0.15;
  s.dynamics.shocks.poisson_surge_steps = 4;
  s.dynamics.shocks.resilience_per_tie = 0.2;
  s.dynamics.shocks.surge_slant_shift = 1.5;
  s.dynamics.shocks.surge_exposure_factor = 3.0;
  s.media[0].reach = 0.95;
  s.media[0].exposure = 0.05;
  s.media[0].credibility = 0.33;
  north.opinion = Distribution::constant(0.25);
  // The classic model's parameters round-trip even while no model is chosen
  // (a model refuses media, so classic_set() below covers the model itself).
  s.dynamics.classic.confidence = 0.15;
  s.dynamics.classic.rate = 0.3;
  s.dynamics.classic.schedule = Schedule::parallel;
  s.dynamics.classic.features = 7;
  s.dynamics.classic.traits = 13;
  s.dynamics.classic.tolerance = 1e-12;
  s.outputs = {13, 0.65, 0.2, 0.002, {0, 5, -1}};
  return s;
}

}  // namespace

TEST_CASE("to_yaml round-trips the minimal scenario", "[scenario][yaml]") {
  const Scenario s = load(kMinimal);
  CHECK(reload(s) == s);
}

TEST_CASE("to_yaml round-trips every key set away from its default", "[scenario][yaml]") {
  const Scenario s = everything_set();
  const Scenario back = reload(s);
  // Field by field first, so a failure names the part that changed.
  CHECK(back.description == s.description);
  CHECK(back.seed == s.seed);
  CHECK(back.step_unit == s.step_unit);
  CHECK(back.population == s.population);
  CHECK(back.network == s.network);
  CHECK(back.dynamics == s.dynamics);
  CHECK(back.media == s.media);
  CHECK(back.outputs == s.outputs);
  CHECK(back == s);
  // And writing it again gives the same text.
  CHECK(to_yaml(back) == to_yaml(s));
}

TEST_CASE("to_yaml round-trips a classic model with its stopping rule", "[scenario][yaml]") {
  Scenario s = load(
      "name: classic\n"
      "population: {groups: [{name: village, size: 400}]}\n"
      "network: {within: {model: grid, columns: 16}}\n"
      "stop_when: converged\n"
      "dynamics: {classic: {model: axelrod, features: 3, traits: 4, tolerance: 0}}\n"
      "outputs: {agents: [-1], cluster_gap: 0.01}\n");
  CHECK(s.dynamics.classic.model == ClassicModel::axelrod);
  CHECK(s.stop_when == StopWhen::converged);
  CHECK(s.outputs.agents == std::vector<std::int64_t>{-1});
  CHECK(reload(s) == s);
  CHECK(to_yaml(s).find("  agents: [-1]\n") != std::string::npos);
}

TEST_CASE("to_yaml writes block YAML with lists and unset optionals left out", "[scenario][yaml]") {
  Scenario s = load(kMinimal);
  std::string yaml = to_yaml(s);
  CHECK(yaml.find("name: minimal\n") == 0);
  CHECK(yaml.find("  groups:\n    - name: north\n      size: 200\n") != std::string::npos);
  CHECK(yaml.find("    confidence: 0.3\n") != std::string::npos);
  CHECK(yaml.find("media: []\n") != std::string::npos);
  CHECK(yaml.find("repulsion_threshold") == std::string::npos);
  s.dynamics.influence.repulsion_threshold = 0.5;
  yaml = to_yaml(s);
  CHECK(yaml.find("    repulsion_threshold: 0.5\n") != std::string::npos);
}

TEST_CASE("interventions are written with their common fields, then their type's",
          "[scenario][yaml]") {
  Scenario s = load(kMinimal);
  Intervention camp;
  camp.name = "summer_camp";
  camp.type = "exchange_program";
  camp.start = 10;
  camp.rounds = 3;
  s.interventions.push_back(camp);
  const std::string yaml = to_yaml(s);
  CHECK(yaml.find("interventions:\n  - name: summer_camp\n    type: exchange_program\n"
                  "    enabled: true\n    start: 10\n    rounds: 3\n    every: 1\n") !=
        std::string::npos);
  CHECK(yaml.find("      repeat: 1\n    cohort: 30\n") != std::string::npos);
  CHECK(reload(s) == s);
}

TEST_CASE("network files resolve against the scenario's folder and round-trip",
          "[scenario][yaml][files]") {
  const TempDir dir("network_file");
  dir.write("edges.csv", "source,target\n0,1\n");
  dir.write("nodes.csv", "id,group\n0,north\n1,south\n");
  const auto path = dir.write("scenario.yaml", kMinimal +
                                                   "network:\n"
                                                   "  file: edges.csv\n"
                                                   "  nodes_file: ./nodes.csv\n"
                                                   "  directed: true\n");
  const Scenario s = load_file(path.string());
  CHECK(s.network.file == (dir.path() / "edges.csv").string());
  CHECK(s.network.nodes_file == (dir.path() / "nodes.csv").string());
  CHECK(s.network.directed);
  // The resolved paths are absolute, so the written scenario works from anywhere.
  Scenario back = load_text(to_yaml(s), "elsewhere/resolved.yaml");
  back.source_path = s.source_path;
  CHECK(back == s);
}

// Defaults: a minimal file gets every default of scenario.hpp, and only the
// keys it gives change.
#include "support.hpp"

using namespace detente::scenario;
using detente::scenario::test::kMinimal;
using detente::scenario::test::load;

TEST_CASE("a minimal scenario gets every default from the structs", "[scenario][defaults]") {
  const Scenario s = load(kMinimal);
  CHECK(s.name == "minimal");
  REQUIRE(s.population.groups.size() == 2);

  // Everything but the keys the file gives equals a default-constructed struct.
  Scenario expected;
  expected.name = "minimal";
  Group north;
  north.name = "north";
  north.size = 200;
  Group south = north;
  south.name = "south";
  expected.population.groups = {north, south};
  CHECK(s == expected);

  // Spot checks that the defaults are the documented ones, not zeros.
  CHECK(s.steps == 520);
  CHECK(s.seed == 1);
  CHECK(s.precision == Precision::float32);
  CHECK(s.network.within.model == NetworkModel::watts_strogatz);
  CHECK(s.dynamics.contact.negative_step == 0.065);
  CHECK(s.population.groups[0].roles == std::vector<RoleShare>{{"public", 1.0}});
  CHECK_FALSE(s.dynamics.influence.repulsion_threshold.has_value());
  CHECK(s.source_path.empty());
}

TEST_CASE("given keys replace defaults, their siblings keep theirs", "[scenario][defaults]") {
  const Scenario s = load(kMinimal +
                          "dynamics:\n"
                          "  influence:\n"
                          "    confidence: 0.25\n"
                          "    peers: all\n"
                          "    repulsion_threshold: 0.6\n");
  CHECK(s.dynamics.influence.confidence == 0.25);
  CHECK(s.dynamics.influence.peers == Peers::all);
  CHECK(s.dynamics.influence.repulsion_threshold == 0.6);
  CHECK(s.dynamics.influence.rate == Influence{}.rate);
  CHECK(s.dynamics.contact == Contact{});
}

TEST_CASE("distributions and roles read in every form", "[scenario][defaults]") {
  const Scenario s = load(
      "name: forms\n"
      "population:\n"
      "  groups:\n"
      "    - name: north\n"
      "      roles: {public: 0.7, student: 0.2, artist: 0.1}\n"
      "      trust: 0.4\n"
      "      susceptibility: {dist: uniform, low: 0.2, high: 0.6}\n"
      "      literacy: {dist: beta, a: 2, b: 5}\n"
      "      convener_trust: {dist: normal, mean: 0.6, sd: 0.05}\n"
      "      stubbornness: {dist: constant, value: 0.3}\n"
      "    - name: south\n"
      "      trust: {dist: uniform}\n");
  const Group& north = s.population.groups[0];
  CHECK(north.roles == std::vector<RoleShare>{{"public", 0.7}, {"student", 0.2}, {"artist", 0.1}});
  CHECK(north.trust == Distribution::constant(0.4));
  CHECK(north.susceptibility.kind == Distribution::Kind::uniform);
  CHECK(north.susceptibility.low == 0.2);
  CHECK(north.susceptibility.high == 0.6);
  CHECK(north.literacy.kind == Distribution::Kind::beta);
  CHECK(north.literacy.a == 2.0);
  CHECK(north.literacy.b == 5.0);
  CHECK(north.convener_trust.kind == Distribution::Kind::normal);
  CHECK(north.convener_trust.sd == 0.05);
  CHECK(north.stubbornness == Distribution::constant(0.3));
  // A uniform without bounds covers [0, 1].
  const Distribution& south_trust = s.population.groups[1].trust;
  CHECK(south_trust.kind == Distribution::Kind::uniform);
  CHECK(south_trust.low == 0.0);
  CHECK(south_trust.high == 1.0);
}

TEST_CASE("load_file records the path it was given", "[scenario][defaults]") {
  const detente::scenario::test::TempDir dir("load_file");
  const std::string path = dir.write("minimal.yaml", kMinimal).string();
  const Scenario s = load_file(path);
  CHECK(s.source_path == path);
  CHECK(s.name == "minimal");
  // Apart from where it came from, it is the scenario its text describes.
  Scenario from_text = load(kMinimal);
  from_text.source_path = path;
  CHECK(s == from_text);
}

TEST_CASE("load_file refuses a missing file, naming it", "[scenario][defaults]") {
  CHECK_INPUT_ERROR(load_file("no/such/scenario.yaml"),
                    "no/such/scenario.yaml: cannot read the scenario file: there is no such file");
}

// `--set PATH=VALUE`: applied to the YAML before validation; list entries by
// name or index; keys absent from the file but in the schema are created;
// errors are located at the override.
#include "support.hpp"

using namespace detente::scenario;
using detente::scenario::test::kMinimal;
using detente::scenario::test::load;

TEST_CASE("parse_override splits at the first '='", "[scenario][overrides]") {
  const Override o = parse_override("description=a=b");
  CHECK(o.path == "description");
  CHECK(o.value == "a=b");
  CHECK(parse_override("steps=").value.empty());
  CHECK_INPUT_ERROR(parse_override("steps"),
                    "--set steps: expected PATH=VALUE, got \"steps\"; write PATH=VALUE, e.g. "
                    "--set dynamics.influence.confidence=0.3");
  CHECK_INPUT_ERROR(parse_override("=3"),
                    "--set =3: expected PATH=VALUE, got \"=3\"; write PATH=VALUE, e.g. --set "
                    "dynamics.influence.confidence=0.3");
  CHECK_INPUT_ERROR(parse_override("dynamics..rate=3"),
                    "--set dynamics..rate=3: expected a key path with one dot between keys, got "
                    "\"dynamics..rate\"; write PATH=VALUE, e.g. --set "
                    "dynamics.influence.confidence=0.3");
}

TEST_CASE("overrides set keys given in the file and keys left to their default",
          "[scenario][overrides]") {
  const Scenario s = load(kMinimal + "steps: 100\n",
                          {"steps=60", "dynamics.influence.confidence=0.25",
                           "network.within.model=erdos_renyi", "description=two words"});
  CHECK(s.steps == 60);
  CHECK(s.dynamics.influence.confidence == 0.25);
  CHECK(s.network.within.model == NetworkModel::erdos_renyi);
  CHECK(s.description == "two words");
  // Later overrides win.
  CHECK(load(kMinimal, {"steps=5", "steps=7"}).steps == 7);
}

TEST_CASE("list entries are addressed by name or by index", "[scenario][overrides]") {
  const std::string yaml = kMinimal + "media:\n  - {name: tv}\n  - {name: radio, slant: 0.1}\n";
  const Scenario s = load(yaml, {"population.groups.south.size=500", "population.groups.0.size=300",
                                 "media.1.slant=-0.2", "media.tv.audience=[south]"});
  CHECK(s.population.groups[0].size == 300);
  CHECK(s.population.groups[1].size == 500);
  CHECK(s.media[1].slant == -0.2);
  CHECK(s.media[0].audience == std::vector<std::string>{"south"});
  // Inside a value with its own form (a distribution map, roles), keys are
  // set in the value the file (or an earlier override) gives.
  const Scenario d = load(
      kMinimal + "dynamics: {}\n",
      {"population.groups.north.trust={dist: uniform, low: 0.1, high: 0.3}",
       "population.groups.north.trust.high=0.4", "population.groups.north.roles={public: 1}",
       "population.groups.north.roles.public=0.5", "population.groups.north.roles.student=0.5"});
  CHECK(d.population.groups[0].trust.high == 0.4);
  CHECK(d.population.groups[0].trust.low == 0.1);
  CHECK(d.population.groups[0].roles == std::vector<RoleShare>{{"public", 0.5}, {"student", 0.5}});
  // A whole list may be replaced.
  CHECK(load(kMinimal, {"population.groups=[{name: east}, {name: west}]"})
            .population.groups[1]
            .name == "west");
}

TEST_CASE("a path that does not exist is refused with a did-you-mean", "[scenario][overrides]") {
  CHECK_INPUT_ERROR(load(kMinimal, {"dynamics.influnce.rate=0.2"}),
                    "--set dynamics.influnce.rate=0.2: dynamics.influnce: unknown key; did you "
                    "mean \"influence\"?");
  CHECK_INPUT_ERROR(load(kMinimal, {"population.groups.nort.size=5"}),
                    "--set population.groups.nort.size=5: population.groups: expected the name or "
                    "index of an entry, got \"nort\"; the list has 2 entries (0 to 1) named north, "
                    "south; did you mean \"north\"?");
  CHECK_INPUT_ERROR(load(kMinimal, {"population.groups.2.size=5"}),
                    "--set population.groups.2.size=5: population.groups: expected the name or "
                    "index of an entry, got \"2\"; the list has 2 entries (0 to 1) named north, "
                    "south");
  CHECK_INPUT_ERROR(load(kMinimal, {"media.0.slant=0.1"}),
                    "--set media.0.slant=0.1: media: expected a list in the file to pick entry "
                    "\"0\" from, got nothing; set the whole list instead: --set media=[...]");
  CHECK_INPUT_ERROR(load(kMinimal, {"population.groups.north.sise=5"}),
                    "--set population.groups.north.sise=5: population.groups[0].sise: unknown "
                    "key; did you mean \"size\"?");
  CHECK_INPUT_ERROR(load(kMinimal, {"population.groups.north.trust.mean=0.4"}),
                    "--set population.groups.north.trust.mean=0.4: population.groups[0].trust: "
                    "expected a value in the file to set \"mean\" inside, got nothing; set the "
                    "whole value instead: --set population.groups.north.trust=...");
  CHECK_INPUT_ERROR(load(kMinimal, {"steps.max=3"}),
                    "--set steps.max=3: steps: expected a value in the file to set \"max\" "
                    "inside, got nothing; set the whole value instead: --set steps=...");
}

TEST_CASE("bad overridden values are located at the override", "[scenario][overrides]") {
  CHECK_INPUT_ERROR(load(kMinimal, {"population.groups.north.size=-5"}),
                    "--set population.groups.north.size=-5: population.groups[0].size: expected "
                    "a positive integer up to 100000000, got \"-5\"");
  CHECK_INPUT_ERROR(load(kMinimal, {"dynamics.influence.rate=7"}),
                    "--set dynamics.influence.rate=7: dynamics.influence.rate: expected a number "
                    "in [0, 1], got \"7\"");
  CHECK_INPUT_ERROR(load(kMinimal, {"dynamics.influence={rate: 0.1, confidnce: 0.2}"}),
                    "--set dynamics.influence={rate: 0.1, confidnce: 0.2}: "
                    "dynamics.influence.confidnce: unknown key; did you mean \"confidence\"?");
  CHECK_INPUT_ERROR(load(kMinimal, {"steps=[1,"}),
                    "--set steps=[1,: steps: expected a YAML value, got \"[1,\" (end of sequence "
                    "flow not found); quote the value if it is text");
  // Checks across keys point at the override that broke them.
  CHECK_INPUT_ERROR(load(kMinimal, {"population.groups.south.size=6"}),
                    "--set population.groups.south.size=6: population.groups[1].size: expected a "
                    "size above network.within.mean_degree (10), got \"6\"; enlarge the group or "
                    "lower the mean degree");
  CHECK_INPUT_ERROR(load(kMinimal, {"network.within.mean_degree=300"}),
                    "--set network.within.mean_degree=300: network.within.mean_degree: expected "
                    "less than the smallest group size (200, group \"north\"), got \"300\"; lower "
                    "the degree or enlarge the group");
}

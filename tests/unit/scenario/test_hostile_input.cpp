// Input written to break the loader: aliases that refer to themselves or
// expand without bound, nesting past any real scenario, text past the size
// cap, and override paths and values that overflow. Each is refused with a
// located InputError; the files behind the file-based cases are in
// tests/scenarios/bad/ (alias_*.yaml, nesting_*.yaml, …).
#include <string>

#include "scenario/detail/parse_yaml.hpp"
#include "support.hpp"

using namespace detente::scenario;
using detente::scenario::test::kMinimal;
using detente::scenario::test::load;

namespace {

// `levels` anchors, each a list of nine aliases to the one before:
// 9^levels scalars once expanded.
std::string laughs(int levels) {
  std::string yaml = "[&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]";
  for (int i = 1; i <= levels; ++i) {
    yaml += ", &l" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k)
      yaml += (k ? ", *l" : "*l") + std::to_string(i - 1);
    yaml += "]";
  }
  return yaml + "]";
}

}  // namespace

TEST_CASE("an alias inside its own anchored value is refused, in a file and in --set",
          "[scenario][hostile]") {
  CHECK_INPUT_ERROR(load(kMinimal + "description: &x [*x]\n"),
                    "test.yaml:8:14: description[0]: a YAML alias (*name) is used inside the value "
                    "its anchor (&name) marks, which would repeat without end; give the value "
                    "itself, or an alias to another value");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics: &d {influence: {rate: 0.1}, contact: *d}\n"),
                    "test.yaml:8:11: dynamics.contact: a YAML alias (*name) is used inside the "
                    "value its anchor (&name) marks, which would repeat without end; give the "
                    "value itself, or an alias to another value");
  CHECK_INPUT_ERROR(load(kMinimal, {"description=&a [*a]"}),
                    "--set description=&a [*a]: description[0]: a YAML alias (*name) is used "
                    "inside the value its anchor (&name) marks, which would repeat without end; "
                    "give the value itself, or an alias to another value");
  // Aliases that do not refer to themselves still work.
  const Scenario s = load(kMinimal + "media: [{name: a, slant: &s 0.25}, {name: b, slant: *s}]\n");
  CHECK(s.media[1].slant == 0.25);
}

TEST_CASE("alias expansion is capped: a billion laughs ends at once, located",
          "[scenario][hostile]") {
  const std::string expected =
      "the scenario holds more than 50000 values (lists, maps and scalars, each use of an alias "
      "*name counting its whole value again); a scenario needs a few hundred: look for aliases "
      "that repeat large values";
  CHECK_THROWS_WITH(
      load(kMinimal + "description: " + laughs(9) + "\n"),
      Catch::Matchers::StartsWith("test.yaml:8:20: description[4][5][5][7][4][0]: ") &&
          Catch::Matchers::EndsWith(expected));
  CHECK_THROWS_WITH(load(kMinimal, {("description=" + laughs(9)).c_str()}),
                    Catch::Matchers::StartsWith("--set description=[&l0 [lol") &&
                        Catch::Matchers::EndsWith(expected));
  // Few values but long ones: the text cap holds where the count does not.
  const std::string long_text(100'000, 'x');
  std::string many = "description: &t " + long_text + "\nx: [";
  for (int i = 0; i < 60; ++i)
    many += "*t, ";
  CHECK_THROWS_WITH(load(kMinimal + many + "*t]\n"),
                    Catch::Matchers::StartsWith("test.yaml:8:14: x[40]: ") &&
                        Catch::Matchers::Contains("add up to more than 4 MiB of text"));
}

TEST_CASE("the file and its overrides draw on one budget", "[scenario][hostile]") {
  // 20,000 values in the file and 20,000 in each of two overrides: each
  // under the cap alone, over it together.
  using namespace detente::scenario::detail;
  std::string list = "[";
  for (int i = 0; i < 20'000; ++i)
    list += "0, ";
  list += "0]";
  YamlBudget budget;
  CHECK(parse_document("x: " + list, "test.yaml", budget).is_map());
  CHECK(parse_override_value(list, "--set x=…", "x", budget).is_list());
  CHECK_THROWS_WITH(parse_override_value(list, "--set y=…", "y", budget),
                    Catch::Matchers::StartsWith("--set y=…: y[") &&
                        Catch::Matchers::Contains("the scenario holds more than 50000 values"));
}

TEST_CASE("nesting past the cap is refused where it happens, however deep", "[scenario][hostile]") {
  for (const int depth : {65, 600, 5000}) {
    const std::string yaml =
        kMinimal + "description: " + std::string(depth, '[') + std::string(depth, ']') + "\n";
    CHECK_THROWS_WITH(load(yaml), Catch::Matchers::StartsWith("test.yaml:8:") &&
                                      Catch::Matchers::EndsWith(
                                          "lists and maps nest more than 64 levels deep here; a "
                                          "scenario needs fewer than 10"));
  }
  const std::string deep = "description=" + std::string(3000, '[') + std::string(3000, ']');
  CHECK_THROWS_WITH(load(kMinimal, {deep.c_str()}),
                    Catch::Matchers::EndsWith("lists and maps nest more than 64 levels deep here; "
                                              "a scenario needs fewer than 10"));
}

TEST_CASE("text past the size cap is refused before it is parsed", "[scenario][hostile]") {
  // Line 8 starts after kMinimal: the 1 MiB mark is this far into it.
  const std::string column = std::to_string((1u << 20) - kMinimal.size() + 1);
  const std::string big = kMinimal + "description: " + std::string(2 << 20, 'x') + "\n";
  CHECK_INPUT_ERROR(load(big), "test.yaml:8:" + column +
                                   ": the text goes on past the 1 MiB a scenario may have, here; a "
                                   "scenario is a few kilobytes (is this the right file?)");
  // An override's label is cut short in the message, which says how long it was.
  const std::string set = "description=" + std::string(2 << 20, 'x');
  const std::string label_bytes = std::to_string(std::string("--set ").size() + set.size());
  CHECK_THROWS_WITH(
      load(kMinimal, {set.c_str()}),
      Catch::Matchers::StartsWith("--set description=xxx") &&
          Catch::Matchers::Contains("… (" + label_bytes + " bytes): the text goes on past"));
}

TEST_CASE("an index too large for any list names no entry", "[scenario][hostile]") {
  CHECK_INPUT_ERROR(load(kMinimal, {"population.groups.99999999999999999999.size=5"}),
                    "--set population.groups.99999999999999999999.size=5: population.groups: "
                    "expected the name or index of an entry, got \"99999999999999999999\"; the "
                    "list has 2 entries (0 to 1) named north, south");
  CHECK_INPUT_ERROR(
      load(kMinimal + "outputs: {agents: [1, 2]}\n", {"outputs.agents.18446744073709551616=3"}),
      "--set outputs.agents.18446744073709551616=3: outputs.agents: expected an "
      "index from 0 to 2 (exclusive), got \"18446744073709551616\"");
}

TEST_CASE("key text that is not UTF-8 or hides characters is shown escaped",
          "[scenario][hostile]") {
  CHECK_INPUT_ERROR(load(kMinimal + "description: caf\xe9\n"),
                    "test.yaml:8:14: description: expected UTF-8 text, got a byte that is not (at "
                    "byte 4 of \"caf\\xE9\"); save the file as UTF-8");
  CHECK_INPUT_ERROR(load(kMinimal, {"dynamics.influence.rat\u202ee=0.2"}),
                    "--set dynamics.influence.rat\\u202Ee=0.2: dynamics.influence.rat\\u202Ee: "
                    "unknown key; it holds invisible or control characters (shown escaped); did "
                    "you mean \"rate\"?");
  CHECK_INPUT_ERROR(
      load(kMinimal, {"steps=\x1b[2J"}),
      "--set steps=\\x1B[2J: steps: expected a positive integer up to 10000000, got \"\\x1B[2J\"");
}

TEST_CASE("text detente writes itself reads back under the internal caps", "[scenario][hostile]") {
  // A description near the input cap, with its defaults filled in, stays
  // readable by resolve_arm's round trip.
  const std::string description(1'047'000, 'd');
  const Scenario s = load(kMinimal + "description: " + description +
                          "\narms:\n  - {name: more, set: {steps: 10}}\n");
  REQUIRE(to_yaml(s).size() > (1u << 20));  // past the input cap once resolved
  CHECK(resolve_arm(s, "more").description == description);
  detente::scenario::detail::YamlBudget budget;
  CHECK_THROWS_AS(detente::scenario::detail::parse_document(to_yaml(s), "again.yaml", budget),
                  detente::InputError);
}

TEST_CASE("a stray comma at the top level is refused, not read forever", "[scenario][hostile]") {
  // Found by fuzz_inputs (tests/fuzz/regressions/scenario/stray_comma_endless_documents.yaml):
  // yaml-cpp's LoadAll handed back the same empty document without end, so
  // `detente check` hung and its memory grew.
  CHECK_INPUT_ERROR(load("# a comment\n, got it\nname: x\n"),
                    "test.yaml:2:1: invalid YAML: cannot read on from here (a stray ',', ']' or "
                    "'}' outside a list or map?)");
  CHECK_THROWS_WITH(load("a: 1\n---\nb: 2\n"),
                    Catch::Matchers::Contains("expected one YAML document, got 2"));
}

// Each class of bad input is refused before anything runs, with a located
// message of the shape FILE:LINE:COLUMN: key.path: expected WHAT, got VALUE.
// kMinimal is 7 lines long, so text appended to it starts on line 8.
#include "support.hpp"

using namespace detente::scenario;
using detente::scenario::test::kMinimal;
using detente::scenario::test::load;

TEST_CASE("unknown keys are refused with a did-you-mean", "[scenario][validation]") {
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  contact:\n    positive_stp: 0.1\n"),
                    "test.yaml:10:5: dynamics.contact.positive_stp: unknown key; did you mean "
                    "\"positive_step\"?");
  CHECK_INPUT_ERROR(load(kMinimal + "outputs:\n  colour: red\n"),
                    "test.yaml:9:3: outputs.colour: unknown key; valid keys are every, "
                    "trusting_threshold, hostile_threshold, cluster_gap, agents, network, "
                    "graphml, headline");
  // Inside a list entry the path carries the index.
  CHECK_INPUT_ERROR(load("name: x\npopulation:\n  groups:\n    - {name: north, sise: 200}\n"),
                    "test.yaml:4:21: population.groups[0].sise: unknown key; did you mean "
                    "\"size\"?");
}

TEST_CASE("values of the wrong type are refused", "[scenario][validation]") {
  CHECK_INPUT_ERROR(load(kMinimal + "seed: -3\n"),
                    "test.yaml:8:7: seed: expected a non-negative integer, got \"-3\"");
  CHECK_INPUT_ERROR(
      load(kMinimal + "steps: 52.5\n"),
      "test.yaml:8:8: steps: expected a positive integer up to 10000000, got \"52.5\"");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  influence:\n    rate: [0.1]\n"),
                    "test.yaml:10:11: dynamics.influence.rate: expected a number in [0, 1], got "
                    "a list");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  influence:\n    rate:\n"),
                    "test.yaml:10:5: dynamics.influence.rate: expected a number in [0, 1], got "
                    "nothing");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  influence:\n    enabled: maybe\n"),
                    "test.yaml:10:14: dynamics.influence.enabled: expected true or false, got "
                    "\"maybe\"");
  CHECK_INPUT_ERROR(load(kMinimal + "description: {a: 1}\n"),
                    "test.yaml:8:14: description: expected a string, got a map");
  CHECK_INPUT_ERROR(load(kMinimal + "precision: double\n"),
                    "test.yaml:8:12: precision: expected one of float32 | float64, got \"double\"");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics: 3\n"),
                    "test.yaml:8:11: dynamics: expected a map with keys influence, contact, "
                    "media, consolidation, turnover, leaders, norms, shocks, classic, got \"3\"");
  CHECK_INPUT_ERROR(load(kMinimal + "media: {name: x}\n"),
                    "test.yaml:8:8: media: expected a list of outlets, one map each, got a map");
  CHECK_INPUT_ERROR(load(kMinimal + "step_unit: ''\n"),
                    "test.yaml:8:12: step_unit: expected a non-empty string, got \"\"");
  CHECK_INPUT_ERROR(load("name: my scenario\n"),
                    "test.yaml:1:7: name: expected a name of letters, digits, '_' and '-', got "
                    "\"my scenario\"");
}

TEST_CASE("values out of range are refused", "[scenario][validation]") {
  CHECK_INPUT_ERROR(load(kMinimal + "media:\n  - {name: tv, slant: -1.5}\n"),
                    "test.yaml:9:23: media[0].slant: expected a number in [-1, 1], got \"-1.5\"");
  CHECK_INPUT_ERROR(load(kMinimal + "network:\n  between: {strength: 0}\n"),
                    "test.yaml:9:23: network.between.strength: expected a number in (0, 1], got "
                    "\"0\"");
  CHECK_INPUT_ERROR(load(kMinimal + "steps: 0\n"),
                    "test.yaml:8:8: steps: expected a positive integer up to 10000000, got \"0\"");
  CHECK_INPUT_ERROR(
      load(kMinimal + "dynamics:\n  influence:\n    confidence: .inf\n"),
      "test.yaml:10:17: dynamics.influence.confidence: expected a number in [0, 1000000], got "
      "\".inf\"");
}

TEST_CASE("missing required keys are refused", "[scenario][validation]") {
  CHECK_INPUT_ERROR(load("population:\n  groups: []\n"),
                    "test.yaml:1:1: name: expected a name of letters, digits, '_' and '-', got "
                    "nothing; this key is required");
  CHECK_INPUT_ERROR(load("name: x\npopulation:\n  groups:\n    - {size: 10}\n"),
                    "test.yaml:4:7: population.groups[0].name: expected a name of letters, "
                    "digits, '_' and '-', got nothing; this key is required");
  CHECK_INPUT_ERROR(load(kMinimal + "interventions:\n  - {name: camp}\n"),
                    "test.yaml:9:5: interventions[0].type: expected a name of letters, digits, "
                    "'_' and '-', got nothing; this key is required");
}

TEST_CASE("groups: at least two, unique, not reserved words", "[scenario][validation]") {
  CHECK_INPUT_ERROR(load("name: x\n"),
                    "test.yaml:1:1: population.groups: expected at least 2 groups, got 0; detente "
                    "models trust between communities, so declare each one (or load a network "
                    "with network.file)");
  CHECK_INPUT_ERROR(load("name: x\npopulation:\n  groups: [{name: all}, {name: south}]\n"),
                    "test.yaml:3:19: population.groups[0].name: expected a name other than all, "
                    "convener and independent, got \"all\"; those words already stand for every "
                    "group or a media sponsor");
  CHECK_INPUT_ERROR(load(kMinimal + "media: [{name: tv}, {name: tv}]\n"),
                    "test.yaml:8:28: media[1].name: expected a name not used before, got \"tv\"; "
                    "media[0] is also called \"tv\"");
}

TEST_CASE("references must name declared groups", "[scenario][validation]") {
  CHECK_INPUT_ERROR(load(kMinimal + "media:\n  - {name: tv, audience: [nort]}\n"),
                    "test.yaml:9:27: media[0].audience[0]: expected a group name (north | "
                    "south), got \"nort\"; did you mean \"north\"?");
  CHECK_INPUT_ERROR(load(kMinimal + "media:\n  - {name: tv, sponsor: convenor}\n"),
                    "test.yaml:9:25: media[0].sponsor: expected independent, convener or a group "
                    "name (north | south), got \"convenor\"; did you mean \"convener\"?");
  // A group may sponsor an outlet.
  CHECK(load(kMinimal + "media:\n  - {name: tv, sponsor: south}\n").media[0].sponsor == "south");
  CHECK_INPUT_ERROR(
      load(kMinimal + "dynamics:\n  shocks:\n    events: [{step: 3, groups: [west]}]\n"),
      "test.yaml:10:33: dynamics.shocks.events[0].groups[0]: expected a group name (north | "
      "south), got \"west\"");
}

TEST_CASE("a shock after the last step is refused", "[scenario][validation]") {
  CHECK_INPUT_ERROR(
      load(kMinimal + "steps: 52\ndynamics:\n  shocks:\n    events: [{step: 52}]\n"),
      "test.yaml:11:21: dynamics.shocks.events[0].step: expected a step below steps (52), got "
      "\"52\"; the run covers steps 0 to 51; move the event or raise steps");
  CHECK(load(kMinimal + "steps: 52\ndynamics:\n  shocks:\n    events: [{step: 51}]\n")
            .dynamics.shocks.events[0]
            .step == 51);
}

TEST_CASE("impossible network sizes are refused", "[scenario][validation]") {
  const std::string small =
      "name: x\npopulation:\n  groups: [{name: a, size: 8}, {name: b, size: 9}]\n";
  // The default mean_degree (10) does not fit: the size the file gives is to blame.
  CHECK_INPUT_ERROR(load(small),
                    "test.yaml:3:28: population.groups[0].size: expected a size above "
                    "network.within.mean_degree (10), got \"8\"; enlarge the group or lower the "
                    "mean degree");
  // With the degree given and the sizes left at their default (1000), the degree is to blame.
  CHECK_INPUT_ERROR(load("name: x\npopulation:\n  groups: [{name: a}, {name: b}]\n",
                         {"network.within.mean_degree=1000"}),
                    "--set network.within.mean_degree=1000: network.within.mean_degree: expected "
                    "less than the smallest group size (1000, group \"a\"), got \"1000\"; lower "
                    "the degree or enlarge the group");
  CHECK(load(small + "network: {within: {mean_degree: 6}}\n").network.within.mean_degree == 6.0);
  // A complete graph ignores mean_degree.
  CHECK_NOTHROW(load(small + "network: {within: {model: complete}}\n"));
  CHECK_INPUT_ERROR(
      load(kMinimal + "network: {within: {model: watts_strogatz, mean_degree: 4.5}}\n"),
      "test.yaml:8:56: network.within.mean_degree: expected an even whole number "
      "for watts_strogatz, got \"4.5\"; each agent is tied to mean_degree / 2 "
      "neighbours on each side");
  CHECK_INPUT_ERROR(
      load(kMinimal + "network: {within: {model: barabasi_albert, mean_degree: 0}}\n"),
      "test.yaml:8:57: network.within.mean_degree: expected an even whole number ≥ "
      "2 for barabasi_albert, got \"0\"; each new agent brings mean_degree / 2 ties");
  CHECK_NOTHROW(load(kMinimal + "network: {within: {model: erdos_renyi, mean_degree: 4.5}}\n"));
  // 2·(200·300)/500 = 240 is the most cross-group ties per agent.
  const std::string uneven =
      "name: x\npopulation:\n  groups: [{name: a, size: 200}, {name: b, size: 300}]\n";
  CHECK_NOTHROW(load(uneven + "network: {between: {mean_degree: 240}}\n"));
  CHECK_INPUT_ERROR(load(uneven + "network: {between: {mean_degree: 240.5}}\n"),
                    "test.yaml:4:34: network.between.mean_degree: expected at most 240 (every "
                    "agent tied to every agent of the other groups), got \"240.5\"; lower it or "
                    "enlarge the groups");
}

TEST_CASE("network file options need network.file", "[scenario][validation][files]") {
  CHECK_INPUT_ERROR(load(kMinimal + "network:\n  nodes_file: nodes.csv\n"),
                    "test.yaml:9:15: network.nodes_file: expected to come with network.file, got "
                    "\"nodes.csv\"; give the edge list in network.file, or remove nodes_file");
  CHECK_INPUT_ERROR(load(kMinimal + "network:\n  directed: true\n"),
                    "test.yaml:9:13: network.directed: expected false for a generated network, "
                    "got \"true\"; only a network loaded with network.file can be directed");
  // A folder is not a readable file.
  const detente::scenario::test::TempDir dir("folder_as_file");
  const std::string folder = (dir.path() / "").string();
  CHECK_INPUT_ERROR(load_text("name: x\nnetwork: {file: .}\n", (dir.path() / "s.yaml").string()),
                    (dir.path() / "s.yaml").string() +
                        ":2:17: network.file: expected a readable file, got \".\"; " + folder +
                        " is not a regular file (paths are relative to the scenario file's "
                        "folder)");
}

TEST_CASE("a loaded network lifts the two-group minimum", "[scenario][validation][files]") {
  const detente::scenario::test::TempDir dir("one_group");
  dir.write("edges.csv", "source,target\n0,1\n");
  const auto path = dir.write("s.yaml",
                              "name: degroot\npopulation: {groups: [{name: all_agents, size: 3}]}\n"
                              "network: {file: edges.csv}\n");
  const Scenario s = load_file(path.string());
  CHECK(s.population.groups.size() == 1);
  CHECK(s.network.file == (dir.path() / "edges.csv").string());
}

TEST_CASE("dynamics thresholds in the wrong order are refused", "[scenario][validation]") {
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  influence: {repulsion_threshold: 0.3}\n"),
                    "test.yaml:9:36: dynamics.influence.repulsion_threshold: expected a number > "
                    "confidence (0.3), got \"0.3\"; peers are repelled only beyond the confidence "
                    "bound; raise it or remove it to turn repulsion off");
  CHECK_INPUT_ERROR(load(kMinimal + "outputs: {hostile_threshold: 0.7}\n"),
                    "test.yaml:8:30: outputs.hostile_threshold: expected a number < "
                    "trusting_threshold (0.6), got \"0.7\"; an agent cannot count as both "
                    "hostile and trusting");
  // null unsets an optional key.
  CHECK_FALSE(load(kMinimal + "dynamics: {influence: {repulsion_threshold: null}}\n")
                  .dynamics.influence.repulsion_threshold.has_value());
}

TEST_CASE("turnover: a yearly share, weights that sum to 1, a step_unit of time",
          "[scenario][validation][turnover]") {
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  turnover: {rate: -0.1}\n"),
                    "test.yaml:9:20: dynamics.turnover.rate: expected a number in [0, 1], got "
                    "\"-0.1\"");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  turnover: {rate: 1.5}\n"),
                    "test.yaml:9:20: dynamics.turnover.rate: expected a number in [0, 1], got "
                    "\"1.5\"");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  turnover: {rate: 1}\n"),
                    "test.yaml:9:20: dynamics.turnover.rate: expected a share below 1, got \"1\"; "
                    "a yearly share of 1 converts to everyone leaving in every step; use a share "
                    "such as 0.5 (half the people leave in a year)");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  turnover: {rate: 0.01, family: 0.7}\n"),
                    "test.yaml:9:34: dynamics.turnover.family: expected a weight with family + "
                    "school = 1 (school is 0.5), got \"0.7\"; a newcomer's disposition is a "
                    "weighted mean of family and school; set family to 0.5");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  turnover: {family: 0.6, school: 0.6}\n"),
                    "test.yaml:9:35: dynamics.turnover.school: expected a weight with family + "
                    "school = 1 (family is 0.6), got \"0.6\"; a newcomer's disposition is a "
                    "weighted mean of family and school; set school to 0.4");
  CHECK_INPUT_ERROR(load(kMinimal + "step_unit: tick\ndynamics:\n  turnover: {rate: 0.01}\n"),
                    "test.yaml:8:12: step_unit: expected a unit of time (day, week, fortnight, "
                    "month, quarter or year) while dynamics.turnover.rate is set, got \"tick\"; "
                    "turnover's rate is per year; name the step's length in step_unit or set "
                    "dynamics.turnover.rate to 0");
  // A label is fine while turnover is off; a plural unit of time is a unit of time.
  CHECK(load(kMinimal + "step_unit: tick\n").step_unit == "tick");
  CHECK(load(kMinimal + "step_unit: months\ndynamics: {turnover: {rate: 0.01}}\n")
            .dynamics.turnover.rate == 0.01);
  CHECK(steps_per_year("months") == 12.0);
  CHECK(steps_per_year("week") == 52.0);
  CHECK_FALSE(steps_per_year("tick").has_value());
}

TEST_CASE("leaders: a small count, a yearly turnover below 1, a step_unit of time",
          "[scenario][validation][leaders]") {
  CHECK_INPUT_ERROR(
      load(kMinimal + "dynamics:\n  leaders: {enabled: true, count: 1000000}\n"),
      "test.yaml:9:35: dynamics.leaders.count: expected a positive integer up to 100, got "
      "\"1000000\"");
  CHECK_INPUT_ERROR(
      load(kMinimal + "dynamics:\n  leaders: {count: 0}\n"),
      "test.yaml:9:20: dynamics.leaders.count: expected a positive integer up to 100, got "
      "\"0\"");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  leaders: {turnover: 1}\n"),
                    "test.yaml:9:23: dynamics.leaders.turnover: expected a number in [0, 0.99], "
                    "got \"1\"");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  leaders: {alumni_weight: 1e300}\n"),
                    "test.yaml:9:28: dynamics.leaders.alumni_weight: expected a number in [0, "
                    "1000], got \"1e300\"");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  leaders: {cue: -0.5}\n"),
                    "test.yaml:9:18: dynamics.leaders.cue: expected a number in [0, 1], got "
                    "\"-0.5\"");
  CHECK_INPUT_ERROR(
      load(kMinimal + "step_unit: tick\ndynamics:\n  leaders: {enabled: true}\n"),
      "test.yaml:8:12: step_unit: expected a unit of time (day, week, fortnight, month, quarter "
      "or year) while dynamics.leaders is on with a turnover, got \"tick\"; leaders' turnover is "
      "per year; name the step's length in step_unit or set dynamics.leaders.turnover to 0");
  // Seats that never change hands need no unit of time; off needs nothing.
  CHECK(load(kMinimal + "step_unit: tick\ndynamics: {leaders: {enabled: true, turnover: 0}}\n")
            .dynamics.leaders.enabled);
  CHECK_FALSE(load(kMinimal + "step_unit: tick\n").dynamics.leaders.enabled);
}

TEST_CASE("norms: shares in range, a ramp of some width, campaigns that move norms need them",
          "[scenario][validation][norms]") {
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  norms: {threshold: 1.5}\n"),
                    "test.yaml:9:22: dynamics.norms.threshold: expected a number in [0, 1], got "
                    "\"1.5\"");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  norms: {conformity: -0.2}\n"),
                    "test.yaml:9:23: dynamics.norms.conformity: expected a number in [0, 1], got "
                    "\"-0.2\"");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  norms: {width: 0}\n"),
                    "test.yaml:9:18: dynamics.norms.width: expected a number in (0, 1], got \"0\"");
  CHECK_INPUT_ERROR(load(kMinimal + "dynamics:\n  norms: {update: .nan}\n"),
                    "test.yaml:9:19: dynamics.norms.update: expected a number in [0, 1], got "
                    "\".nan\"");
  const std::string campaign =
      "interventions:\n  - {name: spots, type: media_campaign, norm_shift: 0.5}\n";
  CHECK_INPUT_ERROR(load(kMinimal + campaign),
                    "test.yaml:9:53: interventions[0].norm_shift: expected 0 while dynamics.norms "
                    "is off, got \"0.5\"; a campaign can move perceived norms only where people "
                    "hold them; set dynamics.norms.enabled: true or norm_shift: 0");
  CHECK_INPUT_ERROR(
      load(kMinimal + "dynamics: {norms: {enabled: true}}\n" +
           "interventions:\n  - {name: spots, type: media_campaign, norm_shift: 1.5}\n"),
      "test.yaml:10:53: interventions[0].norm_shift: expected a number in [0, 1], got \"1.5\"");
  const auto on = load(kMinimal + "dynamics: {norms: {enabled: true}}\n" + campaign);
  CHECK(on.dynamics.norms.enabled);
  CHECK(on.dynamics.norms.threshold == 0.25);
}

TEST_CASE("distributions and roles are checked", "[scenario][validation]") {
  const std::string head =
      "name: x\npopulation:\n  groups:\n    - name: south\n    - name: north\n";
  CHECK_INPUT_ERROR(
      load(head + "      trust: {dist: beta, a: 0, b: 2}\n"),
      "test.yaml:6:30: population.groups[1].trust.a: expected a number in [0.001, 10000], got "
      "\"0\"");
  CHECK_INPUT_ERROR(load(head + "      trust: {dist: normal, mean: 0.5, sd: -0.1}\n"),
                    "test.yaml:6:44: population.groups[1].trust.sd: expected a number ≥ 0, got "
                    "\"-0.1\"");
  CHECK_INPUT_ERROR(load(head + "      trust: {low: 0.1}\n"),
                    "test.yaml:6:14: population.groups[1].trust.dist: expected one of constant | "
                    "uniform | beta | normal, got nothing; a distribution map names its kind, "
                    "e.g. {dist: beta, a: 2, b: 5}");
  CHECK_INPUT_ERROR(load(head + "      trust: 1.2\n"),
                    "test.yaml:6:14: population.groups[1].trust: expected a number in [0, 1] or "
                    "a distribution such as {dist: uniform, low: 0.2, high: 0.6}, got \"1.2\"");
  CHECK_INPUT_ERROR(load(head + "      roles: {public: 1, student: 0}\n"),
                    "test.yaml:6:35: population.groups[1].roles.student: expected a share in (0, "
                    "1], got \"0\"; leave out roles the group does not have");
  CHECK_INPUT_ERROR(load(head + "      roles: {}\n"),
                    "test.yaml:6:14: population.groups[1].roles: expected a map of role names to "
                    "shares, e.g. {public: 0.9, student: 0.1}, got a map");
}

TEST_CASE("interventions: schedule checked, then the type and its keys", "[scenario][validation]") {
  CHECK_INPUT_ERROR(
      load(kMinimal +
           "interventions:\n  - {name: camp, type: exchange_program, end: 9, rounds: 2}\n"),
      "test.yaml:9:58: interventions[0].rounds: expected either end or rounds, not both, got "
      "\"2\"; remove one of them to say when the intervention stops");
  CHECK_INPUT_ERROR(
      load(kMinimal +
           "interventions:\n  - {name: camp, type: exchange_program, start: 5, end: 4}\n"),
      "test.yaml:9:57: interventions[0].end: expected an integer ≥ start (5), got \"4\"");
  CHECK_INPUT_ERROR(
      load(kMinimal + "interventions:\n  - {name: camp, type: exchange_program, every: 0}\n"),
      "test.yaml:9:49: interventions[0].every: expected a positive integer up to 10000000, got "
      "\"0\"");
  CHECK_INPUT_ERROR(
      load(kMinimal + "interventions:\n  - {name: camp, type: campaign, cohort: 20}\n"),
      "test.yaml:9:24: interventions[0].type: expected an intervention type (exchange_program | "
      "joint_production | media_campaign | curriculum | capacity_building | coordination | "
      "shared_investment | governance), got \"campaign\"");
  // The convener's governance moved into an intervention: say where.
  CHECK_THROWS_WITH(load(kMinimal + "convener:\n  governance: {rotating_leadership: true}\n"),
                    Catch::Matchers::StartsWith("test.yaml:9:3: convener.governance: unknown "
                                                "key; governance is now an intervention") &&
                        Catch::Matchers::Contains("type: governance"));
  // A key of another type is unknown to this one.
  CHECK_INPUT_ERROR(
      load(kMinimal + "interventions:\n  - {name: camp, type: media_campaign, cohort: 20}\n"),
      "test.yaml:9:40: interventions[0].cohort: unknown key; valid keys are audience, reach, "
      "exposure, slant, sponsor, norm_shift, name, type, enabled, start, end, rounds, every, "
      "target, cost, when");
}

TEST_CASE("YAML problems are located", "[scenario][validation]") {
  CHECK_INPUT_ERROR(load("name: x\nsteps: [1, 2\n"),
                    "test.yaml:3:1: invalid YAML: end of sequence flow not found");
  CHECK_INPUT_ERROR(load("name: x\n---\nname: y\n"),
                    "test.yaml:3:1: expected one YAML document, got 2; a scenario is one file with "
                    "one document, remove the `---` separators");
  CHECK_NOTHROW(load(kMinimal + "---\n"));  // a trailing separator is not a second document
  CHECK_INPUT_ERROR(load("name: x\nname: y\n"),
                    "test.yaml:2:1: name: duplicate key; it is already given on line 1, keep one "
                    "of them");
  CHECK_INPUT_ERROR(load("name: x\n[a, b]: 1\n"), "test.yaml:2:1: expected a key name, got a list");
  CHECK_INPUT_ERROR(load(""),
                    "test.yaml:1:1: expected a scenario (a map with keys such as name, population "
                    "and dynamics), got an empty file");
  CHECK_INPUT_ERROR(load("just words\n"),
                    "test.yaml:1:1: expected a map of keys (name, population, dynamics, …) at the "
                    "top level, got \"just words\"");
}

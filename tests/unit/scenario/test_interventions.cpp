// The convener's side of the schema: type keys read from the intervention's
// own map, nested defaults, cross-key checks, overrides of type keys, and
// arms (settings, removals, their errors).
#include <variant>

#include "support.hpp"

using namespace detente::scenario;
using detente::scenario::test::kMinimal;
using detente::scenario::test::load;

namespace {

const std::string kFull = kMinimal +
                          "interventions:\n"
                          "  - name: camp\n"
                          "    type: exchange_program\n"
                          "    start: 4\n"
                          "    rounds: 3\n"
                          "    every: 26\n"
                          "    cohort: 40\n"
                          "    conditions: {equal_status: 1, framing: competitive}\n"
                          "    target: {groups: [north, south], marginalised_quota: 0.3, "
                          "position: peripheral, attitude: sceptical}\n"
                          "    cost: {fixed: 1000, per_participant: 50}\n"
                          "  - name: spots\n"
                          "    type: media_campaign\n"
                          "    sponsor: north\n"
                          "    audience: [south]\n"
                          "    when: {metric: trusting_share, subject: south->north, below: 0.3, "
                          "delay: 2, cooldown: 10, repeat: 3}\n"
                          "  - {name: history, type: curriculum, coverage: 0.5}\n"
                          "  - {name: reporters, type: capacity_building, trains: facilitators}\n"
                          "  - {name: followup, type: coordination, programmes: [camp]}\n"
                          "  - {name: library, type: shared_investment, centre_ties: 2}\n"
                          "  - {name: theatre, type: joint_production, audience: [north]}\n"
                          "  - {name: board, type: governance, every: 13, review_fault: 0.2}\n"
                          "convener:\n"
                          "  alignment: north\n"
                          "budget: {total: 50000, per_year: 20000, cut_order: [spots, camp]}\n"
                          "arms:\n"
                          "  - name: no_spots\n"
                          "    remove: [spots]\n"
                          "  - name: bigger\n"
                          "    set: {interventions.camp.cohort: 60, dynamics.contact.rate: 0.2}\n";

}  // namespace

TEST_CASE("type keys are read into the type's parameters", "[scenario][interventions]") {
  const Scenario s = load(kFull);
  REQUIRE(s.interventions.size() == 8);
  const auto& camp = std::get<ExchangeProgram>(s.interventions[0].params);
  CHECK(camp.cohort == 40);
  CHECK(camp.team_size == ExchangeProgram{}.team_size);
  // A section given in part keeps the type's defaults for the rest.
  CHECK(camp.conditions.equal_status == 1.0);
  CHECK(camp.conditions.framing == Framing::competitive);
  CHECK(camp.conditions.intensity == ExchangeProgram{}.conditions.intensity);
  CHECK(camp.conditions.common_goal == ExchangeProgram{}.conditions.common_goal);
  CHECK(s.interventions[0].target.position == Position::peripheral);
  CHECK(s.interventions[0].cost.per_participant == 50);
  const auto& spots = std::get<MediaCampaign>(s.interventions[1].params);
  CHECK(spots.sponsor == "north");
  CHECK(s.interventions[1].when.below == 0.3);
  CHECK_FALSE(s.interventions[1].when.above.has_value());
  CHECK(std::get<CapacityBuilding>(s.interventions[3].params).trains == Trainees::facilitators);
  CHECK(std::get<Governance>(s.interventions[7].params).review_fault == 0.2);
  CHECK(std::get<Governance>(s.interventions[7].params).peer_review);
  CHECK(s.interventions[7].every == 13);
  CHECK(s.budget.cut_order == std::vector<std::string>{"spots", "camp"});
  REQUIRE(s.arms.size() == 2);
  CHECK(s.arms[1].set[0].path == "interventions.camp.cohort");
  CHECK(s.arms[1].set[0].value == "60");
}

TEST_CASE("interventions, convener, budget and arms round-trip", "[scenario][interventions]") {
  const Scenario s = load(kFull);
  Scenario back = load_text(to_yaml(s), "resolved.yaml");
  CHECK(back.interventions == s.interventions);
  CHECK(back.convener == s.convener);
  CHECK(back.budget == s.budget);
  CHECK(back.arms == s.arms);
  CHECK(back == s);
}

TEST_CASE("names the convener's side refers to must exist", "[scenario][interventions]") {
  const std::string head = kMinimal + "interventions:\n";
  CHECK_INPUT_ERROR(
      load(head + "  - {name: camp, type: exchange_program, target: {groups: [nort]}}\n"),
      "test.yaml:9:60: interventions[0].target.groups[0]: expected a group name (north | south), "
      "got \"nort\"; did you mean \"north\"?");
  CHECK_INPUT_ERROR(
      load(head + "  - {name: camp, type: exchange_program, target: {roles: [students]}}\n"),
      "test.yaml:9:59: interventions[0].target.roles[0]: expected a role of some group (public), "
      "got \"students\"");
  CHECK_INPUT_ERROR(load(head + "  - {name: ad, type: media_campaign, sponsor: west}\n"),
                    "test.yaml:9:47: interventions[0].sponsor: expected convener or a group name "
                    "(north | south), got \"west\"");
  CHECK_INPUT_ERROR(
      load(head + "  - {name: ad, type: media_campaign, when: {metric: mean, subject: north, "
                  "below: 0.3}}\n"),
      "test.yaml:9:68: interventions[0].when.subject: expected a subject of mean (all | "
      "north->south | south->north), got \"north\"");
  CHECK_INPUT_ERROR(
      load(head + "  - {name: ad, type: media_campaign, when: {metric: mean, below: 0.3, above: "
                  "0.5}}\n"),
      "test.yaml:9:78: interventions[0].when.above: expected exactly one of below and above, got "
      "\"0.5\"; say which side of the threshold fires the response");
  CHECK_INPUT_ERROR(load(head + "  - {name: f, type: coordination, programmes: [camp]}\n"),
                    "test.yaml:9:48: interventions[0].programmes[0]: expected an intervention "
                    "name (f), got \"camp\"");
  CHECK_INPUT_ERROR(
      load(head + "  - {name: camp, type: exchange_program, target: {groups: [north]}}\n"),
      "test.yaml:9:60: interventions[0].target.groups[0]: expected at least two groups, or none "
      "for every group, got \"north\"; a programme's teams mix members of different groups");
  CHECK_INPUT_ERROR(load(kMinimal + "budget: {cut_order: [camp]}\n"),
                    "test.yaml:8:22: budget.cut_order[0]: expected an intervention name, got "
                    "\"camp\"");
  // camp945 and camp6675 have the same 24-bit stream key (core/rng.hpp).
  CHECK_INPUT_ERROR(load(head + "  - {name: camp945, type: curriculum}\n"
                                "  - {name: camp6675, type: curriculum}\n"),
                    "test.yaml:10:12: interventions[1].name: expected a name whose random stream "
                    "differs from every other's, got \"camp6675\"; it draws the same random "
                    "numbers as interventions[0] (\"camp945\"); rename one of them");
  CHECK_INPUT_ERROR(load(kMinimal + "convener: {alignment: west}\n"),
                    "test.yaml:8:23: convener.alignment: expected a group name (north | south) or "
                    "nothing for neutral, got \"west\"");
}

TEST_CASE("overrides reach type keys, nested ones too", "[scenario][interventions]") {
  const std::string camp = kMinimal + "interventions:\n  - {name: camp, type: exchange_program}\n";
  const Scenario s = load(
      camp, {"interventions.camp.cohort=50", "interventions.camp.conditions.framing=competitive"});
  const auto& p = std::get<ExchangeProgram>(s.interventions[0].params);
  CHECK(p.cohort == 50);
  CHECK(p.conditions.framing == Framing::competitive);
  CHECK(p.conditions.intensity == ExchangeProgram{}.conditions.intensity);
  CHECK_INPUT_ERROR(load(camp, {"interventions.camp.cohrt=50"}),
                    "--set interventions.camp.cohrt=50: interventions[0].cohrt: unknown key; "
                    "did you mean \"cohort\"?");
}

TEST_CASE("an arm is the base with its settings and removals", "[scenario][arms]") {
  const Scenario s = load(kFull);
  CHECK(arm_names(s) == std::vector<std::string>{"base", "no_spots", "bigger"});
  CHECK(resolve_arm(s, "base") == s);
  const Scenario no_spots = resolve_arm(s, "no_spots");
  // Removed means turned off: names and places stay, so references hold.
  REQUIRE(no_spots.interventions.size() == 8);
  CHECK_FALSE(no_spots.interventions[1].enabled);
  CHECK(no_spots.interventions[0].enabled);
  CHECK(no_spots.arms.empty());
  CHECK(no_spots.seed == s.seed);
  const Scenario bigger = resolve_arm(s, "bigger");
  CHECK(std::get<ExchangeProgram>(bigger.interventions[0].params).cohort == 60);
  CHECK(bigger.dynamics.contact.rate == 0.2);
  // Everything else is the base's.
  Scenario same = bigger;
  same.interventions = s.interventions;
  same.dynamics = s.dynamics;
  same.arms = s.arms;
  CHECK(same == s);
  CHECK_INPUT_ERROR(resolve_arm(s, "no_spot"),
                    "--arm no_spot: expected an arm of minimal (base | no_spots | bigger), got "
                    "\"no_spot\"; did you mean \"no_spots\"?");
}

TEST_CASE("arms are checked when the scenario loads", "[scenario][arms]") {
  const std::string camp = kMinimal + "interventions:\n  - {name: camp, type: exchange_program}\n";
  CHECK_INPUT_ERROR(
      load(camp + "arms:\n  - {name: big, set: {interventions.camp.cohort: -3}}\n"),
      "test.yaml:11:50: interventions[0].cohort: expected a positive integer up to 100000000, got "
      "\"-3\"");
  CHECK_INPUT_ERROR(load(camp + "arms:\n  - {name: big, set: {seed: 3}}\n"),
                    "test.yaml:11:23: arms[0].set.seed: expected a key an arm may change, got "
                    "\"seed\"; arms share the base's name, seed, streams and uncertainties, so "
                    "they differ by policy only");
  CHECK_INPUT_ERROR(load(camp + "arms:\n  - {name: big, set: {dynamics.contact.rat: 0.3}}\n"),
                    "test.yaml:11:23: dynamics.contact.rat: unknown key; did you mean \"rate\"?");
  CHECK_INPUT_ERROR(load(camp + "arms:\n  - {name: base}\n"),
                    "test.yaml:11:12: arms[0].name: expected a name other than base, got "
                    "\"base\"; the base is always run under that name");
  CHECK_INPUT_ERROR(load(camp + "arms:\n  - {name: a}\n  - {name: a}\n"),
                    "test.yaml:12:12: arms[1].name: expected a name not used before, got \"a\"; "
                    "arms[0] is also called \"a\"");
}

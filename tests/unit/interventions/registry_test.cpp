// Every intervention type works from YAML, with its schedule and costs.
#include <catch2/catch.hpp>

#include "scenario/detail/intervention_schema.hpp"
#include "world.hpp"

using namespace detente;

namespace {

// One of each type; each costs 10 per round plus 1 per participant, and
// runs 3 rounds every 5 steps from step 2 (coordination and the campaign
// with their own schedules).
const std::string kEveryType =
    "interventions:\n"
    "  - {name: camp, type: exchange_program, start: 2, every: 5, rounds: 3, cohort: 10,\n"
    "     cost: {fixed: 10, per_participant: 1}}\n"
    "  - {name: theatre, type: joint_production, start: 2, every: 5, rounds: 3, cohort: 4,\n"
    "     duration: 3, release_steps: 4, target: {roles: [artist, educator, journalist]},\n"
    "     cost: {fixed: 10, per_participant: 1, per_exposure: 0.01}}\n"
    "  - {name: spots, type: media_campaign, start: 2, every: 5, rounds: 3,\n"
    "     cost: {fixed: 10, per_exposure: 0.01}}\n"
    "  - {name: history, type: curriculum, start: 2, every: 5, rounds: 3, coverage: 0.1,\n"
    "     duration: 6, target: {roles: [student]}, cost: {fixed: 10, per_participant: 1}}\n"
    "  - {name: reporters, type: capacity_building, start: 2, every: 5, rounds: 3, cohort: 5,\n"
    "     cost: {fixed: 10, per_participant: 1}}\n"
    "  - {name: followup, type: coordination, start: 12, every: 5, rounds: 3,\n"
    "     programmes: [camp], cost: {fixed: 10}}\n"
    "  - {name: library, type: shared_investment, start: 2, every: 5, rounds: 3, coverage: 0.05,\n"
    "     cost: {fixed: 10, per_participant: 1}}\n"
    "  - {name: board, type: governance, start: 1, every: 5, review_fault: 0.2,\n"
    "     cost: {fixed: 10}}\n";

}  // namespace

TEST_CASE("every registered type is declared in one scenario", "[registry]") {
  const auto s = test::load(test::world_yaml(1000, 30) + kEveryType);
  REQUIRE(s.interventions.size() == scenario::detail::kInterventionTypes.size());
  for (std::size_t k = 0; k < s.interventions.size(); ++k)
    CHECK(s.interventions[k].params.index() == k);
}

TEST_CASE("every type runs from YAML and leaves its trace", "[registry]") {
  const auto s = test::load(test::world_yaml(1000, 30) + kEveryType);
  const auto sim = test::run(s);
  const auto m = test::metrics_of(*sim);
  const auto& roster = sim->trust_state()->roster();

  // Participants: 3 rounds × 2 groups × 10 campers, 4 co-producers, 5
  // journalists (of 20 per group); students at 10% of ~80 per group.
  CHECK(m.at("spending/camp") == 3 * 10 + 60);
  CHECK(m.at("spending/reporters") == 3 * 10 + 30);
  CHECK(m.at("spending/followup") == 3 * 10);
  CHECK(m.at("spending/theatre") == Approx(3 * 10 + 24 + 0.01 * m.at("exposures/theatre")));
  CHECK(m.at("spending/spots") == Approx(3 * 10 + 0.01 * m.at("exposures/spots")));
  // The library's catchment (5% of 1000 per group) is paid for every round.
  CHECK(m.at("spending/library") == 3 * 10 + 3 * 100);
  // Governance pays for every round: steps 1, 6, …, 26.
  CHECK(m.at("spending/board") == 6 * 10);
  double total = 0;
  for (const auto& spec : s.interventions)
    total += m.at("spending/" + spec.name);
  CHECK(m.at("spending/all") == Approx(total));

  CHECK(m.at("exposures/spots") > 0);
  CHECK(m.at("exposures/theatre") > 0);  // releases of the first two works have aired
  std::size_t trained = 0, taught = 0;
  for (std::size_t i = 0; i < roster.trained().size(); ++i)
    trained += roster.trained()[i] != 0;
  // 30 trained; a few may have left their newsroom since (turnover 0.0027 a
  // step: about 1.5 expected over these steps), and those are untrained.
  CHECK(trained <= 30);
  CHECK(trained >= 25);
  // Participants: campers, co-producers, pupils and trainees, each counted once.
  for (std::size_t i = 0; i < roster.participant().size(); ++i)
    taught += roster.participant()[i];
  CHECK(m.at("participants/all") == double(taught));
  CHECK(taught > 60 + 24 + 30);
  CHECK(m.at("programme_ties/all") > 0);
}

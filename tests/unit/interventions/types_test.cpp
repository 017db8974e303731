// joint_production, media_campaign, curriculum, capacity_building,
// coordination and shared_investment: each against a same-seed world
// without it (or with one parameter changed), for the direction its
// mechanism promises. Under common random numbers the two worlds differ by
// the mechanism alone, so each replicate's difference of means must have the
// promised sign; the floors (a few thousandths of trust) keep a mechanism
// that has silently stopped working from passing on rounding noise.
#include <catch2/catch.hpp>

#include "world.hpp"

using namespace detente;

namespace {

std::vector<std::uint8_t> in_range(std::size_t n, std::size_t from, std::size_t to) {
  std::vector<std::uint8_t> pick(n, 0);
  for (std::size_t i = from; i < to; ++i)
    pick[i] = 1;
  return pick;
}

std::vector<std::uint8_t> flagged(const std::vector<std::uint8_t>& flags, bool value = true) {
  std::vector<std::uint8_t> pick(flags.size());
  for (std::size_t i = 0; i < flags.size(); ++i)
    pick[i] = (flags[i] != 0) == value ? 1 : 0;
  return pick;
}

// Mean trust of `pick` in `with` minus in `without`, replicate by replicate.
template <class Pick>
std::vector<double> differences(const scenario::Scenario& with, const scenario::Scenario& without,
                                Pick pick, int replicates = 2) {
  std::vector<double> out;
  for (int r = 0; r < replicates; ++r) {
    const auto a = test::run(with, -1, static_cast<std::uint32_t>(r));
    const auto b = test::run(without, -1, static_cast<std::uint32_t>(r));
    const auto chosen = pick(*a);
    out.push_back(test::mean_of(a->trust_state()->outgroup_trust(), chosen) -
                  test::mean_of(b->trust_state()->outgroup_trust(), chosen));
  }
  return out;
}

// Every journalist of both sides trained once, keeping what they learned;
// the tests below switch on turnover or fading.
const std::string kLastingTraining =
    test::world_yaml(1500, 40) +
    "interventions:\n"
    "  - {name: reporters, type: capacity_building, start: 1, rounds: 1,\n"
    "     cohort: 100, slant_reduction: 0.5, turnover: 0, fade: 0}\n";

// Everyone who was not trained: the public the outlets reach.
std::vector<std::uint8_t> untrained_public(const Simulation& s) {
  return flagged(s.trust_state()->roster().participant(), false);
}

}  // namespace

TEST_CASE("a co-produced work raises its audience's trust", "[joint_production]") {
  const std::string yaml =
      test::world_yaml(1500, 40) +
      "interventions:\n"
      "  - {name: film, type: joint_production, start: 1, every: 10, rounds: 2, cohort: 8,\n"
      "     duration: 6, release_steps: 12, reach: 0.6, exposure: 0.5, slant: 0.6,\n"
      "     audience: [south], target: {roles: [artist, journalist]}}\n";
  const auto with = test::load(yaml);
  const auto without = test::load(yaml, {"interventions.film.release_steps=0"});
  // The south's non-participants: only the release reaches them directly.
  for (const double d : differences(with, without, [](const Simulation& s) {
         auto pick = flagged(s.trust_state()->roster().participant(), false);
         for (std::size_t i = 0; i < 1500; ++i)
           pick[i] = 0;
         return pick;
       }))
    CHECK(d > 0.001);
  const auto sim = test::run(with);
  const auto m = test::metrics_of(*sim);
  // Two works, each on show 12 steps to ~60% of 1500 at 0.5 a step.
  CHECK(m.at("exposures/film") > 2 * 12 * 1500 * 0.6 * 0.5 * 0.8);
  CHECK(m.at("exposures/film") < 2 * 12 * 1500 * 0.6 * 0.5 * 1.2);
  CHECK(m.at("participants/all") == 32);
}

TEST_CASE("a convener campaign moves its audience toward its slant", "[media_campaign]") {
  const std::string yaml =
      test::world_yaml(1500, 30) +
      "interventions:\n"
      "  - {name: spots, type: media_campaign, start: 1, every: 1, audience: [north], reach: 0.8,\n"
      "     exposure: 0.5, slant: 0.8}\n";
  const auto with = test::load(yaml);
  const auto without = test::load(yaml, {"interventions.spots.enabled=false"});
  for (const double d : differences(with, without, [](const Simulation& s) {
         return in_range(s.footprint().agents, 0, 1500);
       }))
    CHECK(d > 0.003);
  const auto m = test::metrics_of(*test::run(with));
  // 30 rounds to 80% of 1500 at 0.5.
  CHECK(m.at("exposures/spots") == Approx(30 * 1500 * 0.8 * 0.5).epsilon(0.05));
  CHECK(m.at("exposures/all") == m.at("exposures/spots"));
}

TEST_CASE("rejecting a campaign costs the convener trust on that side", "[media_campaign]") {
  // Sponsored by the north and aimed at the south: southerners judge it by
  // their low trust in the north, react against it more, and lose trust in
  // the convener; the north hears nothing.
  const std::string yaml =
      test::world_yaml(1500, 30) +
      "interventions:\n"
      "  - {name: spots, type: media_campaign, start: 1, audience: [south], reach: 0.8,\n"
      "     exposure: 0.5, slant: 0.8, sponsor: north}\n";
  const auto with = test::run(test::load(yaml));
  const auto without = test::run(test::load(yaml, {"interventions.spots.enabled=false"}));
  const auto a = test::metrics_of(*with), b = test::metrics_of(*without);
  CHECK(a.at("backlash_events/south") > b.at("backlash_events/south") + 500);
  CHECK(a.at("backlash_events/north") == b.at("backlash_events/north"));
  CHECK(a.at("convener_trust/south") < b.at("convener_trust/south") - 0.01);
  CHECK(a.at("convener_trust/north") == b.at("convener_trust/north"));
}

TEST_CASE("a curriculum shields its pupils from hostile media", "[curriculum]") {
  // Pupils gain literacy (hostile slant discounted) and their anchors drift up.
  const std::string yaml =
      test::world_yaml(1500, 60) +
      "interventions:\n"
      "  - {name: school, type: curriculum, start: 1, every: 52, coverage: 0.8, duration: 36,\n"
      "     target: {roles: [student]}}\n";
  const auto with = test::load(yaml);
  const auto without = test::load(yaml, {"interventions.school.enabled=false"});
  for (const double d : differences(with, without, [](const Simulation& s) {
         return flagged(s.trust_state()->roster().participant());
       }))
    CHECK(d > 0.005);
  // Literacy alone (no anchor shift, no added openness) discounts the
  // hostile outlets: with media the only rule, pupils end up more trusting on
  // average (a hostile outlet also pulls up those below its target, and that
  // pull is discounted too, so not every pupil gains).
  const auto literate = test::run(test::load(
      yaml, {"dynamics.influence.enabled=false", "dynamics.contact.enabled=false",
             "dynamics.consolidation.enabled=false", "interventions.school.anchor_gain=0",
             "interventions.school.susceptibility_gain=0"}));
  const auto plain = test::run(test::load(
      yaml, {"dynamics.influence.enabled=false", "dynamics.contact.enabled=false",
             "dynamics.consolidation.enabled=false", "interventions.school.enabled=false"}));
  const auto a = literate->trust_state()->outgroup_trust(),
             b = plain->trust_state()->outgroup_trust();
  const auto pupils = flagged(literate->trust_state()->roster().participant());
  CHECK(test::mean_of(a, pupils) > test::mean_of(b, pupils) + 0.002);
  // Pupils well above the outlets' targets (0.3 and 0.25) only ever lost to
  // them, and lose less when literate (those who follow no hostile outlet
  // lose nothing either way).
  std::size_t above = 0, gained = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (pupils[i] == 0 || b[i] < 0.45) continue;
    ++above;
    CHECK(a[i] >= b[i]);
    gained += a[i] > b[i] ? 1 : 0;
  }
  CHECK(gained > above / 2);
}

TEST_CASE("trained journalists soften the hostile outlets", "[capacity_building]") {
  // Every journalist of both sides trained: national outlets lose half their
  // hostile slant, and the public they reach ends up more trusting.
  const std::string yaml = test::world_yaml(1500, 40) +
                           "interventions:\n"
                           "  - {name: reporters, type: capacity_building, start: 1, rounds: 1,\n"
                           "     cohort: 100, slant_reduction: 0.5}\n";
  const auto with = test::load(yaml);
  const auto without = test::load(yaml, {"interventions.reporters.enabled=false"});
  for (const double d : differences(with, without, [](const Simulation& s) {
         return flagged(s.trust_state()->roster().participant(), false);
       }))
    CHECK(d > 0.0005);
  const auto m = test::metrics_of(*test::run(with));
  // Every journalist (about 2% of each side) is trained, and only they.
  CHECK(m.at("participants/all") > 40);
  CHECK(m.at("participants/all") < 90);
}

TEST_CASE("journalists who leave take the relief with them", "[capacity_building]") {
  // The same training; in one world every trainee stays, in the other each
  // leaves with chance 0.2 a step. The public's gain over no training shrinks,
  // and the roster forgets who left.
  const std::string yaml = kLastingTraining;
  const auto staying = test::load(yaml);
  const auto leaving = test::load(yaml, {"interventions.reporters.turnover=0.2"});
  const auto untrained = test::load(yaml, {"interventions.reporters.enabled=false"});
  const auto kept = differences(staying, untrained, untrained_public);
  const auto left = differences(leaving, untrained, untrained_public);
  for (std::size_t r = 0; r < kept.size(); ++r) {
    INFO("replicate " << r << ": gain if they stay " << kept[r] << ", if they leave " << left[r]);
    CHECK(left[r] < 0.5 * kept[r]);
    CHECK(left[r] >= 0.0);
  }
  // After 39 steps at 0.2 a step, about 0.8^39 ≈ 0.02% of trainees remain.
  const auto sim = test::run(leaving);
  std::size_t trained = 0;
  for (const auto flag : sim->trust_state()->roster().trained())
    trained += flag != 0;
  CHECK(trained <= 2);
}

TEST_CASE("fading practice lowers the relief step by step", "[capacity_building]") {
  // Practice that fades by 5% a step keeps part of the gain; none keeps it all.
  const std::string yaml = kLastingTraining;
  const auto lasting = test::load(yaml);
  const auto fading = test::load(yaml, {"interventions.reporters.fade=0.05"});
  const auto untrained = test::load(yaml, {"interventions.reporters.enabled=false"});
  const auto full = differences(lasting, untrained, untrained_public);
  const auto faded = differences(fading, untrained, untrained_public);
  for (std::size_t r = 0; r < full.size(); ++r) {
    INFO("replicate " << r << ": lasting " << full[r] << ", fading " << faded[r]);
    CHECK(faded[r] < 0.9 * full[r]);
    CHECK(faded[r] > 0.1 * full[r]);
  }
}

TEST_CASE("trained facilitators improve later programmes", "[capacity_building]") {
  // A programme in poor conditions, set up after 40 facilitators are trained
  // (full facilitation), against the same programme without the training.
  const std::string yaml =
      test::world_yaml(1500, 40) +
      "interventions:\n"
      "  - {name: trainers, type: capacity_building, trains: facilitators, start: 1, rounds: 1,\n"
      "     cohort: 20, facilitators_needed: 40, conditions_gain: 0.8,\n"
      "     target: {roles: [civic_leader, educator]}}\n"
      "  - {name: camp, type: exchange_program, start: 3, every: 6, rounds: 3, cohort: 40,\n"
      "     conditions: {equal_status: 0, common_goal: 0, cooperation: 0,\n"
      "                  institutional_support: 0}}\n";
  const auto with = test::load(yaml);
  const auto without = test::load(yaml, {"interventions.trainers.enabled=false"});
  // The campers (not the trainees): same agents in both worlds.
  const auto campers = [](const Simulation& s) {
    std::vector<std::uint8_t> pick(s.footprint().agents, 0);
    for (const auto& round : s.trust_state()->teams())
      for (const auto i : round.members)
        pick[i] = 1;
    return pick;
  };
  for (const double d : differences(with, without, campers))
    CHECK(d > 0.005);
}

TEST_CASE("coordination keeps programme ties alive and renews them", "[coordination]") {
  const std::string yaml =
      test::world_yaml(1000, 120) +
      "interventions:\n"
      "  - {name: camp, type: exchange_program, start: 1, rounds: 1, cohort: 60}\n"
      "  - {name: followup, type: coordination, start: 10, every: 13, programmes: [camp],\n"
      "     decay_reduction: 0.8, renew: 0.3}\n";
  // Ties fade by 3% a step: without care, even a full-strength tie falls
  // under the 0.05 floor within 100 steps; with it they hold up.
  const auto with = test::run(test::load(yaml, {"dynamics.contact.tie_decay=0.03"}));
  const auto without = test::run(test::load(
      yaml, {"dynamics.contact.tie_decay=0.03", "interventions.followup.enabled=false"}));
  const auto a = test::metrics_of(*with), b = test::metrics_of(*without);
  CHECK(a.at("programme_ties/all") > b.at("programme_ties/all"));
  const auto strength = [](const Simulation& s) {
    const CrossTies& t = s.trust_state()->ties();
    double sum = 0;
    for (std::size_t e = t.static_count; e < t.size(); ++e)
      sum += t.strength[e];
    return sum / static_cast<double>(t.size() - t.static_count);
  };
  CHECK(strength(*with) > strength(*without) + 0.2);
  // Each follow-up's participants are the alumni it reaches.
  CHECK(a.at("spending/followup") == 0);  // no costs declared
}

TEST_CASE("a shared investment raises its catchment's anchors and trust in the convener",
          "[shared_investment]") {
  const std::string yaml =
      test::world_yaml(1500, 52) +
      "interventions:\n"
      "  - {name: library, type: shared_investment, start: 1, every: 4, coverage: 0.1,\n"
      "     anchor_gain: 0.02, convener_gain: 0.05, centre_ties: 2}\n";
  const auto with = test::load(yaml);
  const auto without = test::load(yaml, {"interventions.library.enabled=false"});
  const auto a = test::run(with);
  const auto b = test::run(without);
  CHECK(test::metrics_of(*a).at("convener_trust/all") >
        test::metrics_of(*b).at("convener_trust/all") + 0.02);
  // The centre keeps a fixed set of pairs: renewed, not multiplied.
  const double ties = test::metrics_of(*a).at("programme_ties/all");
  CHECK(ties > 250);  // ~300 covered × 2 partners, less repeats and faded ones
  CHECK(ties <= 600);
  const auto covered = [](const Simulation& s) {
    std::vector<std::uint8_t> pick(s.footprint().agents, 0);
    const CrossTies& t = s.trust_state()->ties();
    for (std::size_t e = t.static_count; e < t.size(); ++e)
      pick[t.a[e]] = pick[t.b[e]] = 1;
    return pick;
  };
  for (const double d : differences(with, without, covered))
    CHECK(d > 0.01);
}

TEST_CASE("a shared investment moves attitudes only where it is seen and both sides gain",
          "[shared_investment]") {
  // No centre ties, so attitudes move only through the visible benefit.
  const std::string yaml =
      test::world_yaml(1500, 52) +
      "interventions:\n"
      "  - {name: library, type: shared_investment, start: 1, every: 4, coverage: 0.2,\n"
      "     anchor_gain: 0.05, convener_gain: 0.05, centre_ties: 0}\n";
  const auto none = test::run(test::load(yaml, {"interventions.library.enabled=false"}));
  const auto seen = test::run(test::load(yaml));
  const auto half = test::run(test::load(yaml, {"interventions.library.visibility=0.5"}));
  const auto unseen = test::run(test::load(yaml, {"interventions.library.visibility=0"}));
  const auto north_only =
      test::run(test::load(yaml, {"interventions.library.target.groups=[north]"}));
  const auto trust = [](const auto& run) { return run->trust_state()->outgroup_trust(); };
  const auto convener = [](const auto& run, const char* g) {
    return test::metrics_of(*run).at(std::string("convener_trust/") + g);
  };
  // Seen by everyone in both sides: trust moves.
  CHECK(test::metrics_of(*seen).at("mean/all") > test::metrics_of(*none).at("mean/all") + 0.002);
  // Seen by no one: nothing moves, bit for bit.
  CHECK(trust(unseen) == trust(none));
  CHECK(convener(unseen, "all") == convener(none, "all"));
  // Seen by about half: about half the rise in trust in the convener.
  const double full_rise = convener(seen, "all") - convener(none, "all");
  CHECK(convener(half, "all") - convener(none, "all") == Approx(full_rise / 2).epsilon(0.15));
  // One side only: its people trust the convener more, but no one's view of
  // the other side moves: a one-sided investment is not a shared benefit.
  CHECK(trust(north_only) == trust(none));
  CHECK(convener(north_only, "north") > convener(none, "north") + 0.01);
  CHECK(convener(north_only, "south") == convener(none, "south"));
}

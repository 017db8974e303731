// One test per scenario of the library: the direction of its key comparison
// as scenarios/README.md reports it (measured there at full size with 10
// replicates). Here 3 replicates at reduced size; every replicate must show
// the reported sign, and the difference must clear 1e-4 (a hundredth of a
// trust point, far above the rounding left between arms that share their
// random streams).
#include "library.hpp"

using namespace detente;
using library::check_all_above;
using library::negated;
using library::paired;

namespace {

constexpr double kFloor = 1e-4;
constexpr int kReplicates = 3;

}  // namespace

TEST_CASE(
    "routine vs episodic: at the same spending, either rhythm beats no programme, annual edges "
    "out monthly, and new people beat the same people again",
    "[library]") {
  // Every participant of the routine and episodic arms takes part once, so
  // only timing differs between them: the annual cohorts start earlier on
  // average and annual beats routine in mean trust in 11 of 16 futures and
  // trails in none (scenarios/README.md). The same_people arm spends the
  // same money on a tenth of the people, each group meeting thirteen times:
  // new people every round move mean trust more, in 16 of 16 futures and at
  // every depth weight φ from 0 to 1. All three spend the same.
  for (const char* phi : {"0", "1"}) {
    INFO("depth_weight " << phi);
    const auto s = library::load("routine_vs_episodic", 2000,
                                 {std::string("dynamics.contact.depth_weight=") + phi});
    const auto r =
        library::run_arms(s, {"base", "episodic", "same_people", "none"}, kReplicates, {520});
    check_all_above(paired(r, "base", "none", 520, "mean/all"), kFloor);
    check_all_above(paired(r, "episodic", "none", 520, "mean/all"), kFloor);
    check_all_above(paired(r, "base", "same_people", 520, "mean/all"), kFloor);
    check_all_above(paired(r, "episodic", "base", 520, "mean/all"), kFloor);
    for (const auto& arm : {"base", "episodic", "same_people"})
      for (const auto& snapshot : r.at(arm))
        CHECK(snapshot.at(520).at("spending/all") == 7800);
  }
}

TEST_CASE(
    "inclusive vs elite: elite selection moves mean trust more, inclusive reaches the "
    "marginalised",
    "[library]") {
  const auto s = library::load("inclusive_vs_elite", 2000);
  const auto r = library::run_arms(s, {"base", "elite"}, kReplicates, {520});
  check_all_above(negated(paired(r, "base", "elite", 520, "mean/all")), kFloor);
  check_all_above(paired(r, "base", "elite", 520, "participant_marginalised_share/all"), 0.05);
}

TEST_CASE("campaign sponsor: co-branding backfires against the neutral campaign", "[library]") {
  // Holds across the uncertain block: the neutral campaign leaves the south
  // more trusting and the convener more trusted than the co-branded one.
  const auto s = library::load("campaign_sponsor", 2000);
  const auto r = library::run_arms(s, {"base", "sponsored"}, kReplicates, {104});
  check_all_above(paired(r, "base", "sponsored", 104, "mean/south->north"), kFloor);
  check_all_above(paired(r, "base", "sponsored", 104, "convener_trust/south"), kFloor);
}

TEST_CASE("campaign sponsor: whether co-branding is worse than no campaign flips with kappa_b",
          "[library]") {
  // The backlash step κ_b (uncertain, 0.01 to 0.05): at the default 0.03 the
  // co-branded campaign leaves the south less trusting than no campaign; at
  // 0.01 it leaves it more trusting (scenarios/README.md).
  SECTION("kappa_b 0.03: below no campaign") {
    const auto s = library::load("campaign_sponsor", 2000, {"dynamics.media.backlash_step=0.03"});
    const auto r = library::run_arms(s, {"sponsored", "none"}, kReplicates, {104});
    check_all_above(paired(r, "none", "sponsored", 104, "mean/south->north"), kFloor);
  }
  SECTION("kappa_b 0.01: above no campaign") {
    const auto s = library::load("campaign_sponsor", 2000, {"dynamics.media.backlash_step=0.01"});
    const auto r = library::run_arms(s, {"sponsored", "none"}, kReplicates, {104});
    check_all_above(paired(r, "sponsored", "none", 104, "mean/south->north"), 0);
  }
}

TEST_CASE("literacy vs surge: a literate public is more trusting when the surge ends",
          "[library]") {
  const auto s = library::load("literacy_vs_surge", 2000);
  const auto r = library::run_arms(s, {"base", "no_curriculum"}, kReplicates, {288});
  check_all_above(paired(r, "base", "no_curriculum", 288, "mean/all"), kFloor);
}

TEST_CASE("journalists vs exchanges: newsroom turnover costs training its lead", "[library]") {
  // At 5,000 per side (400 extra exchange participants are a larger share of
  // a small public, so the size matters too). Since teammates make friends
  // only through good meetings (stop 22), exchanges do a little more for the
  // same money and training's lead when journalists never leave is within
  // noise (+0.000001 to +0.0002 over 3 replicates); with newsroom turnover
  // (13% a year) its relief drains away. So no direction between the arms is
  // asserted, only that turnover costs training, replicate by replicate.
  const auto lasting =
      library::load("journalists_vs_exchanges", 5000, {"interventions.reporters.turnover=0"});
  const auto r = library::run_arms(lasting, {"base", "more_exchanges"}, kReplicates, {520});
  const auto lead_lasting = paired(r, "base", "more_exchanges", 520, "mean/all");

  const auto leaving = library::load("journalists_vs_exchanges", 5000);
  const auto l = library::run_arms(leaving, {"base", "more_exchanges"}, kReplicates, {520});
  const auto lead_leaving = paired(l, "base", "more_exchanges", 520, "mean/all");
  std::vector<double> lost(lead_lasting.size());
  for (std::size_t k = 0; k < lost.size(); ++k)
    lost[k] = lead_lasting[k] - lead_leaving[k];
  check_all_above(lost, kFloor);
}

TEST_CASE("ambassadors and mentoring: alumni multiply the programme, each half adding to it",
          "[library]") {
  // Mean trust: taking away either half (the ambassadors' weighted voice or
  // the coordinators' follow-ups) loses trust in 16 of 16 futures
  // (scenarios/README.md); political space is not asserted (the follow-ups
  // alone do not widen it).
  const auto s = library::load("ambassadors_mentoring", 2000);
  const auto r = library::run_arms(s, {"base", "mentoring_only", "ambassadors_only", "one_off"},
                                   kReplicates, {520});
  check_all_above(paired(r, "base", "one_off", 520, "mean/all"), kFloor);
  check_all_above(paired(r, "base", "mentoring_only", 520, "mean/all"), kFloor);
  check_all_above(paired(r, "base", "ambassadors_only", 520, "mean/all"), kFloor);
  check_all_above(paired(r, "base", "one_off", 520, "programme_ties/all"), 0);
}

namespace {

// Trust lost in the crisis (week 260 to 280) with ties minus without, per
// replicate.
std::vector<double> extra_crisis_loss(int size) {
  const auto s = library::load("crisis_resilience", size);
  const auto r = library::run_arms(s, {"base", "no_ties"}, kReplicates, {260, 280});
  check_all_above(paired(r, "base", "no_ties", 280, "mean/all"), kFloor);
  std::vector<double> out;
  for (int k = 0; k < kReplicates; ++k) {
    const auto loss = [&](const char* arm) {
      return r.at(arm)[k].at(260).at("mean/all") - r.at(arm)[k].at(280).at("mean/all");
    };
    out.push_back(loss("base") - loss("no_ties"));
  }
  return out;
}

}  // namespace

TEST_CASE("crisis resilience: ties keep trust higher and protect it in the crisis", "[library]") {
  // A shock takes a share of trust, less from people with positive ties.
  // Since teammates start as acquaintances and good meetings deepen ties
  // faster, the programmes leave many more positive cross-group ties than
  // before (3,228 against 411 at full size), and the protected outweigh the
  // higher level lost both where the cohorts reach a large share (a public
  // of 2,000) and at the size the file ships (10,000 a side;
  // scenarios/README.md).
  SECTION("a large share reached") {
    check_all_above(negated(extra_crisis_loss(2000)), 0);
  }
  SECTION("as shipped") {
    check_all_above(negated(extra_crisis_loss(10000)), 0);
  }
}

TEST_CASE("convener governance: worth its cost while reviews come out clean, not when they fail",
          "[library]") {
  // At the scenario's assumed one fault in ten reviews, governance leaves the
  // south trusting the convener more than a neutral convener without it, and
  // an aligned one less still.
  const auto s = library::load("convener_governance", 2000);
  const auto r = library::run_arms(s, {"base", "ungoverned", "aligned"}, kReplicates, {520});
  check_all_above(paired(r, "base", "ungoverned", 520, "convener_trust/south"), 0.1);
  check_all_above(paired(r, "ungoverned", "aligned", 520, "convener_trust/south"), 0.05);
  // The answer flips only when reviews fail badly: every review finding a
  // fault that costs 30% of trust leaves the convener less trusted than none
  // (with faults of 10%, even every review failing does not flip it).
  const auto failing = library::load(
      "convener_governance", 2000,
      {"interventions.governance.review_fault=1", "interventions.governance.fault_loss=0.3"});
  const auto f = library::run_arms(failing, {"base", "ungoverned"}, kReplicates, {520});
  check_all_above(negated(paired(f, "base", "ungoverned", 520, "convener_trust/south")), 0.05);
}

TEST_CASE("combined under a cap: the triggered response helps, the cap costs", "[library]") {
  const auto s = library::load("combined_under_cap", 2000);
  const auto r =
      library::run_arms(s, {"base", "no_response", "unlimited"}, kReplicates, {240, 520});
  check_all_above(paired(r, "base", "no_response", 240, "mean/all"), kFloor);
  check_all_above(paired(r, "unlimited", "base", 520, "mean/all"), kFloor);
  for (const auto& snapshot : r.at("base")) {
    CHECK(snapshot.at(520).at("spending/all") <= 6000);
    CHECK(snapshot.at(520).at("exposures/rapid_response") > 0);  // the trigger fired
  }
}

TEST_CASE("joint production vs exchange: at the same budget the exchange moves trust more",
          "[library]") {
  // Exchange reaches three times the people for the money, mingles them and
  // makes ambassadors; joint production's released work draws backlash. Both
  // hold in every future of the uncertain block (scenarios/README.md).
  const auto s = library::load("joint_production", 2000);
  const auto r =
      library::run_arms(s, {"base", "exchange", "no_common_goal", "none"}, kReplicates, {520});
  check_all_above(paired(r, "exchange", "base", 520, "mean/all"), kFloor);
  check_all_above(paired(r, "base", "none", 520, "mean/all"), kFloor);
  // Taking the common goal away costs joint production a little.
  check_all_above(paired(r, "base", "no_common_goal", 520, "mean/all"), 0);
  for (const auto& arm : {"base", "exchange"})
    for (const auto& snapshot : r.at(arm))
      CHECK(snapshot.at(520).at("spending/all") == 10800);
}

TEST_CASE("norms tipping: a drama that moves norms moves them, stalls, and costs trust",
          "[library]") {
  // Perceived norms rise with the norm drama, private trust falls below no
  // drama (backlash, nothing tips) and the same drama arguing for the other
  // side does better; all three hold across the uncertain parameters
  // (scenarios/README.md).
  const auto s = library::load("norms_tipping", 2000);
  const auto r = library::run_arms(s, {"base", "belief", "none"}, kReplicates, {104});
  check_all_above(paired(r, "base", "none", 104, "perceived_norm/all"), kFloor);
  check_all_above(paired(r, "none", "base", 104, "mean/all"), kFloor);
  check_all_above(paired(r, "belief", "base", 104, "mean/all"), kFloor);
}

TEST_CASE("shared benefits: centres raise mean trust, the more so the more they are seen as shared",
          "[library]") {
  // Holds in 16 of 16 futures (scenarios/README.md): fully seen centres beat
  // no centres and centres a fifth of the covered see as shared. Their gain
  // in political space (+0.14 points at full size) is clear in 1 of 16
  // futures only and is not asserted. The centres spend the same in every arm.
  const auto s = library::load("shared_benefits", 2000);
  const auto r = library::run_arms(s, {"base", "rarely_seen", "none"}, kReplicates, {520});
  check_all_above(paired(r, "base", "none", 520, "mean/all"), kFloor);
  check_all_above(paired(r, "base", "rarely_seen", 520, "mean/all"), kFloor);
  check_all_above(paired(r, "rarely_seen", "none", 520, "mean/all"), kFloor);
  for (const auto& snapshot : r.at("base"))
    CHECK(snapshot.at(520).at("spending/all") == 13000);
}

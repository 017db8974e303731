// A month of messages from the other side's sponsor moves those who receive
// them away from the message by about as much as Bail et al. (2018) found:
// Republicans offered $11 to follow a bot retweeting liberal elites for a
// month became more conservative, by 0.1 SD (everyone assigned) to 0.6 SD
// (fully compliant) of their attitude scale; Democrats following a
// conservative bot became slightly more liberal, not significantly (PNAS
// 115(37):9216–9221, Fig. 3; 24 retweets a day, resurveyed at the month's end).
//
// What the figure is, and what was verified: the stored copies of the paper
// reachable here (abstract, design, Fig. 3's subject; a replication's code)
// confirm the design, the four compliance levels of Fig. 3 (assigned,
// minimally, partially, fully compliant), the 7-point scale of ten issue
// items, the direction for Republicans and the non-significance for
// Democrats. The sizes, "0.1 to 0.6 SD depending on compliance", are the
// issue's reading of the paper's Results; their exact digits were not
// verified against the paper's text. The test's verdict does not hang on them:
// the model gives under a tenth of the lower end.
//
// The study's design in the baseline world: the north sponsors a campaign
// (default slant +0.5: trust the north) followed by a fifth of the south,
// every follower exposed each week (the fully compliant arm) for four weekly
// rounds; a control arm is the same world and seed without it (common random
// numbers). Measured at the end of the month over the followers, as Bail
// measured the treated: Δ = (mean treated − mean control) / sd control, in
// units of the spread of southern trust in the north (about 0.21, as surveys
// find). Bail's outcome is issue ideology, the model's is trust toward the
// other side: both are the attitude a message from the other side pushes on,
// which is as close as this model comes.
//
// Tolerance: the backfire −Δ must fall inside the published span, 0.1 to 0.6
// SD, the ITT to the full-compliance estimate. Under common random numbers the
// replicates' Δ differ by about 0.001, so each replicate must land inside.
//
// KNOWN GAP, marked [!shouldfail]: the model gives Δ ≈ −0.007 (−0.0066 to
// −0.0082 in three replicates, 2 × 3,000 people). A southerner gives the
// north's message a credibility of about 0.17 (trust in the convener times
// trust in the north), reacts against it about 6% of the time (b = 0.2) and
// then moves by κ_b = 0.03 of the gap: a few thousandths of a point a month.
// Reaching 0.1 SD takes κ_b ≈ 0.3 (ten times the default; it would also
// change how people react to their own side's hostile broadcasts, so every
// library answer would need re-measuring) and κ_b at its bound of 1 gives
// 0.16 SD; the 0.6 SD of full compliance needs b and κ_b both at 1.
// The test passes while the gap holds and fails the day the model closes it
// (then remove the tag); the gap is listed in scenarios/README.md
// ("Calibration: where the model stands").
#include <catch2/catch.hpp>

#include "calibration.hpp"
#include "core/rng.hpp"
#include "interventions/messages.hpp"

using namespace detente;

namespace {

constexpr double kReach = 0.2;  // the share of the south that follows: the treated
constexpr int kMonth = 4;       // weekly rounds in steps 1–4, measured after the fourth

// The north's campaign to the south, every follower exposed every week.
const std::string kNorthBot =
    "[{name: bot, type: media_campaign, audience: [south], sponsor: north,"
    " reach: " +
    std::to_string(kReach) + ", exposure: 1, start: 1, rounds: " + std::to_string(kMonth) + "}]";

// The campaign's followers in `replicate`, drawn as the campaign draws them
// (interventions/messages.hpp, the scenario's seed and the campaign's stream).
std::vector<std::uint8_t> followers(const scenario::Scenario& s, const Simulation& sim,
                                    std::uint32_t replicate) {
  const PopulationView people = sim.trust_state()->population();
  const auto& group = people.f32 ? people.f32->group : people.f64->group;
  std::vector<std::uint8_t> pick(group.size(), 0);
  for (const AgentId i :
       interventions::followers(interventions::audience_mask(s, {"south"}), kReach, group,
                                Streams(s.seed, replicate), stream_key("bot")))
    pick[i] = 1;
  return pick;
}

struct Backfire {
  double delta = 0.0;     // (treated − control) / sd control, over the followers
  double followed = 0.0;  // followers as a share of the south
};

Backfire measure(const std::vector<std::string>& sets, std::uint32_t replicate) {
  const auto s = calibration::baseline(3000, kMonth, kNorthBot, sets);
  const auto treated = test::run(s, -1, replicate);
  const auto control = test::run(calibration::control(s), -1, replicate);
  const auto pick = followers(s, *treated, replicate);
  const auto t = treated->trust_state()->outgroup_trust(),
             c = control->trust_state()->outgroup_trust();
  std::size_t count = 0;
  for (const auto p : pick)
    count += p;
  return {(test::mean_of(t, pick) - test::mean_of(c, pick)) / test::sd_of(c, pick),
          static_cast<double>(count) / 3000.0};
}

}  // namespace

TEST_CASE("the backfire measurement sees a backfire of the published size when there is one",
          "[calibration][campaign]") {
  // Guards the known gap below against passing for the wrong reason: the
  // followers are the fifth of the south the campaign reaches, and with the
  // move on backlash at its bound (κ_b = 1) the same design measures a
  // backfire of at least the published lower end (the model gives about
  // 0.16 SD there), so the default's shortfall is the model's, not the
  // instrument's.
  const Backfire strong = measure({"dynamics.media.backlash_step=1"}, 0);
  INFO("κ_b = 1: Δ = " << strong.delta << ", followers " << strong.followed << " of the south");
  CHECK(strong.followed > kReach - 0.03);
  CHECK(strong.followed < kReach + 0.03);
  CHECK(strong.delta <= -0.10);
}

TEST_CASE("a month of the other side's messages backfires by 0.1-0.6 SD, as in Bail et al. 2018",
          "[calibration][campaign][!shouldfail]") {
  for (std::uint32_t r = 0; r < 2; ++r) {
    const Backfire b = measure({}, r);
    INFO("replicate " << r << ": Δ = " << b.delta << " SD (backfire " << -b.delta << ")");
    CHECK(-b.delta >= 0.10);
    CHECK(-b.delta <= 0.60);
  }
}

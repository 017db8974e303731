// Perceived norms in the step (dynamics.norms, rules/norms.hpp): off they
// change nothing; a norm-targeted campaign moves perceived norms more than
// private trust (Paluck 2009); the same campaign stalls below the tipping
// threshold and tips above it; results are the same at any thread count and
// when an arm is forked from the base.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "scenario/load.hpp"

using namespace detente;

namespace {

// Two publics of 600, lukewarm on average (mean 0.43, SD 0.21, as the
// baseline world's north), so about a fifth start warm (≥ 0.6). Messages
// pull ten times as hard as the media rule's default and never provoke a
// backlash, so a year's campaign can move norms far and only the norms
// mechanism moves trust.
std::string world(const std::string& norms, const std::string& more = "") {
  return "name: t\nseed: 17\nsteps: 52\nstep_unit: week\n"
         "population:\n  groups:\n"
         "    - {name: a, size: 600, trust: {dist: beta, a: 1.96, b: 2.6}, stubbornness: 0.15}\n"
         "    - {name: b, size: 600, trust: {dist: beta, a: 1.96, b: 2.6}, stubbornness: 0.15}\n"
         "network:\n  within: {model: watts_strogatz, mean_degree: 12, rewire: 0.1}\n"
         "  between: {mean_degree: 0.3, strength: 0.5}\n"
         "dynamics:\n  influence: {rate: 0.1, confidence: 0.3}\n"
         "  media: {influence: 0.2, backlash: 0}\n"
         "  norms: " +
         norms + "\noutputs: {every: 4}\n" + more;
}

// A weekly radio drama for group a that portrays a's people as warm toward b.
std::string drama(double norm_shift, double reach, int start = 1) {
  return "interventions:\n"
         "  - {name: drama, type: media_campaign, audience: [a], start: " +
         std::to_string(start) +
         ", every: 1, rounds: 52,\n"
         "     reach: " +
         std::to_string(reach) +
         ", exposure: 1, slant: 1, norm_shift: " + std::to_string(norm_shift) + "}\n";
}

std::vector<metrics::MetricRow> run(const scenario::Scenario& s) {
  auto sim = make_simulation(s, 0);
  std::vector<metrics::MetricRow> rows;
  while (sim->now() < s.steps) {
    sim->step();
    if (is_output_step(s, sim->now())) sim->record(rows);
  }
  return rows;
}

std::map<std::string, double> final_values(const scenario::Scenario& s) {
  std::map<std::string, double> out;
  for (const auto& r : run(s))
    if (r.step == s.steps) out[r.metric + "/" + r.subject] = r.value;
  return out;
}

scenario::Scenario load(const std::string& yaml) {
  return scenario::load_text(yaml, "t.yaml");
}

bool same_rows(const std::vector<metrics::MetricRow>& a, const std::vector<metrics::MetricRow>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k].step != b[k].step || a[k].metric != b[k].metric || a[k].subject != b[k].subject)
      return false;
    // Bitwise: NaN rows (none expected here) would fail too, which is right.
    if (std::memcmp(&a[k].value, &b[k].value, sizeof(double)) != 0) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("norms off: the step is bitwise what it was, whatever the norms' parameters",
          "[engine][norms]") {
  const auto plain = load(world("{enabled: false}"));
  const auto odd = load(world("{enabled: false, threshold: 0.05, conformity: 1, rate: 1}"));
  const auto rows = run(plain);
  CHECK(same_rows(rows, run(odd)));
  for (const auto& r : rows)
    CHECK(r.metric != "perceived_norm");
  // And switching them on does change the world (so the check above can fail).
  const auto on = load(world("{enabled: true, threshold: 0.05}"));
  CHECK_FALSE(same_rows(rows, run(on)));
}

TEST_CASE("norms: a norm-targeted campaign moves perceived norms more than private trust",
          "[engine][norms]") {
  // Paluck (2009): listeners' perceived norms moved, their personal beliefs
  // hardly. Threshold out of reach, so nothing tips: the campaign's whole
  // pull lands on what a's people believe a thinks.
  const std::string norms = "{enabled: true, threshold: 0.6}";
  const auto with = final_values(load(world(norms, drama(1.0, 0.5))));
  const auto without = final_values(load(world(norms)));
  const double norm_gain = with.at("perceived_norm/a->b") - without.at("perceived_norm/a->b");
  const double trust_gain = with.at("mean/a->b") - without.at("mean/a->b");
  INFO("perceived norm +" << norm_gain << ", trust +" << trust_gain);
  CHECK(norm_gain > 0.05);
  CHECK(std::abs(trust_gain) < norm_gain / 5);
  // Group b heard nothing: its view of itself is what it was.
  CHECK(with.at("perceived_norm/b->a") == without.at("perceived_norm/b->a"));
}

TEST_CASE("norms: the same campaign stalls below the threshold and tips above it",
          "[engine][norms]") {
  // The campaign's gain in a's trust toward b at its end, against no campaign.
  const auto gain = [](const std::string& norms) {
    const auto with = final_values(load(world(norms, drama(1.0, 0.5))));
    const auto without = final_values(load(world(norms)));
    return with.at("mean/a->b") - without.at("mean/a->b");
  };
  // θ out of the campaign's reach: the warm share people see never gets
  // there and private trust does not move.
  const double stalled = gain("{enabled: true, rate: 0.1, threshold: 0.6}");
  // θ within reach: private trust follows the warm peers.
  const double tipped = gain("{enabled: true, rate: 0.1, threshold: 0.25}");
  INFO("stalled +" << stalled << ", tipped +" << tipped);
  CHECK(std::abs(stalled) < 0.002);
  CHECK(tipped > 0.007);
}

TEST_CASE("norms: bitwise the same at 1 and 2 threads, with turnover", "[engine][norms]") {
  const auto s = load(world("{enabled: true, rate: 0.1}", drama(0.5, 0.5)));
  // Turnover passes perceived norms on to newcomers.
  auto with_turnover = s;
  with_turnover.dynamics.turnover.rate = 0.2;
  std::vector<metrics::MetricRow> one, two;
  {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, 1);
    one = run(with_turnover);
  }
  {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, 2);
    two = run(with_turnover);
  }
  CHECK(same_rows(one, two));
  CHECK_FALSE(same_rows(one, run(s)));  // turnover did act
}

TEST_CASE("norms: an arm forked from the base is the arm run on its own", "[engine][norms]") {
  // The arms differ only in the campaign's norm_shift, which first acts at
  // step 30; the fork is taken at step 20, after the perceived norms have
  // moved, so they must be carried across exactly.
  const auto base = load(world("{enabled: true, threshold: 0.3}", drama(1.0, 0.5, 30)));
  const auto arm = load(world("{enabled: true, threshold: 0.3}", drama(0.3, 0.5, 30)));
  auto sim = make_simulation(base, 0);
  std::vector<metrics::MetricRow> from_fork;
  while (sim->now() < 20) {
    sim->step();
    if (is_output_step(arm, sim->now())) sim->record(from_fork);
  }
  auto forked = sim->fork(arm);
  REQUIRE(forked);
  while (forked->now() < arm.steps) {
    forked->step();
    if (is_output_step(arm, forked->now())) forked->record(from_fork);
  }
  CHECK(same_rows(from_fork, run(arm)));
}

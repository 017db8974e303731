// Arms forked from the base (experiment/fork.hpp) give the same bits as arms
// run from step 0, and what may be shared is decided conservatively.
#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <vector>

#include "experiment/batch.hpp"
#include "experiment/fork.hpp"
#include "scenario/load.hpp"

using namespace detente;

namespace {

// A library scenario at a size a unit test can run: 200 people a side, 270 steps
// (past the library's crises),
// snapshots at 0, 20 and the end, and every intervention `delay` steps later.
std::vector<scenario::Scenario> library_arms(const std::string& file, std::int64_t delay) {
  std::vector<scenario::Override> small;
  for (const char* assignment :
       {"population.groups.north.size=200", "population.groups.south.size=200", "steps=270"})
    small.push_back(scenario::parse_override(assignment));
  auto base = scenario::load_file(std::string(DETENTE_SOURCE_DIR) + "/scenarios/" + file, small);
  base.outputs.agents = {0, 20, -1};
  std::vector<scenario::Scenario> arms;
  for (const auto& name : scenario::arm_names(base)) {
    auto arm = scenario::resolve_arm(base, name);
    for (auto& intervention : arm.interventions) {
      intervention.start += delay;
      if (intervention.end) *intervention.end += delay;
    }
    arms.push_back(std::move(arm));
  }
  return arms;
}

bool same_bits(const RunOutput& a, const RunOutput& b) {
  if (a.rows.size() != b.rows.size() || a.agents.size() != b.agents.size()) return false;
  for (std::size_t i = 0; i < a.rows.size(); ++i)
    if (a.rows[i].step != b.rows[i].step || a.rows[i].metric != b.rows[i].metric ||
        a.rows[i].subject != b.rows[i].subject ||
        std::memcmp(&a.rows[i].value, &b.rows[i].value, sizeof(double)) != 0)
      return false;
  for (std::size_t i = 0; i < a.agents.size(); ++i)
    if (a.agents[i].step != b.agents[i].step || a.agents[i].agent != b.agents[i].agent ||
        a.agents[i].subject != b.agents[i].subject ||
        std::memcmp(&a.agents[i].value, &b.agents[i].value, sizeof(double)) != 0)
      return false;
  return a.events == b.events && a.seed == b.seed;
}

// Every run on its own from step 0, then all of them through execute_runs
// (grouped, forked, builds shared) at one and two threads.
void check_forked_runs_match(const std::vector<RunSpec>& runs) {
  std::vector<RunOutput> alone;
  {
    const ThreadLimit limit(1);
    for (const auto& run : runs)
      alone.push_back(execute_run(run));
  }
  for (const int threads : {1, 2}) {
    const ThreadLimit limit(threads);
    SingleProcess here;
    Progress quiet("", runs.size(), false);
    const auto forked = execute_runs(runs, here, quiet);
    REQUIRE(forked.size() == runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
      INFO("threads " << threads << ", point " << runs[i].point << ", arm " << runs[i].arm
                      << ", replicate " << runs[i].replicate);
      CHECK(same_bits(forked[i], alone[i]));
    }
  }
}

}  // namespace

TEST_CASE("arms forked from the base match arms run from step 0", "[experiment][fork]") {
  const std::string file = GENERATE("routine_vs_episodic.yaml", "campaign_sponsor.yaml",
                                    "combined_under_cap.yaml", "crisis_resilience.yaml",
                                    "literacy_vs_surge.yaml", "leaders.yaml", "norms_tipping.yaml");
  // As the library has them (a prefix of a few steps at most), and with every
  // intervention 262 steps later: a long prefix with output and snapshot
  // steps, in which the library's crises and their surges fall.
  const std::int64_t delay = GENERATE(0, 262);
  INFO(file << ", interventions " << delay << " steps later");
  const auto arms = library_arms(file, delay);
  std::vector<RunSpec> runs;
  for (const auto& arm : arms)
    for (int r = 0; r < 2; ++r)
      runs.push_back({0, std::to_string(&arm - &arms[0]), r, &arm});
  check_forked_runs_match(runs);

  // The arms are not all the base: a fork that ignored the arm would fail
  // above. (262 steps later, some arms have too few steps left to differ.)
  if (delay > 0) return;
  const auto base = execute_run(runs[0]);
  bool any_differs = false;
  for (std::size_t a = 1; a < arms.size(); ++a)
    any_differs = any_differs || !same_bits(execute_run(runs[a * 2]), base);
  CHECK(any_differs);
}

TEST_CASE("futures that differ in dynamics share the build and match", "[experiment][fork]") {
  const auto arms = library_arms("routine_vs_episodic.yaml", 10);
  std::vector<scenario::Scenario> futures;
  for (const double confidence : {0.2, 0.3, 0.35}) {
    for (const auto& arm : arms) {
      futures.push_back(arm);
      futures.back().dynamics.influence.confidence = confidence;
    }
  }
  REQUIRE(shares_build(futures[0], futures[3]));
  std::vector<RunSpec> runs;
  for (std::size_t k = 0; k < futures.size(); ++k)
    for (int r = 0; r < 2; ++r)
      runs.push_back({static_cast<std::int64_t>(k / arms.size()), std::to_string(k % arms.size()),
                      r, &futures[k]});
  check_forked_runs_match(runs);
}

TEST_CASE("what an arm shares with the base is decided conservatively", "[experiment][fork]") {
  const auto arms = library_arms("routine_vs_episodic.yaml", 0);
  const auto& base = arms[0];
  // The exchange's first round is at step 4 in every arm: three steps are shared.
  CHECK(shared_steps(base, arms[1]) == 3);
  CHECK(shared_steps(base, arms[2]) == 3);
  CHECK(shared_steps(base, base) == base.steps);

  auto later = arms;
  for (auto& arm : later)
    arm.interventions.at(0).start = 40;
  CHECK(shared_steps(later[0], later[1]) == 39);
  // A trigger watches from its start: that bounds the prefix as a round does.
  later[1].interventions.at(0).when.metric = "mean";
  later[1].interventions.at(0).when.subject = "all";
  later[1].interventions.at(0).when.below = 0.4;
  later[1].interventions.at(0).start = 12;
  CHECK(shared_steps(later[0], later[1]) == 11);
  // A disabled intervention never acts.
  later[1].interventions.at(0).enabled = false;
  CHECK(shared_steps(later[0], later[1]) == 39);

  // Anything besides the interventions (budget, dynamics, outputs): step 0 only.
  auto budget = arms[1];
  budget.budget.total = 100;
  CHECK(shared_steps(base, budget) == 0);
  auto dynamics = arms[1];
  dynamics.dynamics.influence.rate = 0.2;
  CHECK(shared_steps(base, dynamics) == 0);
  auto outputs = arms[1];
  outputs.outputs.every = 2;
  CHECK(shared_steps(base, outputs) == 0);

  // What the build reads: nothing shared.
  auto people = arms[1];
  people.population.groups[0].size = 301;
  CHECK_FALSE(shared_steps(base, people).has_value());
  auto media = arms[1];
  media.media[0].reach = 0.5;
  CHECK_FALSE(shared_steps(base, media).has_value());
  auto seed = arms[1];
  seed.seed += 1;
  CHECK_FALSE(shared_steps(base, seed).has_value());
  auto positive = arms[1];
  positive.dynamics.contact.positive_tie += 0.1;
  CHECK_FALSE(shares_build(base, positive));
  auto convener = arms[1];
  convener.convener.alignment_penalty = 0.5;
  CHECK_FALSE(shares_build(base, convener));
}

TEST_CASE("an arm that differs late takes the base's convener state and matches",
          "[experiment][fork]") {
  // combined_under_cap's five interventions share a capped budget and act
  // from the first weeks (cohorts under way, classes, a campaign, training, a
  // trigger watching). Both declare a sixth, a second campaign, which only
  // the arm runs, from week 150: they share 149 steps, and the arm takes the
  // base's budget accounts and work under way there.
  const auto arms = library_arms("combined_under_cap.yaml", 0);
  auto base = arms[0];
  auto extra = base.interventions.at(1);
  REQUIRE(extra.name == "spots");
  extra.name = "late_spots";
  extra.start = 150;
  extra.enabled = false;
  base.interventions.push_back(extra);
  auto late = base;
  late.interventions.back().enabled = true;
  REQUIRE(shared_steps(base, late) == 149);
  // Declared under another name, it shares only what precedes any round.
  auto renamed = late;
  renamed.interventions.back().name = "other_spots";
  CHECK(shared_steps(base, renamed) == 0);

  std::vector<RunSpec> runs;
  for (int r = 0; r < 2; ++r) {
    runs.push_back({0, "base", r, &base});
    runs.push_back({0, "late", r, &late});
  }
  check_forked_runs_match(runs);
  // The arm does differ from the base after week 150.
  CHECK_FALSE(same_bits(execute_run(runs[0]), execute_run(runs[1])));
}

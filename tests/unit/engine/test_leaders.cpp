// Leaders in the whole step (dynamics.leaders): off changes nothing, dovish
// leaders lift their public against the same seed without them, and a seat
// whose holder's place population turnover hands on goes through the
// successor rule rather than to the newcomer.
#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "engine/step_order.hpp"
#include "engine/world.hpp"
#include "metrics/metric_table.hpp"
#include "scenario/load.hpp"

using namespace detente;

namespace {

scenario::Scenario small_world() {
  scenario::Scenario s;
  s.name = "small";
  s.seed = 41;
  s.steps = 30;
  s.step_unit = "week";
  for (const char* name : {"north", "south"}) {
    scenario::Group g;
    g.name = name;
    g.size = 400;
    g.trust = {scenario::Distribution::Kind::uniform, 0.5, 0.2, 0.6};
    s.population.groups.push_back(g);
  }
  s.network.within.mean_degree = 8;
  s.network.between.mean_degree = 0.5;
  s.outputs.every = 10;
  return s;
}

std::vector<metrics::MetricRow> run(const scenario::Scenario& s) {
  auto sim = make_simulation(s, 0);
  std::vector<metrics::MetricRow> rows;
  sim->record(rows);
  while (sim->now() < s.steps)
    sim->step();
  sim->record(rows);
  return rows;
}

bool same_bits(const std::vector<metrics::MetricRow>& a, const std::vector<metrics::MetricRow>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].metric != b[i].metric || a[i].subject != b[i].subject ||
        std::memcmp(&a[i].value, &b[i].value, sizeof(double)) != 0)
      return false;
  return true;
}

// Mean trust of group g toward the other group.
double mean_trust(const engine::World<float>& w, std::size_t g) {
  const auto& pop = w.population;
  double sum = 0;
  for (std::uint32_t i = pop.group_begin[g]; i < pop.group_begin[g + 1]; ++i)
    sum += pop.trust[1 - g][i];
  return sum / pop.group_size(g);
}

void step_world(engine::World<float>& w, std::int64_t steps) {
  auto phases = engine::step_order<float>(engine::PhaseSetup{w.scenario, {}});
  for (std::int64_t t = 1; t <= steps; ++t) {
    const rules::StepContext context{t, &w.rng};
    for (auto& entry : phases)
      entry.phase->run(w, context);
  }
}

}  // namespace

TEST_CASE("leaders off: the results of the world without them, bit for bit",
          "[simulation][leaders]") {
  const auto base = small_world();
  auto off = base;
  off.dynamics.leaders.count = 3;
  off.dynamics.leaders.cue = 0.5;
  off.dynamics.leaders.alumni_weight = 7;
  const auto rows = run(base);
  CHECK(same_bits(rows, run(off)));
  const std::string room(metrics::name(metrics::Metric::leader_room));
  for (const auto& r : rows)
    CHECK(r.metric != room);

  // On, they record their room for each group and all, and move trust.
  auto on = base;
  on.dynamics.leaders.enabled = true;
  const auto with = run(on);
  std::vector<std::string> subjects;
  for (const auto& r : with)
    if (r.metric == room && r.step == 0) subjects.push_back(r.subject);
  CHECK(subjects == std::vector<std::string>{"north", "south", "all"});
  CHECK_FALSE(same_bits(rows, with));
}

TEST_CASE("dovish leaders lift their public against the same seed without them",
          "[simulation][leaders]") {
  auto s = small_world();
  s.dynamics.leaders.enabled = true;
  s.dynamics.leaders.turnover = 0.0;
  s.dynamics.leaders.responsiveness = 0.0;  // the stances hold where they are set
  s.dynamics.leaders.cue = 0.02;
  auto none = s;
  none.dynamics.leaders.enabled = false;

  engine::World<float> doves(s, 0), hawks(s, 0), without(none, 0);
  REQUIRE(doves.leaders.seats() == 10);
  REQUIRE(without.leaders.seats() == 0);
  for (std::size_t seat = 0; seat < doves.leaders.seats(); ++seat) {
    const std::size_t g = seat / doves.leaders.per_group;
    doves.leaders.stance_of(seat, 1 - g) = 0.9;
    hawks.leaders.stance_of(seat, 1 - g) = 0.1;
  }
  step_world(doves, 20);
  step_world(hawks, 20);
  step_world(without, 20);
  for (std::size_t g = 0; g < 2; ++g) {
    INFO("group " << g);
    // Every member closes at most cue·s ≤ 1% of the way to the stance a
    // step: after 20 steps at most 18% of it (0.09 toward 0.9, 0.05 toward
    // 0.1), less what anchors and peers pull back (this seed: +0.039 and
    // −0.024), clear of the world without leaders either way.
    CHECK(mean_trust(doves, g) > mean_trust(without, g) + 0.015);
    CHECK(mean_trust(hawks, g) < mean_trust(without, g) - 0.015);
  }
}

TEST_CASE("a leader whose place population turnover hands on loses the seat",
          "[simulation][leaders]") {
  auto s = small_world();
  s.dynamics.leaders.enabled = true;
  s.dynamics.leaders.turnover = 0.0;  // seats change hands only with their places
  s.dynamics.turnover.rate = 0.9;     // most places change occupant within the year
  engine::World<float> w(s, 0);
  const auto first = w.leaders.holder;
  step_world(w, 52);
  std::size_t handed = 0;
  for (std::size_t seat = 0; seat < w.leaders.seats(); ++seat) {
    const AgentId holder = w.leaders.holder[seat];
    INFO("seat " << seat << ", holder " << holder);
    // The holder took the seat after their place's occupant arrived: never a
    // newcomer who inherited it (a place replaced in the last step, after
    // the leaders spoke, is handed on at the next).
    const auto arrived = w.roster.arrived(holder);
    CHECK((arrived < w.leaders.since[seat] || arrived == 52));
    handed += w.leaders.since[seat] > 0;
    CHECK(w.population.group[holder] == seat / w.leaders.per_group);
  }
  // With 90% of the places replaced in a year, most first leaders have gone.
  CHECK(handed >= 5);
  CHECK(w.leaders.holder != first);
}

TEST_CASE("leaders.yaml: with the alumni advantage, exchange alumni hold more seats",
          "[simulation][leaders]") {
  // The shipped scenario at 4,000 people a side (its exchange's alumni are
  // then about a third of a side by the end, against 13% at full size), ten
  // years. Seat-weeks held by alumni, summed over the run: the route from an
  // exchange into leadership is used, and more with alumni_weight 10 than 1.
  std::vector<scenario::Override> small;
  for (const char* group : {"north", "south"})
    small.push_back(
        scenario::parse_override(std::string("population.groups.") + group + ".size=4000"));
  const auto base =
      scenario::load_file(std::string(DETENTE_SOURCE_DIR) + "/scenarios/leaders.yaml", small);
  const auto alumni_seat_weeks = [](const scenario::Scenario& s) {
    engine::World<float> w(s, 0);
    auto phases = engine::step_order<float>(engine::PhaseSetup{w.scenario, {}});
    std::size_t held = 0;
    for (std::int64_t t = 1; t <= s.steps; ++t) {
      const rules::StepContext context{t, &w.rng};
      for (auto& entry : phases)
        entry.phase->run(w, context);
      for (const AgentId i : w.leaders.holder)
        held += w.roster.alumnus()[i];
    }
    return held;
  };
  const std::size_t favoured = alumni_seat_weeks(base);
  const std::size_t equal = alumni_seat_weeks(scenario::resolve_arm(base, "no_advantage"));
  const std::size_t none = alumni_seat_weeks(scenario::resolve_arm(base, "none"));
  INFO("alumni seat-weeks: weight 10 " << favoured << ", weight 1 " << equal << ", no exchange "
                                       << none);
  CHECK(none == 0);
  CHECK(2 * favoured > 3 * equal);  // this seed: 2,271 against 980
  CHECK(favoured > 0);
}

// Triggered interventions (interventions/triggers.hpp): watching, delay,
// rounds, cool-down and the cap on repetitions, with a scripted metric; and a
// convener responding to a crisis in a run.
#include <catch2/catch.hpp>
#include <limits>

#include "interventions/triggers.hpp"
#include "world.hpp"

using namespace detente;
using interventions::Schedule;

namespace {

scenario::Intervention triggered() {
  scenario::Intervention spec;
  spec.name = "response";
  spec.start = 3;
  spec.every = 2;
  spec.rounds = 2;
  spec.when.metric = "trusting_share";
  spec.when.subject = "north->south";
  spec.when.below = 0.3;
  spec.when.delay = 1;
  spec.when.cooldown = 4;
  spec.when.repeat = 2;
  return spec;
}

// Steps 1..last at which the schedule is due, the metric being `value(step)`.
template <class F>
std::vector<std::int64_t> due_steps(const scenario::Intervention& spec, std::int64_t last, F value,
                                    std::vector<std::int64_t>* probed = nullptr) {
  Schedule schedule(spec);
  std::vector<std::int64_t> out;
  for (std::int64_t t = 1; t <= last; ++t) {
    const auto probe = [&](std::string_view metric, std::string_view subject) {
      CHECK(metric == "trusting_share");
      CHECK(subject == "north->south");
      if (probed) probed->push_back(t);
      return value(t);
    };
    if (schedule.due(t, probe)) out.push_back(t);
  }
  return out;
}

}  // namespace

TEST_CASE("a scheduled intervention follows start, every and rounds", "[triggers]") {
  scenario::Intervention spec;
  spec.start = 2;
  spec.every = 3;
  spec.rounds = 3;
  CHECK(due_steps(spec, 20, [](std::int64_t) { return 0.0; }) ==
        std::vector<std::int64_t>{2, 5, 8});
  spec.rounds.reset();
  spec.end = 11;
  CHECK(due_steps(spec, 20, [](std::int64_t) { return 0.0; }) ==
        std::vector<std::int64_t>{2, 5, 8, 11});
}

TEST_CASE("a trigger fires after its delay, runs its rounds, cools down, and stops at its cap",
          "[triggers]") {
  std::vector<std::int64_t> probed;
  // Always below the threshold: fires at 3 (the first step watched), rounds
  // at 4 and 6; cools down to 6 + 4 = 10; fires again at 11 (rounds 12, 14);
  // then the cap of 2 is reached.
  const auto due = due_steps(
      triggered(), 30, [](std::int64_t) { return 0.1; }, &probed);
  CHECK(due == std::vector<std::int64_t>{4, 6, 12, 14});
  CHECK(probed == std::vector<std::int64_t>{3, 11});
}

TEST_CASE("a trigger waits for its metric to cross", "[triggers]") {
  // Above the threshold until step 9.
  const auto due = due_steps(triggered(), 12, [](std::int64_t t) { return t < 9 ? 0.5 : 0.2; });
  CHECK(due == std::vector<std::int64_t>{10, 12});
  auto above = triggered();
  above.when.below.reset();
  above.when.above = 0.4;
  CHECK(due_steps(above, 8, [](std::int64_t t) { return t < 5 ? 0.3 : 0.6; }) ==
        std::vector<std::int64_t>{6, 8});
  // NaN (an empty group) never fires.
  CHECK(due_steps(triggered(), 20, [](std::int64_t) { return std::nan(""); }).empty());
  // Watched up to `end` only.
  auto until = triggered();
  until.end = 8;
  CHECK(due_steps(until, 30, [](std::int64_t t) { return t < 9 ? 0.5 : 0.2; }).empty());
}

TEST_CASE("schedules at the edge of int64 neither wrap nor misfire (issue 16 item 14)",
          "[triggers]") {
  // rounds and every of INT64_MAX made UBSan report signed overflow in
  // Schedule::due and rounds_ahead; the sums now saturate.
  constexpr std::int64_t huge = std::numeric_limits<std::int64_t>::max();
  auto spec = triggered();
  spec.rounds = huge;
  spec.every = huge;
  spec.when.delay = huge;
  spec.when.cooldown = huge;
  // Fires at step 3, its first round lies past the end of time: never due.
  CHECK(due_steps(spec, 20, [](std::int64_t) { return 0.1; }).empty());
  Schedule schedule(spec);
  const auto low = [](std::string_view, std::string_view) { return 0.1; };
  CHECK(!schedule.due(3, low));  // fires now, its round is due at INT64_MAX
  CHECK(schedule.fired() == 1);
  CHECK(schedule.rounds_ahead(5));

  scenario::Intervention plain;
  plain.start = 2;
  plain.every = huge;
  plain.rounds = huge;
  CHECK(due_steps(plain, 20, [](std::int64_t) { return 0.0; }) == std::vector<std::int64_t>{2});
  // The next round saturates at INT64_MAX (it used to wrap to a step in the past).
  CHECK(Schedule(plain).rounds_ahead(5));
  plain.end = 1000;
  CHECK(!Schedule(plain).rounds_ahead(5));
  plain.start = huge - 1;
  CHECK(Schedule(plain).rounds_ahead(5));  // not started yet
}

TEST_CASE("a convener responds to a crisis when trust falls", "[triggers]") {
  // A crisis at step 10 drops the north's trusting share; a campaign watching
  // it responds two steps after it falls below the pre-crisis level.
  const std::string yaml =
      test::world_yaml(1000, 30) +
      "interventions:\n"
      "  - {name: response, type: media_campaign, start: 1, rounds: 3, every: 2,\n"
      "     when: {metric: mean, subject: north->south, below: 0.33, delay: 2},\n"
      "     cost: {fixed: 1}}\n";
  const auto s = test::load(yaml, {"dynamics.shocks.events=[{step: 10, magnitude: 0.5}]"});
  // Before the crisis trust is above the threshold and nothing is spent.
  auto sim = test::run(s, 9);
  CHECK(test::metrics_of(*sim).at("mean/north->south") > 0.33);
  sim->step();
  CHECK(test::metrics_of(*sim).at("mean/north->south") < 0.33);  // the crisis hit at 10
  CHECK(test::metrics_of(*sim).at("spending/response") == 0);
  while (sim->now() < 30)
    sim->step();
  // Crossed at step 11 (reading the state after step 10), rounds at 13, 15, 17.
  CHECK(test::metrics_of(*sim).at("spending/response") == 3);
  CHECK(test::metrics_of(*sim).at("exposures/response") > 0);
}

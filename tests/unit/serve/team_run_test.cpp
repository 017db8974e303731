// A team's run streams the same numbers `detente run` writes, band over
// replicates included, and obeys pause, step and cancel.
#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>

#include "experiment/runner.hpp"
#include "scenario/load.hpp"
#include "serve/team_run.hpp"
#include "support.hpp"

namespace {

using detente::serve::RunEvent;
using detente::serve::TeamRun;

// Collects a run's events; waits for a condition with a bound.
struct Collector {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<RunEvent> events;

  TeamRun::Sink sink() {
    return [this](RunEvent e) {
      std::lock_guard lock(mutex);
      events.push_back(std::move(e));
      changed.notify_all();
    };
  }
  template <class F>
  bool wait(F predicate, std::chrono::seconds timeout = std::chrono::seconds(20)) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, timeout, [&] { return predicate(events); });
  }
  static bool has(const std::vector<RunEvent>& events, RunEvent::Kind kind) {
    return std::any_of(events.begin(), events.end(),
                       [&](const RunEvent& e) { return e.kind == kind; });
  }
  static std::size_t frames(const std::vector<RunEvent>& events) {
    return static_cast<std::size_t>(
        std::count_if(events.begin(), events.end(),
                      [](const RunEvent& e) { return e.kind == RunEvent::Kind::frame; }));
  }
};

std::shared_ptr<const detente::scenario::Scenario> small() {
  return std::make_shared<const detente::scenario::Scenario>(
      detente::scenario::load_text(detente::serve::test::small_scenario(), "small.yaml"));
}

}  // namespace

TEST_CASE("streamed frames equal detente run's replicates: min, mean and max") {
  const auto scenario = small();
  Collector c;
  {
    TeamRun run(scenario, 3, false, c.sink());
    run.start();
    REQUIRE(c.wait([](auto& e) { return Collector::has(e, RunEvent::Kind::done); }));
  }
  detente::RunOptions options;
  options.replicates = 3;
  const auto result = detente::run_replicates(*scenario, options);

  const auto& first = c.events.front();
  REQUIRE(first.kind == RunEvent::Kind::frame);
  REQUIRE(!first.series.empty());
  const std::size_t n = first.series.size();
  // 52 steps recorded every 4: steps 0, 4, …, 52.
  CHECK(Collector::frames(c.events) == 14);
  for (const RunEvent& e : c.events) {
    if (e.kind != RunEvent::Kind::frame) continue;
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<double> values;
      for (const auto& row : result.rows)
        if (row.row.step == e.frame.step &&
            row.row.metric + " " + row.row.subject == first.series[i])
          values.push_back(row.row.value);
      REQUIRE(values.size() == 3);
      const double lo = *std::min_element(values.begin(), values.end());
      const double hi = *std::max_element(values.begin(), values.end());
      const double mean = (values[0] + values[1] + values[2]) / 3;
      INFO(first.series[i] << " at step " << e.frame.step);
      if (std::isnan(mean)) continue;
      // The same simulations: identical, bit for bit, except the mean's
      // summation order.
      CHECK(e.frame.lo[i] == lo);
      CHECK(e.frame.hi[i] == hi);
      CHECK(e.frame.mid[i] == Approx(mean).epsilon(1e-12));
    }
  }
  CHECK(c.events.back().kind == RunEvent::Kind::done);
  // The end carries each replicate's last values, as `detente run` wrote them
  // (the intervals of the facilitator's standings come from these).
  const auto& finals = c.events.back().final_values;
  REQUIRE(finals.size() == 3);
  for (std::size_t r = 0; r < 3; ++r) {
    REQUIRE(finals[r].size() == n);
    for (std::size_t i = 0; i < n; ++i)
      for (const auto& row : result.rows)
        if (row.replicate == static_cast<int>(r) && row.row.step == 52 &&
            row.row.metric + " " + row.row.subject == first.series[i] && !std::isnan(row.row.value))
          CHECK(finals[r][i] == row.row.value);
  }
}

TEST_CASE("a paused run sends step 0 and waits; step goes one recorded step further") {
  Collector c;
  TeamRun run(small(), 1, true, c.sink());
  run.start();
  REQUIRE(c.wait([](auto& e) { return Collector::has(e, RunEvent::Kind::paused); }));
  CHECK(Collector::frames(c.events) == 1);
  CHECK(c.events.back().step == 0);

  run.step();
  REQUIRE(c.wait([](auto& e) {
    return Collector::frames(e) == 2 && e.back().kind == RunEvent::Kind::paused;
  }));
  CHECK(c.events.back().step == 4);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  {
    std::lock_guard lock(c.mutex);
    CHECK(Collector::frames(c.events) == 2);  // stays paused
  }
  run.resume();
  REQUIRE(c.wait([](auto& e) { return Collector::has(e, RunEvent::Kind::done); }));
  CHECK(Collector::frames(c.events) == 14);
}

TEST_CASE("a paced run takes its time; cancelling stops it at once") {
  Collector c;
  auto run = std::make_unique<TeamRun>(small(), 1, false, c.sink());
  run->set_pace(20);  // 52 steps would take 2.6 s
  run->start();
  REQUIRE(c.wait([](auto& e) { return Collector::frames(e) >= 2; }));
  const auto before = std::chrono::steady_clock::now();
  run.reset();  // cancels and joins
  CHECK(std::chrono::steady_clock::now() - before < std::chrono::milliseconds(500));
  CHECK_FALSE(Collector::has(c.events, RunEvent::Kind::done));
  CHECK(Collector::frames(c.events) < 14);
}

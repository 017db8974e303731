// A strategy is validated exactly like a file, limited to the knobs and the
// server's size, and exported as a scenario that reruns.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "scenario/load.hpp"
#include "serve/workshop.hpp"
#include "support.hpp"

namespace {

using detente::InputError;
using detente::scenario::Override;
using detente::serve::Workshop;
using detente::serve::test::small_limits;
using detente::serve::test::small_scenario;
using detente::serve::test::small_scenario_with_programmes;

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a strategy's bad value gets the validator's own message") {
  const Workshop w(small_scenario(), "small.yaml", small_limits());
  const std::vector<Override> bad = {{"media.north_tv.slant", "3"}};
  const std::string from_page = message_of([&] { w.resolve(bad); });
  const std::string from_cli =
      message_of([&] { detente::scenario::load_text(small_scenario(), "small.yaml", bad); });
  CHECK(from_page == from_cli);
  CHECK(from_page ==
        "--set media.north_tv.slant=3: media[0].slant: expected a number in [-1, 1], "
        "got \"3\"");
  // Cross-key checks too: a crisis after the end.
  CHECK(message_of([&] {
          w.resolve(std::vector<Override>{{"dynamics.shocks.events.0.step", "60"}});
        }).find("dynamics.shocks.events[0].step") != std::string::npos);
}

TEST_CASE("only the knobs may be set") {
  const Workshop w(small_scenario(), "small.yaml", small_limits());
  CHECK(message_of([&] {
          w.resolve(std::vector<Override>{{"population.groups.north.size", "1000000"}});
        }) ==
        "--set population.groups.north.size=1000000: population.groups.north.size: not "
        "adjustable in this workshop; the page lists the keys a team may set");
  const auto s = w.resolve(std::vector<Override>{{"dynamics.contact.rate", "0.25"}});
  CHECK(s.dynamics.contact.rate == 0.25);
}

TEST_CASE("too many changes in one strategy are refused") {
  detente::serve::Limits limits = small_limits();
  limits.max_overrides = 2;
  const Workshop w(small_scenario(), "small.yaml", limits);
  const std::vector<Override> three(3, Override{"dynamics.contact.rate", "0.2"});
  CHECK(message_of([&] { w.resolve(three); }) ==
        "the strategy changes 3 keys, more than the workshop's 2");
}

TEST_CASE("a larger scenario is scaled down to the workshop's size, in proportion") {
  detente::serve::Limits limits;
  limits.max_agents = 4000;
  const std::string path = std::string(DETENTE_SOURCE_DIR) + "/scenarios/baseline.yaml";
  const Workshop w(read(path), path, limits);
  REQUIRE(w.base().population.groups.size() == 2);
  CHECK(w.base().population.groups[0].size == 2000);
  CHECK(w.base().population.groups[1].size == 2000);
  CHECK(w.sizing().size() == 2);
}

TEST_CASE("a scenario longer than the workshop allows is refused") {
  detente::serve::Limits limits = small_limits();
  limits.max_steps = 40;
  CHECK_THROWS_WITH(Workshop(small_scenario(), "small.yaml", limits),
                    "small.yaml: steps: 52 steps, more than the workshop's 40; shorten the "
                    "scenario");
}

TEST_CASE("an exported strategy loads back as the scenario the team ran") {
  const Workshop w(small_scenario(), "small.yaml", small_limits());
  const std::vector<Override> strategy = {{"dynamics.contact.rate", "0.3"},
                                          {"media.south_tv.slant", "-0.1"}};
  const std::string yaml = w.export_yaml(strategy, "Team Blue!");
  auto exported = detente::scenario::load_text(yaml, "exported.yaml");
  const auto ran = w.resolve(strategy);
  CHECK(exported.name == "small-team-blue");
  CHECK(w.export_name("Team Blue!") == "small-team-blue");
  CHECK(exported.description.find("dynamics.contact.rate=0.3, media.south_tv.slant=-0.1") !=
        std::string::npos);
  // Everything but the name and the story is the scenario the team ran.
  exported.name = ran.name;
  exported.description = ran.description;
  exported.source_path = ran.source_path;
  CHECK(exported == ran);
}

TEST_CASE("markers show crises and programme starts in step order") {
  const Workshop w(small_scenario(), "small.yaml", small_limits());
  const auto markers = detente::serve::markers_of(w.base());
  REQUIRE(markers.size() == 1);
  CHECK(markers[0].step == 20);
  CHECK(markers[0].kind == "crisis");
  const auto off = w.resolve(std::vector<Override>{{"dynamics.shocks.enabled", "false"}});
  CHECK(detente::serve::markers_of(off).empty());
}

TEST_CASE("markers show the starts of the programmes that run, not of those left off") {
  const Workshop w(small_scenario_with_programmes(), "small.yaml", small_limits());
  // The menu is off: only the crisis.
  const auto alone = detente::serve::markers_of(w.base());
  REQUIRE(alone.size() == 1);
  CHECK(alone[0].kind == "crisis");

  const auto camp = detente::serve::markers_of(
      w.resolve(std::vector<Override>{{"interventions.camp.enabled", "true"}}));
  REQUIRE(camp.size() == 2);
  CHECK(camp[0].step == 6);  // in step order: the camp before the crisis
  CHECK(camp[0].kind == "programme");
  CHECK(camp[0].label == "camp starts");
  CHECK(camp[1].kind == "crisis");

  const auto later = detente::serve::markers_of(w.resolve(std::vector<Override>{
      {"interventions.camp.enabled", "true"}, {"interventions.camp.start", "30"}}));
  REQUIRE(later.size() == 2);
  CHECK(later[0].kind == "crisis");
  CHECK(later[1].step == 30);

  // A triggered programme acts when its metric says so: marked as watching.
  const auto watching = detente::serve::markers_of(
      w.resolve(std::vector<Override>{{"interventions.spots.enabled", "true"}}));
  REQUIRE(watching.size() == 2);
  CHECK(watching[0].label == "spots on watch");
  CHECK(watching[0].step == 10);
}

TEST_CASE("the workshop's own scenario runs no programme until a team switches one on") {
  const std::string path = std::string(DETENTE_SOURCE_DIR) + "/scenarios/workshop.yaml";
  const Workshop w(read(path), path, detente::serve::Limits{});
  for (const auto& m : detente::serve::markers_of(w.base()))
    CHECK(m.kind == "crisis");
  REQUIRE(w.base().budget.total.has_value());
  const auto s = w.resolve(std::vector<Override>{{"interventions.exchange.enabled", "true"}});
  const auto markers = detente::serve::markers_of(s);
  CHECK(std::count_if(markers.begin(), markers.end(),
                      [](const auto& m) { return m.kind == "programme"; }) == 1);
  // A programme's price is not a team's to change.
  CHECK(message_of([&] {
          w.resolve(std::vector<Override>{{"interventions.exchange.cost.per_participant", "0"}});
        }).find("not adjustable in this workshop") != std::string::npos);
}

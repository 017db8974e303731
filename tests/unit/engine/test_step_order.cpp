// The step as a declared list of phases: its order, what each phase declares
// it reads and writes, the engine's README that shows them, and tie ageing
// as a phase of its own (programme ties fade even with contact off).
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "engine/step_order.hpp"
#include "scenario/load.hpp"

using namespace detente;

TEST_CASE("the step runs its phases in the declared order", "[engine][phases]") {
  std::vector<std::string> names;
  for (const auto& phase : engine::describe_step_order()) {
    names.push_back(phase.name);
    CHECK(!phase.writes.empty());
    CHECK(!phase.why.empty());
  }
  CHECK(names == std::vector<std::string>{"convener", "shocks", "media", "leaders", "contact",
                                          "tie ageing", "influence", "norms", "consolidation",
                                          "turnover"});
}

TEST_CASE("every phase is timed, in order", "[engine][phases]") {
  const auto s = scenario::load_text(
      "name: t\nsteps: 3\npopulation: {groups: [{name: a, size: 50}, {name: b, size: 50}]}\n",
      "t.yaml");
  auto sim = make_simulation(s, 0);
  sim->step();
  const auto footprint = sim->footprint();
  const auto described = engine::describe_step_order();
  REQUIRE(footprint.phases.size() == described.size());
  for (std::size_t k = 0; k < described.size(); ++k)
    CHECK(footprint.phases[k].phase == described[k].name);
  CHECK(footprint.agents == 100);
  CHECK(footprint.bytes > 100 * 8);
}

TEST_CASE("sim/engine/README.md shows the step as the code declares it", "[engine][docs]") {
  std::ifstream in(std::string(DETENTE_SOURCE_DIR) + "/sim/engine/README.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  int k = 0;
  for (const auto& phase : engine::describe_step_order()) {
    const std::string row = "| " + std::to_string(++k) + " | " + phase.name + " | " + phase.reads +
                            " | " + phase.writes + " | ";
    INFO(row);
    CHECK(readme.find(row) != std::string::npos);
  }
}

TEST_CASE("programme ties fade with contact switched off", "[engine][phases]") {
  // An exchange makes programme ties at step 1; with contact off nothing
  // renews them, so tie ageing alone must drop them below the floor.
  const std::string yaml =
      "name: t\nseed: 5\nsteps: 60\n"
      "population: {groups: [{name: a, size: 200}, {name: b, size: 200}]}\n"
      "dynamics: {contact: {enabled: false, tie_decay: 0.2, tie_floor: 0.05}}\n"
      "interventions:\n"
      "  - {name: camp, type: exchange_program, start: 1, rounds: 1, cohort: 20, duration: 2}\n";
  const auto s = scenario::load_text(yaml, "t.yaml");
  auto sim = make_simulation(s, 0);
  sim->step();
  const auto& ties = sim->trust_state()->ties();
  const std::size_t made = ties.size() - ties.static_count;
  REQUIRE(made > 0);
  const float first = ties.strength[ties.static_count];
  sim->step();
  CHECK(sim->trust_state()->ties().strength[ties.static_count] < first);
  while (sim->now() < 60)
    sim->step();
  CHECK(sim->trust_state()->ties().size() == sim->trust_state()->ties().static_count);
}

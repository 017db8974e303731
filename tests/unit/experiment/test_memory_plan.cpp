// The memory check looks at every scenario a command will build (issue 16:
// a sweep over a group's size was checked at the size written in the file),
// and its refusal points at the key that makes the largest one too large.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "core/errors.hpp"
#include "experiment/memory_plan.hpp"
#include "experiment/sweep.hpp"

using namespace detente;
namespace fs = std::filesystem;

namespace {

// Two towns of 1,000 people; `more` is appended (a sweep:, arms: or uncertain: block).
std::string write_towns(const std::string& name, const std::string& more) {
  const fs::path dir = fs::temp_directory_path() / "detente-test-memory-plan";
  fs::create_directories(dir);
  const fs::path file = dir / (name + ".yaml");
  std::ofstream(file) << "name: " << name
                      << "\nsteps: 10\n"        // line 2
                         "population:\n"        // line 3
                         "  groups:\n"          // line 4
                         "    - name: north\n"  // line 5
                         "      size: 1000\n"   // line 6
                         "    - name: south\n"  // line 7
                         "      size: 1000\n"   // line 8
                      << more;                  // from line 9
  return file.string();
}

const std::string kSweepNorth =
    "sweep:\n"                                                               // line 9
    "  design: grid\n"                                                       // line 10
    "  parameters:\n"                                                        // line 11
    "    - {path: population.groups.north.size, values: [1000, 2000000]}\n"  // line 12
    "  outcomes: [{metric: trusting_share}]\n";

constexpr double kSweepRuns = std::numeric_limits<double>::max();

// A limit between what `small` and `large` need: only the larger is refused.
double between(const scenario::Scenario& small, const scenario::Scenario& large,
               const RunCount& count) {
  const double a = estimate_memory(small, count).total_bytes;
  const double b = estimate_memory(large, count).total_bytes;
  REQUIRE(a < b);
  return (a + b) / 2;
}

}  // namespace

TEST_CASE("a sweep is checked at its largest point, located at the swept key", "[memory]") {
  const auto file = write_towns("sweep_sizes", kSweepNorth);
  const auto base = scenario::load_file(file);
  const auto planned = planned_sweep_points(base, file, {});
  REQUIRE(planned.size() == 2);
  CHECK(planned[0].scenario.population.groups[0].size == 1000);
  CHECK(planned[1].scenario.population.groups[0].size == 2000000);
  const RunCount count{kSweepRuns, 2, false};
  const double limit = between(base, planned[1].scenario, count);
  // The base alone fits: the check used to pass here and the sweep then
  // allocated its large points.
  CHECK_NOTHROW(check_planned_memory({{base, "", {}}}, count, limit, file, {}));
  CHECK_THROWS_WITH(
      check_planned_memory(planned, count, limit, file, {}),
      Catch::Matchers::StartsWith(file + ":12:7: sweep.parameters[0]: sweep point 1 "
                                         "(population.groups.north.size = 2000000) needs about ") &&
          Catch::Matchers::Contains("2001000 agents") &&
          Catch::Matchers::Contains("make the groups smaller (population.groups[].size)") &&
          Catch::Matchers::Contains("or raise the limit with --max-memory (e.g. --max-memory "));
}

TEST_CASE("a sweep that varies no size is checked at the scenario as written", "[memory]") {
  const auto file = write_towns("sweep_rates",
                                "sweep:\n  design: grid\n  parameters:\n"
                                "    - {path: dynamics.contact.rate, values: [0.1, 0.2, 0.3]}\n"
                                "  outcomes: [{metric: trusting_share}]\n");
  const auto base = scenario::load_file(file);
  const auto planned = planned_sweep_points(base, file, {});
  REQUIRE(planned.size() == 1);
  CHECK(planned[0].scenario == base);
  CHECK(planned[0].label.empty());
}

TEST_CASE("an arm that enlarges a group is the one checked", "[memory]") {
  const auto file = write_towns("arm_sizes",
                                "arms:\n  - name: big\n    set: {population.groups.south.size: "
                                "3000000}\n");  // the value on line 11, column 41
  const auto base = scenario::load_file(file);
  const auto planned = planned_arms(base, scenario::arm_names(base));
  REQUIRE(planned.size() == 2);
  const RunCount count{2, 1};
  const double limit = between(base, planned[1].scenario, count);
  CHECK_THROWS_WITH(check_planned_memory(planned, count, limit, file, {}),
                    Catch::Matchers::StartsWith(
                        file + ":11:41: arms[0].set.population.groups.south.size: arm big "
                               "(population.groups.south.size = 3000000) needs about "));
}

TEST_CASE("futures are checked at the sizes drawn from the uncertain: block", "[memory]") {
  const auto file =
      write_towns("uncertain_sizes",
                  "uncertain:\n  - {path: population.groups.north.size, low: 1000, high: 2000000, "
                  "integer: true}\n");  // the entry on line 10
  const auto base = scenario::load_file(file);
  const auto planned = planned_futures(base, {"base"}, 8);
  REQUIRE(planned.size() == 8);
  const scenario::Scenario* largest = &planned[0].scenario;
  for (const auto& p : planned)
    if (p.scenario.population.groups[0].size > largest->population.groups[0].size)
      largest = &p.scenario;
  CHECK(largest->population.groups[0].size > 1000000);  // the top eighth of the range
  const RunCount count{16, 2};
  const double limit = between(base, *largest, count);
  CHECK_NOTHROW(check_planned_memory({{base, "", {}}}, count, limit, file, {}));
  CHECK_THROWS_WITH(check_planned_memory(planned, count, limit, file, {}),
                    Catch::Matchers::StartsWith(file + ":10:5: uncertain[0]: future ") &&
                        Catch::Matchers::Contains("(population.groups.north.size = "));
  // Keys that change no size add no futures to check.
  const auto rates = write_towns(
      "uncertain_rates", "uncertain:\n  - {path: dynamics.contact.rate, low: 0.1, high: 0.2}\n");
  CHECK(planned_futures(scenario::load_file(rates), {"base"}, 8).empty());
}

TEST_CASE("a refusal locates the key that drives the estimate, in the file or a --set",
          "[memory]") {
  const auto file = write_towns("file_sizes", "");
  const std::vector<scenario::Override> larger = {{"population.groups.south.size", "4000000"}};
  const auto base = scenario::load_file(file);
  const auto south = scenario::load_file(file, larger);
  const RunCount one{1, 1};
  const double limit = between(base, south, one);
  CHECK_THROWS_WITH(
      check_planned_memory({{south, "", {}}}, one, limit, file, larger),
      Catch::Matchers::StartsWith("--set population.groups.south.size=4000000: "
                                  "population.groups[1].size: this run needs about "));
  // The file's own size, at its line and column.
  CHECK_THROWS_WITH(check_planned_memory({{base, "", {}}}, one, 1e3, file, {}),
                    Catch::Matchers::StartsWith(file + ":6:13: population.groups[0].size: "
                                                       "this run needs about "));
  // Dense ties drive it: the mean degree is named instead.
  const std::vector<scenario::Override> dense = {{"network.within.mean_degree", "900"}};
  CHECK_THROWS_WITH(
      check_planned_memory({{scenario::load_file(file, dense), "", {}}}, one, 1e3, file, dense),
      Catch::Matchers::StartsWith("--set network.within.mean_degree=900: "
                                  "network.within.mean_degree: this run needs about ") &&
          Catch::Matchers::Contains("make network.within.mean_degree smaller"));
}

TEST_CASE("edges.csv snapshots are counted, and named when they drive the estimate", "[memory]") {
  const auto file = write_towns("network_snapshots", "");
  const auto plain = scenario::load_file(file);
  const std::vector<scenario::Override> every_step = {
      {"outputs.network", "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"}};
  const auto snapshots = scenario::load_file(file, every_step);
  const RunCount one{1, 1};
  const auto without = estimate_memory(plain, one);
  const auto with = estimate_memory(snapshots, one);
  // Eleven snapshots of every tie: more than the ties themselves take.
  CHECK(with.output_bytes - without.output_bytes > 11 * without.ties * 16);
  CHECK(with.driver == "outputs.network");
  CHECK_THROWS_WITH(check_planned_memory({{snapshots, "", {}}}, one, between(plain, snapshots, one),
                                         file, every_step),
                    Catch::Matchers::StartsWith("--set outputs.network=") &&
                        Catch::Matchers::Contains("write the network at fewer steps"));
}

TEST_CASE("only keys the estimate reads can change it", "[memory]") {
  for (const char* path :
       {"population.groups.north.size", "network.within.mean_degree", "network.between.mean_degree",
        "steps", "outputs.every", "outputs.agents", "outputs.network", "dynamics.classic.model",
        "population"})
    CHECK(may_change_memory(path));
  for (const char* path : {"dynamics.contact.rate", "stepsize", "seed", "networks.x",
                           "dynamics.influence.confidence", "media.0.reach"})
    CHECK_FALSE(may_change_memory(path));
}

TEST_CASE("a swept or drawn whole number keeps its digits", "[memory][sweep]") {
  // A sweep or future of a group's size of 2,000,000 was written "2e+06",
  // which the integer key refused: such a sweep could not run at all.
  CHECK(number_text(2000000) == "2000000");
  CHECK(number_text(-3) == "-3");
  CHECK(number_text(0.1) == "0.1");
  CHECK(number_text(1e300) == "1e+300");
  const auto planned =
      planned_sweep_points(scenario::load_file(write_towns("sweep_million", kSweepNorth)),
                           write_towns("sweep_million", kSweepNorth), {});
  REQUIRE(planned.size() == 2);
  CHECK(planned[1].set_by.at(0).value == "2000000");
}

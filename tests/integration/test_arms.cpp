// `detente run` with arms: every arm side by side in one result folder, the
// `arm` column, --arm selection, and scenario.yaml reproducing the run.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>

#include "program.hpp"

namespace fs = std::filesystem;
using detente::test::read_text;
using detente::test::run_detente;
using detente::test::scratch_dir;

namespace {

const std::string kScenario =
    "name: arms_demo\n"
    "seed: 5\n"
    "steps: 24\n"
    "population:\n"
    "  groups: [{name: north, size: 400}, {name: south, size: 400}]\n"
    "interventions:\n"
    "  - {name: camp, type: exchange_program, start: 2, every: 6, cohort: 20}\n"
    "  - {name: spots, type: media_campaign, start: 1, every: 4}\n"
    "arms:\n"
    "  - {name: no_spots, remove: [spots]}\n"
    "  - {name: competitive, set: {interventions.camp.conditions.framing: competitive}}\n";

std::set<std::string> arms_in(const std::string& csv) {
  std::set<std::string> arms;
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line))
    arms.insert(line.substr(0, line.find(',')));
  return arms;
}

// The rows of one arm, header dropped.
std::string rows_of(const std::string& csv, const std::string& arm) {
  std::string out;
  std::istringstream lines(csv);
  std::string line;
  while (std::getline(lines, line))
    if (line.rfind(arm + ",", 0) == 0) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("run runs the base and every arm, or those named", "[run][arms]") {
  const auto dir = scratch_dir("arms");
  const auto file = dir / "arms_demo.yaml";
  std::ofstream(file) << kScenario;
  auto r = run_detente(
      "run '" + file.string() + "' --quiet -r 2 --out '" + (dir / "all").string() + "'", dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto all = read_text(dir / "all/timeseries.csv");
  CHECK(arms_in(all) == std::set<std::string>{"base", "no_spots", "competitive"});
  CHECK(read_text(dir / "all/run.json").find("\"competitive\"") != std::string::npos);
  CHECK(arms_in(read_text(dir / "all/summary.csv")) ==
        std::set<std::string>{"base", "no_spots", "competitive"});

  r = run_detente("run '" + file.string() + "' --quiet -r 2 --arm competitive --out '" +
                      (dir / "one").string() + "'",
                  dir);
  REQUIRE(r.exit_code == 0);
  const auto one = read_text(dir / "one/timeseries.csv");
  CHECK(arms_in(one) == std::set<std::string>{"base", "competitive"});
  // An arm's rows do not depend on which other arms ran.
  CHECK(rows_of(one, "competitive") == rows_of(all, "competitive"));
  CHECK(rows_of(one, "base") == rows_of(all, "base"));

  // The resolved scenario, arms included, reproduces the whole run.
  r = run_detente("run '" + (dir / "all/scenario.yaml").string() + "' --quiet -r 2 --out '" +
                      (dir / "again").string() + "'",
                  dir);
  REQUIRE(r.exit_code == 0);
  CHECK(read_text(dir / "again/timeseries.csv") == all);
}

TEST_CASE("an unknown arm is refused before anything runs", "[run][arms]") {
  const auto dir = scratch_dir("arms_unknown");
  const auto file = dir / "arms_demo.yaml";
  std::ofstream(file) << kScenario;
  const auto r = run_detente(
      "run '" + file.string() + "' --quiet --arm no_spot --out '" + (dir / "out").string() + "'",
      dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--arm no_spot: expected an arm of arms_demo (base | no_spots | competitive), "
                   "got \"no_spot\"; did you mean \"no_spots\"?") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("with interventions, outputs are bitwise identical at 1 and 3 threads",
          "[run][arms][determinism]") {
  const auto dir = scratch_dir("arms_threads");
  const auto file = dir / "arms_demo.yaml";
  std::ofstream(file) << kScenario;
  for (const int threads : {1, 3}) {
    const auto r =
        run_detente("run '" + file.string() + "' --quiet --threads " + std::to_string(threads) +
                        " --out '" + (dir / ("t" + std::to_string(threads))).string() + "'",
                    dir);
    REQUIRE(r.exit_code == 0);
  }
  CHECK(read_text(dir / "t1/timeseries.csv") == read_text(dir / "t3/timeseries.csv"));
}

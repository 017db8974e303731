// The command line against the reproducing inputs of issue 16 that reach
// it as a user would pass them: each ends in exit 2 with a located message,
// never exit 1 (an internal error), a crash or a run that starts anyway.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "program.hpp"

namespace fs = std::filesystem;
using detente::test::run_detente;
using detente::test::scratch_dir;

namespace {

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

const std::string kTwoTowns =
    "name: towns\nsteps: 2\npopulation:\n  groups:\n    - {name: north, size: 3}\n"
    "    - {name: south, size: 3}\n";

}  // namespace

TEST_CASE("check reads network files and locates their errors by column (item 11)",
          "[cli][hostile]") {
  const auto dir = scratch_dir("hostile-network");
  write_text(dir / "edges.csv", "source,target,weight\n0,1,1\n1,2,nan\n");
  write_text(dir / "nodes.csv", "id,group\n0,north\n1,north\n2,south\n");
  write_text(dir / "net.yaml", kTwoTowns +
                                   "network: {file: edges.csv, nodes_file: nodes.csv, "
                                   "directed: true}\n");
  // A NaN weight passed check and was refused only by run.
  const auto r = run_detente("check '" + (dir / "net.yaml").string() + "'", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "error: " + (dir / "edges.csv").string() +
                     ":3:5: expected a finite non-negative weight, got \"1,2,nan\"\n");
  CHECK(r.out.empty());
}

TEST_CASE("sizes and replicates past what the machine holds are refused before allocating (item 8)",
          "[cli][hostile]") {
  const auto dir = scratch_dir("hostile-sizes");
  // 1e8 agents passed check, allocated for 16 s and died with bad_alloc.
  const std::string huge =
      "check scenarios/baseline.yaml --set population.groups.north.size=50000000 "
      "--set population.groups.south.size=50000000 --max-memory 4G";
  const auto checked = run_detente(huge, dir);
  CHECK(checked.exit_code == 2);
  // Located at what drives the estimate: here the --set that made north huge.
  CHECK(checked.err.find("error: --set population.groups.north.size=50000000: "
                         "population.groups[0].size: this run needs about ") == 0);
  CHECK(checked.err.find("more than the 4 GiB it may use") != std::string::npos);
  const auto ran = run_detente(
      "run scenarios/baseline.yaml --quiet --max-memory 1M --out '" + (dir / "out").string() + "'",
      dir);
  CHECK(ran.exit_code == 2);
  CHECK(ran.err.find("this run needs about") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
  // --replicates 1000000000 gave bad_alloc.
  const auto many =
      run_detente("run scenarios/baseline.yaml --quiet --replicates 1000000000 --out '" +
                      (dir / "many").string() + "'",
                  dir);
  CHECK(many.exit_code == 2);
  CHECK(many.err ==
        "error: --replicates: expected a positive integer up to 1000000, got 1000000000\n");
  const auto bad_size = run_detente("check scenarios/baseline.yaml --max-memory 12Q", dir);
  CHECK(bad_size.exit_code == 2);
  CHECK(bad_size.err.find("--max-memory: expected a size such as 512M") != std::string::npos);
}

TEST_CASE("a sweep or compare --futures is checked at the largest world it builds",
          "[cli][hostile][memory]") {
  const auto dir = scratch_dir("hostile-swept-sizes");
  const std::string towns =
      "name: towns\nsteps: 2\npopulation:\n  groups:\n    - {name: north, size: 1000}\n"
      "    - {name: south, size: 1000}\n";  // six lines
  // A sweep up to 2,000,000 people in north: the check looked only at the
  // 1,000 written in the file, and the sweep then built the large points.
  write_text(dir / "sweep.yaml", towns +
                                     "sweep:\n"
                                     "  design: grid\n"
                                     "  parameters:\n"
                                     "    - {path: population.groups.north.size, values: [1000, "
                                     "2000000]}\n"  // line 10
                                     "  outcomes: [{metric: trusting_share}]\n");
  const auto swept =
      run_detente("sweep '" + (dir / "sweep.yaml").string() + "' --quiet --threads 1 " +
                      "--max-memory 256M --out '" + (dir / "swept").string() + "'",
                  dir);
  CHECK(swept.exit_code == 2);
  CHECK(swept.err.find("error: " + (dir / "sweep.yaml").string() +
                       ":10:7: sweep.parameters[0]: sweep point 1 (population.groups.north.size = "
                       "2000000) needs about ") == 0);
  CHECK(swept.err.find("more than the 256 MiB it may use; make the groups smaller") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir / "swept"));
  // The same range as an uncertain key: compare --futures draws large worlds.
  write_text(dir / "futures.yaml", towns +
                                       "uncertain:\n"
                                       "  - {path: population.groups.north.size, low: 1000, high: "
                                       "2000000, integer: true}\n");  // line 8
  const auto futures = run_detente(
      "compare '" + (dir / "futures.yaml").string() + "' --quiet --threads 1 " +
          "--replicates 2 --futures 4 --max-memory 256M --out '" + (dir / "futures").string() + "'",
      dir);
  CHECK(futures.exit_code == 2);
  CHECK(futures.err.find("error: " + (dir / "futures.yaml").string() +
                         ":8:5: uncertain[0]: future ") == 0);
  CHECK_FALSE(fs::exists(dir / "futures"));
}

TEST_CASE("values boost::math or single precision cannot take exit 2 at check (items 9, 10)",
          "[cli][hostile]") {
  const auto dir = scratch_dir("hostile-values");
  const auto beta = run_detente(
      "check scenarios/baseline.yaml --set 'population.groups.north.trust={dist: beta, a: 1e308, "
      "b: 2}'",
      dir);
  CHECK(beta.exit_code == 2);
  CHECK(beta.err.find("--set population.groups.north.trust=") == 7);
  const auto weight =
      run_detente("check scenarios/baseline.yaml --set dynamics.influence.self_weight=1e39", dir);
  CHECK(weight.exit_code == 2);
  CHECK(weight.err.find("self_weight: expected a number in [0, 1000000]") != std::string::npos);
  const auto index = run_detente(
      "check scenarios/baseline.yaml --set population.groups.99999999999999999999.size=5", dir);
  CHECK(index.exit_code == 2);
  CHECK(index.err.find("internal error") == std::string::npos);
}

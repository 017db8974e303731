// `detente calibrate` end to end: its tables, bitwise the same at one and two
// threads, an interrupted calibration resumed to the same tables, and every
// kind of bad input refused with a located error (exit 2) before anything is
// written.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "program.hpp"

namespace fs = std::filesystem;
using detente::test::read_text;
using detente::test::run_detente;
using detente::test::scratch_dir;

namespace {

const std::string kWorld = "tests/calibration/recovery_world.yaml";

// A small calibration: 30 particles, 3 generations, 400 simulations at most.
const std::string kShape = "--quiet --set calibrate.particles=30 --set calibrate.generations=3";
const std::string kSmall = kShape + " --budget 400";

// Targets the recovery world can meet (values near its runs at κ = 0.03).
std::string targets(const fs::path& dir, const std::string& extra = "") {
  const auto file = dir / "targets.csv";
  std::ofstream(file) << "# observed (made up for this test)\n"
                         "metric,subject,step,value,se,source\n"
                         "mean,north->south,20,0.4966,0.002,\"test, made up\"\n"
                         "mean,south->north,20,0.4922,0.002,\"test, made up\"\n"
                         "mean,south->north,30-40,0.4867,0.002,\"test, made up\"\n"
                      << extra;
  return file.string();
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

std::string calibrate(const fs::path& dir, const std::string& out, const std::string& more = "") {
  return "calibrate " + kWorld + " " + kSmall + " --targets '" + targets(dir) + "' --out '" +
         (dir / out).string() + "' " + more;
}

}  // namespace

TEST_CASE("calibrate writes its tables, the same bits at one and two threads", "[calibrate]") {
  const auto dir = scratch_dir("calibrate-files");
  const auto one = run_detente(calibrate(dir, "one", "--threads 1"), dir);
  INFO(one.err);
  REQUIRE(one.exit_code == 0);
  const auto out = dir / "one";
  CHECK(first_line(read_text(out / "posterior.csv")) ==
        "particle,weight,distance,dynamics.media.influence,media.north_national_tv.slant");
  CHECK(
      first_line(read_text(out / "particles.csv")) ==
      "generation,particle,weight,distance,dynamics.media.influence,media.north_national_tv.slant");
  CHECK(first_line(read_text(out / "generations.csv")) ==
        "generation,tolerance,proposed,accepted,acceptance_rate,ess,simulations");
  CHECK(first_line(read_text(out / "priors.csv")) == "parameter,prior,low,high,mean,sd,a,b");
  CHECK(first_line(read_text(out / "fit.csv")) ==
        "metric,subject,step,observed,se,simulated_mean,simulated_low,simulated_high,"
        "standardised_residual,source,role");
  CHECK(read_text(out / "fit.csv").find(",\"test, made up\",fit\n") != std::string::npos);
  const auto json = read_text(out / "run.json");
  CHECK(json.find("\"kind\": \"calibration\"") != std::string::npos);
  CHECK(json.find("\"stop_reason\": \"") != std::string::npos);
  // The posterior's weights sum to one.
  std::istringstream posterior(read_text(out / "posterior.csv"));
  std::string line;
  std::getline(posterior, line);
  double sum = 0.0;
  int rows = 0;
  while (std::getline(posterior, line)) {
    sum += std::stod(line.substr(line.find(',') + 1));
    ++rows;
  }
  CHECK(rows == 30);
  CHECK(sum == Approx(1.0));
  // calibrated.yaml loads, with the posterior as the uncertain block.
  const auto calibrated = read_text(out / "calibrated.yaml");
  CHECK(calibrated.find("# recovery_world calibrated by `detente calibrate`") == 0);
  const auto check = run_detente("check '" + (out / "calibrated.yaml").string() + "'", dir);
  INFO(check.err);
  CHECK(check.exit_code == 0);

  const auto two = run_detente(calibrate(dir, "two", "--threads 2"), dir);
  REQUIRE(two.exit_code == 0);
  for (const char* file : {"posterior.csv", "particles.csv", "generations.csv", "fit.csv"})
    CHECK(read_text(out / file) == read_text(dir / "two" / file));
}

TEST_CASE("an interrupted calibration resumes to the same tables", "[calibrate][resume]") {
  const auto dir = scratch_dir("calibrate-resume");
  const auto whole = run_detente(calibrate(dir, "whole"), dir);
  REQUIRE(whole.exit_code == 0);
  const auto stopped = run_detente(calibrate(dir, "part", "--stop-after 150"), dir);
  INFO(stopped.err);
  REQUIRE(stopped.exit_code == 0);
  CHECK(stopped.err.find("--resume") != std::string::npos);
  CHECK(!fs::exists(dir / "part" / "posterior.csv"));
  // Without --resume the stored runs are not overwritten.
  const auto again = run_detente(calibrate(dir, "part"), dir);
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("add --resume") != std::string::npos);
  const auto resumed = run_detente(calibrate(dir, "part", "--resume"), dir);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  // What the interrupted run stored, read back: generation 0 (30 × 2) and
  // one batch of 32 candidates × 2, the last whole batch under 150.
  const auto json = read_text(dir / "part" / "run.json");
  CHECK(json.find("\"simulations_read_from_results_db\": 124") != std::string::npos);
  for (const char* file : {"posterior.csv", "particles.csv", "generations.csv", "fit.csv"})
    CHECK(read_text(dir / "whole" / file) == read_text(dir / "part" / file));
}

TEST_CASE("calibrate refuses bad input before it runs, located, and writes nothing",
          "[calibrate][hostile]") {
  const auto dir = scratch_dir("calibrate-refusals");
  const auto refused = [&](const std::string& arguments, const std::string& expected) {
    const auto out = dir / "out";
    // Each refusal with the budget it needs (400, or its own --budget).
    const std::string budget =
        arguments.find("--budget") == std::string::npos ? " --budget 400" : "";
    const auto r = run_detente("calibrate " + kWorld + " " + kShape + budget + " --out '" +
                                   out.string() + "' " + arguments,
                               dir);
    INFO(arguments << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(expected) != std::string::npos);
    CHECK(!fs::exists(out));
  };
  const std::string ok = "--targets '" + targets(dir) + "'";
  // A metric that does not exist, with a suggestion.
  refused("--targets '" + targets(dir, "trusting_shar,all,40,0.2,0.01,x\n") + "'",
          "targets.csv:6:1: metric: expected a metric of the metric table");
  // A subject the scenario does not have.
  refused("--targets '" + targets(dir, "mean,east,40,0.2,0.01,x\n") + "'",
          "targets.csv:6:6: subject:");
  // A step past the scenario's end.
  refused("--targets '" + targets(dir, "mean,all,80,0.2,0.01,x\n") + "'",
          "targets.csv:6:10: step: \"80\" is outside the run (steps 0 to 40)");
  // A prior with impossible bounds.
  refused(ok + " --set 'calibrate.parameters=[{path: dynamics.media.influence, prior: uniform, "
               "low: 0.5, high: 0.1}]'",
          "calibrate.parameters[0].high: expected a number above low (0.5)");
  // A key that does not exist.
  refused(ok + " --set 'calibrate.parameters=[{path: dynamics.media.influense, prior: uniform, "
               "low: 0.01, high: 0.1}]'",
          "calibrate.parameters[0].path:");
  // A budget too small for one generation (30 particles × 2 replicates).
  refused(ok + " --budget 59", "--budget 59: calibrate.budget: expected at least particles");
  // No targets at all.
  refused("", "calibrate.targets: expected the targets CSV");
  // A missing targets file.
  refused("--targets '" + (dir / "none.csv").string() + "'", "cannot read the targets file");
}

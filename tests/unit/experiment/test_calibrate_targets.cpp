// Calibration targets (experiment/calibrate_targets.hpp, calibrate_distance.hpp):
// every refusal located at file:line:column with a way to fix it, and the
// distance as the README defines it.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "experiment/calibrate_distance.hpp"
#include "experiment/calibrate_targets.hpp"
#include "scenario/load.hpp"

using namespace detente;

namespace {

namespace fs = std::filesystem;

const std::string kWorld = R"(name: targets
steps: 40
population:
  groups:
    - {name: north, size: 20}
    - {name: south, size: 20}
outputs:
  every: 10
)";

const std::string kHeader = "metric,subject,step,value,se,source\n";

fs::path write(const std::string& name, const std::string& text) {
  const auto dir = fs::temp_directory_path() / "detente-test-targets";
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir / name;
}

std::string refusal(const std::string& text) {
  const auto scenario = scenario::load_text(kWorld, "targets.yaml");
  const auto file = write("t.csv", text);
  try {
    read_targets(file, scenario);
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("targets are read with their steps, quotes and comments", "[calibrate]") {
  const auto scenario = scenario::load_text(kWorld, "targets.yaml");
  const auto file = write("ok.csv", "# observed\n" + kHeader +
                                        "mean,north->south,10,0.4,0.02,\"Smith, 2001, table 2\"\n"
                                        "sd,all,5-25,0.2,0.01,survey\n"
                                        "trusting_share,south->north,final,0.3,0.05,survey\r\n");
  const auto t = read_targets(file, scenario);
  REQUIRE(t.size() == 3);
  CHECK(t[0].source == "Smith, 2001, table 2");
  CHECK(t[0].first == 10);
  CHECK(t[1].first == 5);
  CHECK(t[1].last == 25);
  CHECK(t[2].final_step);
  CHECK(t[2].line == 5);
}

TEST_CASE("bad targets are refused where they are, with a way to fix them", "[calibrate]") {
  const std::string name = (fs::temp_directory_path() / "detente-test-targets" / "t.csv").string();
  CHECK(refusal(kHeader + "meen,all,10,0.4,0.02,x\n") ==
        name +
            ":2:1: metric: expected a metric of the metric table (`detente metrics`), got "
            "\"meen\"; did you mean \"mean\"?");
  CHECK_THAT(refusal(kHeader + "mean,nort->south,10,0.4,0.02,x\n"),
             Catch::StartsWith(name + ":2:6: subject: expected a subject mean has") &&
                 Catch::Contains("did you mean \"north->south\"?"));
  CHECK_THAT(refusal(kHeader + "mean,all,50,0.4,0.02,x\n"),
             Catch::StartsWith(name + ":2:10: step: \"50\" is outside the run (steps 0 to 40)"));
  CHECK_THAT(refusal(kHeader + "mean,all,15,0.4,0.02,x\n"),
             Catch::StartsWith(name + ":2:10: step: \"15\" is not an output step"));
  CHECK_THAT(refusal(kHeader + "mean,all,11-19,0.4,0.02,x\n"),
             Catch::StartsWith(name + ":2:10: step: \"11-19\" holds no output step"));
  CHECK_THAT(refusal(kHeader + "mean,all,10,0.4,0,x\n"),
             Catch::StartsWith(name + ":2:17: se: expected a standard error above 0"));
  CHECK_THAT(refusal(kHeader + "mean,all,10,0.4,0.02,\n"),
             Catch::StartsWith(name + ":2:22: source: expected a citation"));
  CHECK_THAT(refusal(kHeader + "mean,all,10,0.4,0.02,a,b\n"),
             Catch::StartsWith(name + ":2:24: expected 6 fields"));
  CHECK_THAT(refusal("metric,subject,step,value\n"),
             Catch::StartsWith(name + ":1:1: expected the header"));
  CHECK_THAT(refusal(kHeader), Catch::Contains("no targets"));
  CHECK_THAT(refusal(kHeader + "mean,all,10,0.4,0.02,\"x\n"),
             Catch::StartsWith(name + ":2:22: a quoted field without its closing quote"));
  CHECK_THAT(refusal(kHeader + "mean,all,10,0.4,0.02,x\nmean,all,10,0.5,0.02,y\n"),
             Catch::StartsWith(name + ":3:10: a second target for mean/all at step 10"));
  CHECK_THAT(refusal(kHeader + "mean,all,10,0.4,0.02," + std::string(5000, 'x') + "\n"),
             Catch::Contains("a line longer than 4096 bytes"));
}

TEST_CASE("the distance standardises each target by its se and the replicates' noise",
          "[calibrate]") {
  Target a, b;
  a.value = 0.5;
  a.se = 0.1;
  b.value = 0.2;
  b.se = 0.05;
  const std::vector<Target> targets = {a, b};
  // Two replicates: a at 0.6 and 0.8 (mean 0.7, variance 0.02), b at 0.2 both.
  const std::vector<std::vector<double>> values = {{0.6, 0.2}, {0.8, 0.2}};
  const auto stats = replicate_stats(values);
  CHECK(stats.mean[0] == Approx(0.7));
  CHECK(stats.variance[0] == Approx(0.02));
  const double za = 0.2 / std::sqrt(0.01 + 0.02 / 2);
  CHECK(target_distance(targets, stats, 2) == Approx(std::sqrt(za * za / 2)));
  // Every target counts: moving b moves the distance.
  const std::vector<std::vector<double>> off = {{0.6, 0.3}, {0.8, 0.3}};
  CHECK(target_distance(targets, replicate_stats(off), 2) > target_distance(targets, stats, 2));
}

TEST_CASE("a target's value in a run is the mean over its steps, or the last recorded",
          "[calibrate]") {
  Target range, last;
  range.metric = last.metric = "mean";
  range.subject = last.subject = "all";
  range.first = 10;
  range.last = 20;
  last.final_step = true;
  const std::vector<metrics::MetricRow> rows = {{0, "mean", "all", 0.1},
                                                {10, "mean", "all", 0.2},
                                                {20, "mean", "all", 0.4},
                                                {30, "mean", "all", 0.5},
                                                {20, "sd", "all", 9.0}};
  const std::vector<Target> targets = {range, last};
  const auto v = target_values(rows, targets);
  CHECK(v[0] == Approx(0.3));
  CHECK(v[1] == Approx(0.5));
}

// The ANES hindcast (issue 13, item 7): scenarios/hindcast_anes.yaml fitted
// to the waves 1980–1996 must predict 1998–2012 as badly as the README and
// scenarios/README.md say it does, so the documented error cannot drift from
// what the code gives.
//
// The documented figures come from the scenario's own calibration (100
// particles, a budget of 2,400 simulations; about 8–14 minutes on two cores).
// This test runs a reduced one: 40 particles and a budget of 480 (3
// generations, plus 80 simulations at the posterior; about 1.5–2.5 minutes
// on two busy cores), at the scenario's own population (1,000 a side). The
// reduced run gives the same hindcast because the held-out error does not
// depend on how well the posterior is pinned: no setting of the fitted keys
// moves the mean by more than 0.02 in 34 years. Checked at seed 20261128:
// the full run's held-out RMS standardised residual 18.83, 36 of 40 targets
// beyond 2 se, mean absolute error of the held-out means 0.107, 2012
// Democrats' mean 0.481 [0.470, 0.492]; the reduced run's 19.54, 38 of 40,
// 0.106, 0.481 [0.471, 0.492] (README, "Calibrating to data").
//
// Tolerances, around the full run's figures: the RMS standardised residual
// of the held-out targets within 15%; at least 32 of the 40 beyond 2 se;
// their mean absolute error on the means within 0.01; the 2012 Democrats'
// simulated mean within 0.02 of 0.481 and the observed 0.264 below its 95%
// range (the miss); the fitted targets' RMS standardised residual below 10
// (full 7.32, reduced 8.59); and the sampler must have closed in on the data:
// its last tolerance at most 0.7 of generation 0's (reduced: 8.94 of 15.77).
//
// What this test cannot see: whether the posterior is right. The held-out
// error is the same without a fit at all (a distance that ignores the data,
// tried as a sabotage: RMS 20.0, 37 of 40 beyond 2 se, 2012 mean 0.481), which
// is the hindcast's finding; the sampler itself is guarded by
// calibrate_recovery_test.cpp.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "experiment/batch.hpp"
#include "experiment/calibrate_run.hpp"
#include "scenario/load.hpp"

using namespace detente;

namespace {

namespace fs = std::filesystem;

const std::string kSource = DETENTE_SOURCE_DIR;

// One line of a CSV file with RFC 4180 quoting (fit.csv quotes its sources).
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

// fit.csv as rows of named cells.
std::vector<std::map<std::string, std::string>> read_csv(const fs::path& file) {
  std::ifstream in(file);
  REQUIRE(in);
  std::string line;
  std::getline(in, line);
  const auto header = csv_fields(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    const auto cells = csv_fields(line);
    REQUIRE(cells.size() == header.size());
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size(); ++i)
      row[header[i]] = cells[i];
    rows.push_back(row);
  }
  return rows;
}

struct RoleError {
  double rms = 0.0;       // RMS standardised residual
  int beyond_two_se = 0;  // |residual| > 2
  int targets = 0;
  double mean_abs_error = 0.0;  // over the `mean` targets
};

RoleError error_of(const std::vector<std::map<std::string, std::string>>& fit,
                   const std::string& role) {
  RoleError e;
  double squares = 0.0, abs_errors = 0.0;
  int means = 0;
  for (const auto& row : fit) {
    if (row.at("role") != role) continue;
    const double z = std::stod(row.at("standardised_residual"));
    squares += z * z;
    e.beyond_two_se += std::abs(z) > 2.0;
    ++e.targets;
    if (row.at("metric") == "mean") {
      abs_errors += std::abs(std::stod(row.at("simulated_mean")) - std::stod(row.at("observed")));
      ++means;
    }
  }
  REQUIRE(e.targets > 0);
  REQUIRE(means > 0);
  e.rms = std::sqrt(squares / e.targets);
  e.mean_abs_error = abs_errors / means;
  return e;
}

}  // namespace

TEST_CASE("the ANES hindcast misses the held-out years by the documented error",
          "[calibration][hindcast]") {
  // One folder per test process: two test runs on one machine (two checkouts,
  // a CI run beside a developer's) must not overwrite each other's outputs.
  const auto dir =
      fs::temp_directory_path() / ("detente-hindcast-anes-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  CalibrateOptions o;
  o.out = (dir / "out").string();
  o.holdout = kSource + "/scenarios/data/anes_hindcast_holdout.csv";
  o.threads = 2;
  SingleProcess here;
  const std::vector<scenario::Override> reduced = {{"calibrate.particles", "40"},
                                                   {"calibrate.budget", "480"}};
  const auto summary = run_calibration(kSource + "/scenarios/hindcast_anes.yaml", reduced, o, here);
  INFO(summary.why);
  REQUIRE(summary.written);

  const auto fit = read_csv(dir / "out" / "fit.csv");
  const auto held_out = error_of(fit, "holdout");
  const auto fitted = error_of(fit, "fit");
  INFO("held out: RMS standardised residual "
       << held_out.rms << ", " << held_out.beyond_two_se << " of " << held_out.targets
       << " beyond 2 se, MAE of means " << held_out.mean_abs_error << "; fitted: RMS "
       << fitted.rms);
  CHECK(held_out.targets == 40);
  CHECK(fitted.targets == 72);
  CHECK(std::abs(held_out.rms - 18.83) <= 0.15 * 18.83);
  CHECK(held_out.beyond_two_se >= 32);
  CHECK(std::abs(held_out.mean_abs_error - 0.107) <= 0.01);
  CHECK(fitted.rms < 10.0);

  // 2012 (step 1768), Democrats' feeling toward Republicans.
  bool found = false;
  for (const auto& row : fit) {
    if (row.at("metric") != "mean" || row.at("subject") != "north->south" ||
        row.at("step") != "1768")
      continue;
    found = true;
    const double simulated = std::stod(row.at("simulated_mean"));
    INFO("2012: simulated " << simulated << " [" << row.at("simulated_low") << ", "
                            << row.at("simulated_high") << "], observed " << row.at("observed"));
    CHECK(row.at("role") == "holdout");
    CHECK(std::abs(simulated - 0.481) <= 0.02);
    CHECK(std::stod(row.at("observed")) < std::stod(row.at("simulated_low")));
  }
  CHECK(found);

  const auto generations = read_csv(dir / "out" / "generations.csv");
  REQUIRE(generations.size() >= 2);
  const double first = std::stod(generations.front().at("tolerance"));
  const double last = std::stod(generations.back().at("tolerance"));
  INFO("tolerance: generation 0 " << first << ", last " << last);
  CHECK(last <= 0.7 * first);
  fs::remove_all(dir);
}

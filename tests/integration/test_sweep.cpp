// `detente sweep` and `detente compare` end to end: the sweep's files, every
// design, resuming an interrupted sweep, bitwise reproducibility across thread
// counts, and refusals.
#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <sstream>

#include "io/results_db.hpp"
#include "program.hpp"

namespace fs = std::filesystem;
using detente::test::read_text;
using detente::test::run_detente;
using detente::test::scratch_dir;

namespace {

// The shipped sweep at a size that runs in a few seconds.
const std::string kSmallSweep =
    "sweep scenarios/sweep_contact.yaml --quiet --set population.groups.north.size=300 "
    "--set population.groups.south.size=300 --set steps=24 --set sweep.samples=6 "
    "--set sweep.replicates=2";

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

// Every summary row of a results.db, in key order, as text (values exact).
std::string summaries_text(const fs::path& db) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(raw,
                             "SELECT point, arm, metric, subject, step, mean, sd, ci_low, ci_high, "
                             "n, p10, p50, p90 FROM summaries "
                             "ORDER BY experiment, point, arm, metric, subject, step",
                             -1, &q, nullptr) == SQLITE_OK);
  std::ostringstream out;
  while (sqlite3_step(q) == SQLITE_ROW) {
    for (int c = 0; c < 13; ++c) {
      if (sqlite3_column_type(q, c) == SQLITE_FLOAT)  // the value's bits
        out << std::bit_cast<std::uint64_t>(sqlite3_column_double(q, c));
      else if (const auto* text = sqlite3_column_text(q, c))
        out << reinterpret_cast<const char*>(text);
      out << ',';
    }
    out << '\n';
  }
  sqlite3_finalize(q);
  sqlite3_close(raw);
  return out.str();
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("sweep writes its tables and results.db", "[sweep]") {
  const auto dir = scratch_dir("sweep-files");
  const auto r = run_detente(kSmallSweep + " --out '" + (dir / "out").string() + "'", dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto points = read_text(dir / "out/sweep_points.csv");
  CHECK(first_line(points) == "point,network.between.mean_degree,dynamics.contact.rate");
  CHECK(line_count(points) == 1 + 6);
  const auto sweep = read_text(dir / "out/sweep.csv");
  CHECK(first_line(sweep) == "point,replicate,metric,subject,value");
  CHECK(line_count(sweep) == 1 + 6 * 2 * 3);  // points × replicates × outcomes
  CHECK(sweep.find("\n5,1,mean,north->south,") != std::string::npos);
  CHECK(first_line(read_text(dir / "out/sensitivity.csv")) ==
        "method,parameter,metric,subject,index,value,ci_low,ci_high");
  CHECK(fs::file_size(dir / "out/results.db") > 0);
  // run.json: what made the folder, the design it ran and its size.
  const auto json = read_text(dir / "out/run.json");
  CHECK(json.find("\"command\": \"sweep\"") != std::string::npos);
  CHECK(json.find("sweep scenarios/sweep_contact.yaml --quiet") != std::string::npos);
  CHECK(json.find("\"design\": \"latin_hypercube\"") != std::string::npos);
  CHECK(json.find("\"points\": 6") != std::string::npos);
  CHECK(json.find("\"replicates\": 2") != std::string::npos);
  CHECK(json.find("\"seed\": 20261128") != std::string::npos);
}

TEST_CASE("an interrupted sweep resumes to the same files", "[sweep][resume]") {
  const auto dir = scratch_dir("sweep-resume");
  const std::string whole =
      kSmallSweep + " --threads 2 --store-series --out '" + (dir / "whole").string() + "'";
  const std::string parts = kSmallSweep + " --threads 1 --out '" + (dir / "parts").string() + "'";
  REQUIRE(run_detente(whole, dir).exit_code == 0);
  // Interrupted after 5 of 12 runs: no tables yet.
  REQUIRE(run_detente(parts + " --stop-after 5", dir).exit_code == 0);
  CHECK_FALSE(fs::exists(dir / "parts/sweep.csv"));
  {  // the finished runs' series wait in results.db, packed, until the end
    const detente::io::ResultsDb db(dir / "parts/results.db");
    CHECK(db.has_series("sweep:sweep_contact"));
    CHECK(db.rows_of("sweep:sweep_contact", {0, "base", 0}).size() > 10);
  }
  // Running again without --resume would store runs twice: refused.
  const auto refused = run_detente(parts, dir);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--resume") != std::string::npos);
  // Without --quiet, to read how many runs were skipped.
  std::string loud = parts;
  loud.erase(loud.find(" --quiet"), 8);
  const auto resumed = run_detente(loud + " --resume", dir);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.err.find("5 already stored") != std::string::npos);
  for (const char* file : {"sweep_points.csv", "sweep.csv", "sensitivity.csv"})
    CHECK(read_text(dir / "parts" / file) == read_text(dir / "whole" / file));
  // Series kept packed (parts) or as rows (whole, --store-series): the same
  // summaries, value for value.
  const auto summaries = summaries_text(dir / "parts/results.db");
  CHECK(line_count(summaries) > 100);
  CHECK(summaries == summaries_text(dir / "whole/results.db"));

  // results.db keeps the runs and summaries; the series only with --store-series.
  {
    const detente::io::ResultsDb parts_db(dir / "parts/results.db");
    const detente::io::ResultsDb whole_db(dir / "whole/results.db");
    const std::string experiment = "sweep:sweep_contact";
    CHECK(parts_db.finished_runs(experiment).size() == 12);
    CHECK_FALSE(parts_db.has_series(experiment));
    CHECK(parts_db.rows_of(experiment, {5, "base", 1}).empty());
    CHECK(whole_db.has_series(experiment));
    CHECK_FALSE(whole_db.rows_of(experiment, {5, "base", 1}).empty());
    CHECK(fs::file_size(dir / "parts/results.db") < fs::file_size(dir / "whole/results.db"));
  }
  // Resuming the finished sweep changes nothing and says so.
  const auto sweep_csv = read_text(dir / "parts/sweep.csv");
  const auto again = run_detente(loud + " --resume", dir);
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("the sweep is finished") != std::string::npos);
  CHECK(read_text(dir / "parts/sweep.csv") == sweep_csv);
}

TEST_CASE("a resumed sweep refuses another scenario and names the keys (issue 16 item 7)",
          "[sweep][resume]") {
  // Resuming with --set steps=50 used to mix runs of 24 and 50 steps and exit 0.
  const auto dir = scratch_dir("sweep-resume-other");
  const std::string parts = kSmallSweep + " --threads 1 --out '" + (dir / "parts").string() + "'";
  REQUIRE(run_detente(parts + " --stop-after 3", dir).exit_code == 0);
  const auto other =
      run_detente(parts + " --set steps=50 --set dynamics.influence.rate=0.2 --resume", dir);
  CHECK(other.exit_code == 2);
  CHECK(other.err.find("steps: 24 stored, 50 now") != std::string::npos);
  CHECK(other.err.find("dynamics.influence.rate: 0.1 stored, 0.2 now") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "parts/sweep.csv"));
  // The same scenario still resumes.
  CHECK(run_detente(parts + " --resume", dir).exit_code == 0);
  CHECK(fs::exists(dir / "parts/sweep.csv"));
}

TEST_CASE("morris and sobol sweeps report their indices", "[sweep][sensitivity]") {
  const auto dir = scratch_dir("sweep-designs");
  for (const std::string design : {"morris", "sobol", "grid"}) {
    INFO(design);
    const auto out = dir / design;
    const auto r = run_detente(kSmallSweep + " --set sweep.design=" + design +
                                   " --set sweep.samples=3 --set sweep.replicates=1 "
                                   "--set sweep.levels=4 --out '" +
                                   out.string() + "'",
                               dir);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto s = read_text(out / "sensitivity.csv");
    const auto points = line_count(read_text(out / "sweep_points.csv")) - 1;
    if (design == "morris") {
      CHECK(points == 3 * (2 + 1));
      CHECK(s.find("\nmorris,network.between.mean_degree,trusting_share,all,mu_star,") !=
            std::string::npos);
    } else if (design == "sobol") {
      CHECK(points == 3 * (2 + 2));
      CHECK(read_text(out / "run.json").find("\"design\": \"sobol\"") != std::string::npos);
      CHECK(s.find("\nsobol,dynamics.contact.rate,gap,all,ST,") != std::string::npos);
    } else {
      CHECK(points == 4 * 4);
      CHECK(line_count(s) == 1);
    }
  }
}

TEST_CASE("sweep refuses an unknown parameter path with a suggestion", "[sweep]") {
  const auto dir = scratch_dir("sweep-bad");
  const auto r =
      run_detente(kSmallSweep + " --set sweep.parameters.0.path=dynamics.contact.rat", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean") != std::string::npos);
  const auto none = run_detente(
      "sweep scenarios/baseline.yaml --quiet --out '" + (dir / "none").string() + "'", dir);
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("sweep.parameters") != std::string::npos);
}

TEST_CASE("compare refuses a scenario without arms", "[compare]") {
  const auto dir = scratch_dir("compare-no-arms");
  const auto r = run_detente(
      "compare scenarios/baseline.yaml --quiet --out '" + (dir / "out").string() + "'", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("declares no arms") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
}

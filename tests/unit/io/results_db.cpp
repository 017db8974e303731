// results.db: runs stored once, whole, and read back exactly.
#include "io/results_db.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "temp_folder.hpp"

using detente::io::ResultsDb;
using detente::io::StoredRun;

namespace {

StoredRun run(std::int64_t point, std::int64_t replicate, double value) {
  StoredRun r;
  r.experiment = "sweep:test";
  r.point = point;
  r.replicate = replicate;
  r.seed = 0xFFFFFFFFFFFFFFF1ull;  // needs all 64 bits
  r.parameters = "{\"a\": " + std::to_string(point) + "}";
  r.started_at = "2026-01-01T00:00:00Z";
  r.rows = {{0, "mean", "all", value}, {4, "mean", "all", value / 3.0}};
  return r;
}

}  // namespace

TEST_CASE("stored runs read back bit for bit", "[io][results_db]") {
  detente::test::TempFolder dir("results-db");
  {
    ResultsDb db(dir.path() / "results.db");
    auto r = run(0, 0, 0.1);
    r.rows.push_back({8, "gap", "all", std::numeric_limits<double>::quiet_NaN()});
    db.store_runs(std::vector<StoredRun>{r, run(1, 0, 0.2)});
  }
  ResultsDb db(dir.path() / "results.db");  // reopened: the data reached the file
  const auto done = db.finished_runs("sweep:test");
  REQUIRE(done.size() == 2);
  CHECK(done.at({1, "base", 0}) == "{\"a\": 1}");
  const auto rows = db.rows_of("sweep:test", {0, "base", 0});
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].step == 4);
  CHECK(rows[1].value == 0.1 / 3.0);  // exact
  CHECK(std::isnan(rows[2].value));
  CHECK(db.finished_runs("sweep:other").empty());
}

TEST_CASE("a run is never stored twice, and a failed batch stores nothing", "[io][results_db]") {
  detente::test::TempFolder dir("results-db-twice");
  ResultsDb db(dir.path() / "results.db");
  db.store_runs(std::vector<StoredRun>{run(0, 0, 0.1)});
  // The batch holds a new run and a repeat: the transaction rolls back whole.
  CHECK_THROWS(db.store_runs(std::vector<StoredRun>{run(5, 0, 0.3), run(0, 0, 0.1)}));
  const auto done = db.finished_runs("sweep:test");
  CHECK(done.size() == 1);
  CHECK(done.count({5, "base", 0}) == 0);
}

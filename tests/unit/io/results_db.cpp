// results.db: runs stored once, whole, and read back exactly.
#include "io/results_db.hpp"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <limits>
#include <span>

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

TEST_CASE("packed series read back bit for bit and drop like rows", "[io][results_db]") {
  detente::test::TempFolder dir("results-db-packed");
  const auto path = dir.path() / "results.db";
  {
    ResultsDb db(path);
    auto packed = run(0, 0, 0.1);
    packed.rows.push_back({8, "gap", "north->south", std::numeric_limits<double>::quiet_NaN()});
    packed.rows.push_back({12, "gap", "north->south", -0.0});
    db.store_runs(std::vector<StoredRun>{packed}, detente::io::SeriesForm::packed);
    db.store_runs(std::vector<StoredRun>{run(1, 0, 0.2)}, detente::io::SeriesForm::rows);
  }
  ResultsDb db(path);
  const auto rows = db.rows_of("sweep:test", {0, "base", 0});
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].metric == "mean");
  CHECK(rows[1].value == 0.1 / 3.0);  // exact
  CHECK(rows[2].subject == "north->south");
  CHECK(std::isnan(rows[2].value));
  CHECK(std::signbit(rows[3].value));
  REQUIRE(db.rows_of("sweep:test", {1, "base", 0}).size() == 2);  // the other form beside it
  CHECK(db.has_series("sweep:test"));
  db.drop_series("sweep:test");
  CHECK_FALSE(db.has_series("sweep:test"));
  CHECK(db.rows_of("sweep:test", {0, "base", 0}).empty());
  CHECK(db.finished_runs("sweep:test").size() == 2);  // the runs stay
}

TEST_CASE("dropping series gives the space back", "[io][results_db]") {
  detente::test::TempFolder dir("results-db-space");
  const auto path = dir.path() / "results.db";
  ResultsDb db(path);
  std::vector<StoredRun> runs;
  for (int p = 0; p < 40; ++p) {
    auto r = run(p, 0, 0.5);
    for (int step = 0; step < 2000; ++step)
      r.rows.push_back({step, "mean", "north->south", step * 1e-3});
    runs.push_back(std::move(r));
  }
  db.store_runs(runs, detente::io::SeriesForm::packed);
  const auto full = std::filesystem::file_size(path);
  db.drop_series("sweep:test");
  // 40 runs × 2,000 rows × 24 bytes is ~1.9 MB of series; without the
  // (incremental) vacuum the file would keep its size.
  CHECK(full > 1'500'000);
  CHECK(std::filesystem::file_size(path) < full / 4);
}

TEST_CASE("summaries of many points are stored in one go and replaced", "[io][results_db]") {
  detente::test::TempFolder dir("results-db-summaries");
  ResultsDb db(dir.path() / "results.db");
  // More rows than one multi-row INSERT holds, and a remainder.
  std::vector<detente::io::PointSummaries> points(2);
  for (std::size_t p = 0; p < points.size(); ++p) {
    points[p].point = static_cast<std::int64_t>(p);
    for (int step = 0; step < 150; ++step) {
      detente::metrics::SummaryRow s;
      s.arm = "base";
      s.metric = "mean";
      s.subject = "all";
      s.step = step;
      s.mean = static_cast<double>(p) + step / 1000.0;
      s.n = 2;
      points[p].rows.push_back(s);
    }
  }
  db.store_summaries("sweep:test", points);
  points[1].rows.resize(3);  // replaced, not added to
  db.store_summaries("sweep:test", std::span(points).subspan(1));
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open((dir.path() / "results.db").c_str(), &raw) == SQLITE_OK);
  const auto count = [&](const char* sql) {
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, sql, -1, &q, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(q) == SQLITE_ROW);
    const double v = sqlite3_column_double(q, 0);
    sqlite3_finalize(q);
    return v;
  };
  CHECK(count("SELECT COUNT(*) FROM summaries WHERE point = 0") == 150);
  CHECK(count("SELECT COUNT(*) FROM summaries WHERE point = 1") == 3);
  CHECK(count("SELECT mean FROM summaries WHERE point = 0 AND step = 149") == 0.149);
  CHECK(count("SELECT mean FROM summaries WHERE point = 1 AND step = 2") == 1.002);
  sqlite3_close(raw);
}

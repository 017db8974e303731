#include "io/results_db.hpp"

#include <sqlite3.h>

#include <limits>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "core/version.hpp"
#include "io/packed_series.hpp"

namespace detente::io {
namespace {

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS runs (
  run_id INTEGER PRIMARY KEY,
  experiment TEXT NOT NULL,
  point INTEGER NOT NULL,
  arm TEXT NOT NULL,
  replicate INTEGER NOT NULL,
  seed TEXT NOT NULL,
  parameters TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  wall_seconds REAL NOT NULL,
  detente_version TEXT NOT NULL,
  UNIQUE (experiment, point, arm, replicate)
);
CREATE TABLE IF NOT EXISTS timeseries (
  run_id INTEGER NOT NULL REFERENCES runs(run_id),
  arm TEXT NOT NULL,
  replicate INTEGER NOT NULL,
  step INTEGER NOT NULL,
  metric TEXT NOT NULL,
  subject TEXT NOT NULL,
  value REAL,
  PRIMARY KEY (run_id, step, metric, subject)
);
CREATE TABLE IF NOT EXISTS packed_series (
  run_id INTEGER PRIMARY KEY REFERENCES runs(run_id),
  rows BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS experiments (
  experiment TEXT PRIMARY KEY,
  scenario TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS summaries (
  experiment TEXT NOT NULL,
  point INTEGER NOT NULL,
  arm TEXT NOT NULL,
  metric TEXT NOT NULL,
  subject TEXT NOT NULL,
  step INTEGER NOT NULL,
  mean REAL, sd REAL, ci_low REAL, ci_high REAL, n INTEGER,
  p10 REAL, p50 REAL, p90 REAL,
  PRIMARY KEY (experiment, point, arm, metric, subject, step)
) WITHOUT ROWID;
)";

// A prepared statement, finalised on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("results.db: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::int64_t v) {
    check(sqlite3_bind_int64(stmt_, i, v));
    return *this;
  }
  Statement& bind(int i, double v) {
    check(sqlite3_bind_double(stmt_, i, v));
    return *this;
  }
  Statement& bind(int i, const std::string& v) {
    check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    return *this;
  }
  // Binds text without copying it: `v` must outlive the next step().
  Statement& bind_view(int i, std::string_view v) {
    check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
    return *this;
  }
  // Binds bytes as a BLOB (bind(std::string) binds TEXT).
  Statement& bind_blob(int i, const std::string& v) {
    check(sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT));
    return *this;
  }
  // True while rows come; throws on errors (constraint violations included).
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(std::string("results.db: ") + sqlite3_errmsg(db_));
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  // SQLite stores NaN as NULL; it reads back as NaN.
  double real(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL
               ? std::numeric_limits<double>::quiet_NaN()
               : sqlite3_column_double(stmt_, column);
  }
  std::string_view blob(int column) const {
    const void* p = sqlite3_column_blob(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string_view();
  }
  std::string text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
  }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK)
      throw std::runtime_error(std::string("results.db: ") + sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN … COMMIT, rolled back if destroyed before commit().
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { run("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    run("COMMIT");
    done_ = true;
  }

 private:
  void run(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("results.db: ") + sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  bool done_ = false;
};

}  // namespace

ResultsDb::ResultsDb(const std::filesystem::path& path) : path_(path.string()) {
  // No mutex per call: a ResultsDb is used by one thread at a time (a sweep's
  // writer thread and its main thread take turns), and the locking was a
  // tenth of the time spent storing summaries.
  if (sqlite3_open_v2(path_.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("cannot open " + path_ + ": " + message);
  }
  sqlite3_busy_timeout(db_, 10000);
  exec("PRAGMA foreign_keys = ON");
  // Takes effect only in a new, empty database: lets drop_series give space
  // back without copying the file (an older results.db keeps VACUUM).
  exec("PRAGMA auto_vacuum = INCREMENTAL");
  exec(kSchema);
}

ResultsDb::~ResultsDb() {
  sqlite3_close(db_);
}

void ResultsDb::exec(const char* sql) const {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error(path_ + ": " + message);
  }
}

std::optional<std::string> ResultsDb::experiment_scenario(const std::string& experiment) const {
  Statement q(db_, "SELECT scenario FROM experiments WHERE experiment = ?");
  q.bind(1, experiment);
  if (!q.step()) return std::nullopt;
  return q.text(0);
}

void ResultsDb::store_experiment_scenario(const std::string& experiment,
                                          const std::string& scenario_yaml) {
  Statement q(db_, "INSERT OR IGNORE INTO experiments (experiment, scenario) VALUES (?, ?)");
  q.bind(1, experiment);
  q.bind(2, scenario_yaml);
  q.step();
}

std::map<RunKey, std::string> ResultsDb::finished_runs(const std::string& experiment) const {
  Statement q(db_,
              "SELECT point, arm, replicate, parameters FROM runs "
              "WHERE experiment = ? AND status = 'done'");
  q.bind(1, experiment);
  std::map<RunKey, std::string> out;
  while (q.step())
    out[{q.integer(0), q.text(1), q.integer(2)}] = q.text(3);
  return out;
}

void ResultsDb::store_runs(std::span<const StoredRun> runs, SeriesForm form) {
  Transaction transaction(db_);
  Statement run(db_,
                "INSERT INTO runs (experiment, point, arm, replicate, seed, parameters, status, "
                "started_at, wall_seconds, detente_version) "
                "VALUES (?, ?, ?, ?, ?, ?, 'done', ?, ?, ?)");
  Statement row(db_,
                "INSERT INTO timeseries (run_id, arm, replicate, step, metric, subject, value) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)");
  Statement packed(db_, "INSERT INTO packed_series (run_id, rows) VALUES (?, ?)");
  const std::string version_text(version());
  for (const auto& r : runs) {
    run.bind(1, r.experiment).bind(2, r.point).bind(3, r.arm).bind(4, r.replicate);
    run.bind(5, std::to_string(r.seed)).bind(6, r.parameters).bind(7, r.started_at);
    run.bind(8, r.wall_seconds).bind(9, version_text);
    run.step();
    run.reset();
    const std::int64_t id = sqlite3_last_insert_rowid(db_);
    if (form == SeriesForm::packed) {
      packed.bind(1, id).bind_blob(2, pack_series(r.rows));
      packed.step();
      packed.reset();
      continue;
    }
    for (const auto& m : r.rows) {
      row.bind(1, id).bind(2, r.arm).bind(3, r.replicate).bind(4, m.step);
      row.bind(5, m.metric).bind(6, m.subject).bind(7, m.value);
      row.step();
      row.reset();
    }
  }
  transaction.commit();
}

std::vector<metrics::MetricRow> ResultsDb::rows_of(const std::string& experiment,
                                                   const RunKey& key) const {
  {
    Statement packed(db_,
                     "SELECT p.rows FROM packed_series p JOIN runs r ON r.run_id = p.run_id "
                     "WHERE r.experiment = ? AND r.point = ? AND r.arm = ? AND r.replicate = ?");
    packed.bind(1, experiment).bind(2, std::get<0>(key)).bind(3, std::get<1>(key));
    packed.bind(4, std::get<2>(key));
    if (packed.step()) return unpack_series(packed.blob(0));
  }
  Statement q(db_,
              "SELECT t.step, t.metric, t.subject, t.value FROM timeseries t "
              "JOIN runs r ON r.run_id = t.run_id "
              "WHERE r.experiment = ? AND r.point = ? AND r.arm = ? AND r.replicate = ? "
              "ORDER BY t.rowid");
  q.bind(1, experiment).bind(2, std::get<0>(key)).bind(3, std::get<1>(key));
  q.bind(4, std::get<2>(key));
  std::vector<metrics::MetricRow> out;
  while (q.step())
    out.push_back({q.integer(0), q.text(1), q.text(2), q.real(3)});
  return out;
}

bool ResultsDb::has_series(const std::string& experiment) const {
  Statement q(db_,
              "SELECT EXISTS (SELECT 1 FROM timeseries t JOIN runs r ON r.run_id = t.run_id "
              "WHERE r.experiment = ?) OR EXISTS (SELECT 1 FROM packed_series p "
              "JOIN runs r ON r.run_id = p.run_id WHERE r.experiment = ?)");
  q.bind(1, experiment).bind(2, experiment);
  return q.step() && q.integer(0) != 0;
}

void ResultsDb::drop_series(const std::string& experiment) {
  {
    Transaction transaction(db_);
    for (const char* table : {"timeseries", "packed_series"}) {
      const std::string sql = std::string("DELETE FROM ") + table +
                              " WHERE run_id IN (SELECT run_id FROM runs WHERE experiment = ?)";
      Statement drop(db_, sql.c_str());
      drop.bind(1, experiment);
      drop.step();
    }
    transaction.commit();
  }
  bool incremental = false;
  {  // finalised before the vacuum, which refuses to run beside an open statement
    Statement mode(db_, "PRAGMA auto_vacuum");
    incremental = mode.step() && mode.integer(0) == 2;
  }
  if (incremental)
    exec("PRAGMA incremental_vacuum");
  else
    exec("VACUUM");
}

void ResultsDb::store_summaries(const std::string& experiment, std::int64_t point,
                                std::span<const metrics::SummaryRow> rows) {
  const PointSummaries one{point, {rows.begin(), rows.end()}};
  store_summaries(experiment, std::span<const PointSummaries>(&one, 1));
}

namespace {

// Rows per INSERT when storing summaries: one statement step per row made the
// statement's set-up most of the cost of a sweep's 276,000 summary rows.
constexpr std::size_t kSummaryRowsPerInsert = 64;
constexpr int kSummaryColumns = 14;

std::string summary_insert_sql(std::size_t rows) {
  std::string sql =
      "INSERT INTO summaries (experiment, point, arm, metric, subject, step, mean, sd, ci_low, "
      "ci_high, n, p10, p50, p90) VALUES ";
  for (std::size_t r = 0; r < rows; ++r)
    sql += r ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
             : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  return sql;
}

// Binds one summary row at parameter `first` (1-based) onwards. The strings
// outlive the statement's step: bound, not copied.
void bind_summary(Statement& insert, int first, const std::string& experiment, std::int64_t point,
                  const metrics::SummaryRow& s) {
  insert.bind_view(first, experiment).bind(first + 1, point).bind_view(first + 2, s.arm);
  insert.bind_view(first + 3, s.metric).bind_view(first + 4, s.subject);
  insert.bind(first + 5, s.step).bind(first + 6, s.mean).bind(first + 7, s.sd);
  insert.bind(first + 8, s.ci_low).bind(first + 9, s.ci_high).bind(first + 10, s.n);
  insert.bind(first + 11, s.p10).bind(first + 12, s.p50).bind(first + 13, s.p90);
}

}  // namespace

void ResultsDb::store_summaries(const std::string& experiment,
                                std::span<const PointSummaries> points) {
  Transaction transaction(db_);
  Statement clear(db_, "DELETE FROM summaries WHERE experiment = ? AND point = ?");
  Statement many(db_, summary_insert_sql(kSummaryRowsPerInsert).c_str());
  Statement one(db_, summary_insert_sql(1).c_str());
  for (const auto& [point, rows] : points) {
    clear.bind(1, experiment).bind(2, point);
    clear.step();
    clear.reset();
    std::size_t r = 0;
    for (; r + kSummaryRowsPerInsert <= rows.size(); r += kSummaryRowsPerInsert) {
      for (std::size_t k = 0; k < kSummaryRowsPerInsert; ++k)
        bind_summary(many, static_cast<int>(k) * kSummaryColumns + 1, experiment, point,
                     rows[r + k]);
      many.step();
      many.reset();
    }
    for (; r < rows.size(); ++r) {
      bind_summary(one, 1, experiment, point, rows[r]);
      one.step();
      one.reset();
    }
  }
  transaction.commit();
}

}  // namespace detente::io

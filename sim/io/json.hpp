#pragma once
// run.json: what produced a result folder (design §4).
//
//   io::RunInfo info;
//   info.version = std::string(detente::version());
//   info.started_at = utc_now();   // core/timestamp.hpp
//   ...
//   io::write_run_json(dir / "run.json", info);
//
// The keys are the RunInfo member names, in declaration order; `baseline`,
// `design` and `points` only when set (a compare's baseline arm; a sweep's
// design and number of points). Seeds are written as exact integers; the
// text is nlohmann/json's, two-space indented, ending in a newline.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace detente::io {

struct RunInfo {
  std::string command;  // the subcommand that made the folder: run, compare, sweep
  std::string version;
  std::string git_commit;
  std::string scenario_name;
  std::string scenario_file;
  std::string host;
  std::string started_at;  // ISO 8601 UTC, e.g. 2025-01-31T09:05:00Z
  std::string command_line;
  std::uint64_t seed = 0;
  std::vector<std::uint64_t> replicate_seeds;
  int threads = 0;
  double wall_seconds = 0.0;
  std::int64_t steps = 0;
  int replicates = 0;
  std::vector<std::string> arms;
  std::string baseline;      // compare: the arm the others are compared with
  std::string design;        // sweep: grid, latin_hypercube, morris or sobol
  std::int64_t points = 0;   // sweep: design points
  std::int64_t futures = 0;  // compare --futures: futures drawn from `uncertain:`
  // compare: the outcomes the console and the brief lead with, in order, as
  // "metric/subject" (metrics::headline_outcomes decides; nobody else does).
  std::vector<std::string> headline;
  // A folder's kind when the command alone does not say it ("calibration").
  std::string kind;
  // Further fields a command adds, each a key and its value as JSON text
  // (calibrate: why it stopped, its generations), written after the others.
  std::vector<std::pair<std::string, std::string>> extra_json;
};

std::string run_json(const RunInfo& info);
// Throws std::system_error naming the file if it cannot be written.
void write_run_json(const std::filesystem::path& path, const RunInfo& info);

}  // namespace detente::io

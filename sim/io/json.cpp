#include "io/json.hpp"

#include <ctime>

#include "io/text_file.hpp"

namespace detente::io {

std::string run_json(const RunInfo& info) {
  JsonWriter json;
  json.begin_object();
  json.key("command").string(info.command);
  json.key("version").string(info.version);
  json.key("git_commit").string(info.git_commit);
  json.key("scenario_name").string(info.scenario_name);
  json.key("scenario_file").string(info.scenario_file);
  json.key("host").string(info.host);
  json.key("started_at").string(info.started_at);
  json.key("command_line").string(info.command_line);
  json.key("seed").integer(info.seed);
  json.key("replicate_seeds").begin_array();
  for (const std::uint64_t seed : info.replicate_seeds)
    json.integer(seed);
  json.end_array();
  json.key("threads").integer(info.threads);
  json.key("wall_seconds").number(info.wall_seconds);
  json.key("steps").integer(info.steps);
  json.key("replicates").integer(info.replicates);
  json.key("arms").begin_array();
  for (const auto& arm : info.arms)
    json.string(arm);
  json.end_array();
  if (!info.baseline.empty()) json.key("baseline").string(info.baseline);
  if (!info.design.empty()) json.key("design").string(info.design);
  if (info.points > 0) json.key("points").integer(info.points);
  json.end_object();
  return json.str();
}

void write_run_json(const std::filesystem::path& path, const RunInfo& info) {
  detail::TextFile file(path);
  file.write(run_json(info));
  file.close();
}

std::string utc_iso8601(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  const std::size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return std::string(buffer, n);
}

}  // namespace detente::io

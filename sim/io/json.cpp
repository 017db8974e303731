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
  if (info.futures > 0) json.key("futures").integer(info.futures);
  if (!info.headline.empty()) {
    json.key("headline").begin_array();
    for (const auto& outcome : info.headline)
      json.string(outcome);
    json.end_array();
  }
  json.end_object();
  return json.str();
}

void write_run_json(const std::filesystem::path& path, const RunInfo& info) {
  detail::TextFile file(path);
  file.write(run_json(info));
  file.close();
}

}  // namespace detente::io

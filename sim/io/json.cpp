#include "io/json.hpp"

#include <nlohmann/json.hpp>

#include "io/text_file.hpp"

namespace detente::io {

std::string run_json(const RunInfo& info) {
  // ordered_json keeps the keys in RunInfo's declaration order, which readers
  // of the folder (and reviewers diffing two of them) rely on.
  nlohmann::ordered_json json = {
      {"command", info.command},
      {"version", info.version},
      {"git_commit", info.git_commit},
      {"scenario_name", info.scenario_name},
      {"scenario_file", info.scenario_file},
      {"host", info.host},
      {"started_at", info.started_at},
      {"command_line", info.command_line},
      {"seed", info.seed},
      {"replicate_seeds", info.replicate_seeds},
      {"threads", info.threads},
      {"wall_seconds", info.wall_seconds},
      {"steps", info.steps},
      {"replicates", info.replicates},
      {"arms", info.arms},
  };
  if (!info.baseline.empty()) json["baseline"] = info.baseline;
  if (!info.design.empty()) json["design"] = info.design;
  if (info.points > 0) json["points"] = info.points;
  if (info.futures > 0) json["futures"] = info.futures;
  if (!info.headline.empty()) json["headline"] = info.headline;
  if (!info.kind.empty()) json["kind"] = info.kind;
  for (const auto& [key, value] : info.extra_json)
    json[key] = nlohmann::ordered_json::parse(value, nullptr, /*allow_exceptions=*/false);
  // A scenario name or command line is the user's text: bytes that are not
  // UTF-8 become U+FFFD rather than an exception, so the file always parses.
  // Non-finite numbers are written as null by the library.
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void write_run_json(const std::filesystem::path& path, const RunInfo& info) {
  detail::TextFile file(path);
  file.write(run_json(info));
  file.close();
}

}  // namespace detente::io

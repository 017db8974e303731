#include "experiment/provenance.hpp"

#include <unistd.h>

#include "core/version.hpp"

namespace detente {

std::string host_name() {
  char buffer[256] = {};
  if (gethostname(buffer, sizeof buffer - 1) != 0) return "unknown";
  return buffer;
}

io::RunInfo run_info(const scenario::Scenario& scenario, const std::string& command,
                     const std::string& command_line) {
  io::RunInfo info;
  info.command = command;
  info.version = std::string(version());
  info.git_commit = std::string(git_commit());
  info.scenario_name = scenario.name;
  info.scenario_file = scenario.source_path;
  info.host = host_name();
  info.command_line = command_line;
  info.seed = scenario.seed;
  info.steps = scenario.steps;
  return info;
}

}  // namespace detente

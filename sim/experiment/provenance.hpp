#pragma once
// What every result folder's run.json shares (design §4, §8): who made it,
// from which scenario and with which command line. Each command adds its own
// fields (replicates, seeds, threads, wall time, arms, the sweep's design).
//
//   auto info = run_info(scenario, "compare", command_line);
//   info.replicates = 10;  …
//   io::write_run_json(dir / "run.json", info);
#include <string>

#include "io/json.hpp"
#include "scenario/scenario.hpp"

namespace detente {

// This machine's host name ("unknown" when it cannot be read).
std::string host_name();

// version, commit, scenario name and file, host, the command and its line, seed, steps.
io::RunInfo run_info(const scenario::Scenario& scenario, const std::string& command,
                     const std::string& command_line);

}  // namespace detente

#pragma once
// The `detente` subcommands. Each parses its own options and returns an exit
// code; model logic lives in the library, not here.
#include <string>
#include <vector>

#include "experiment/batch.hpp"

namespace detente::cli {

using Arguments = std::vector<std::string>;  // after the subcommand name

int run_command(const Arguments& args, const std::string& command_line, Cluster& cluster);
int sweep_command(const Arguments& args, const std::string& command_line, Cluster& cluster);
int compare_command(const Arguments& args, const std::string& command_line, Cluster& cluster);
int calibrate_command(const Arguments& args, const std::string& command_line, Cluster& cluster);
int check_command(const Arguments& args);
int params_command(const Arguments& args);
int metrics_command(const Arguments& args);  // the metric table
int phases_command(const Arguments& args);   // the trust model's step
int bench_command(const Arguments& args);
int report_command(const Arguments& args);  // runs analysis/report.py
int validate_command(const Arguments& args);
int serve_command(const Arguments& args);

}  // namespace detente::cli

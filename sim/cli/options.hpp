#pragma once
// Helpers shared by the subcommands: option parsing with Boost.program_options
// and the scenario options every command accepts.
#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "experiment/memory_plan.hpp"
#include "io/output_dir.hpp"
#include "scenario/load.hpp"

namespace detente::cli {

namespace po = boost::program_options;

// The most replicates --replicates takes (the scenario's sweep.replicates has
// the same bound); beyond it, only the memory estimate would stop a run.
constexpr int kMostReplicates = 1'000'000;

// Parses `args` against `options` with one positional SCENARIO; prints help
// and returns false when --help was given.
bool parse(const Arguments& args, const po::options_description& options, const std::string& usage,
           po::variables_map& values, bool positional_scenario = true);

// Loads the scenario named by the positional argument with --set overrides
// (and --seed, which is an override of `seed`).
scenario::Scenario load_scenario(const po::variables_map& values);
// load_scenario, printing the scenario's warnings ("warning: FILE:LINE:COLUMN:
// …") to stderr when `print`; with --strict in `values`, warnings are errors
// (InputError, exit 2). The command must declare --strict.
scenario::Scenario load_scenario_warning(const po::variables_map& values, bool print = true);

// --force: whether an output may replace something that is not a detente result.
io::Overwrite overwrite(const po::variables_map& values);

// The overrides load_scenario applies: --seed, then each --set in order.
std::vector<scenario::Override> scenario_overrides(const po::variables_map& values);

// --max-memory, for the commands that run simulations.
void add_memory_option(po::options_description& options);
// Refuses (InputError, exit 2) before anything is allocated when `runs`
// simulations of the largest of `planned` (the scenarios the command will
// build: experiment/memory_plan.hpp), `threads` at a time (0: every core),
// are estimated to need more memory than --max-memory or, without it, than
// the machine has available; the message locates the key that drives the
// estimate in the scenario file or the --set that gave it. `outputs_kept`:
// whether every run's outputs are held until the end (not so in a sweep).
// `arms`: the simulations of one replicate held side by side (its arms fork
// from the base, experiment/fork.hpp); besides them, up to
// kSharedBuildsHeld shared builds (experiment/batch.hpp).
void check_run_memory(const po::variables_map& values, const std::vector<PlannedScenario>& planned,
                      double runs, int threads, bool outputs_kept = true, double arms = 1);

}  // namespace detente::cli

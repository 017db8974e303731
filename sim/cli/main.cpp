// detente: the command-line entry. Subcommands only; exit codes 0 success,
// 2 bad input, 1 anything else (design §4).
#include <boost/program_options/errors.hpp>
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/cluster.hpp"
#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "core/printable.hpp"
#include "core/version.hpp"
#include "io/cleanup_on_signal.hpp"

namespace {

constexpr const char* kUsage =
    R"(detente — simulate how cultural-diplomacy strategies move trust between rival communities

usage:
  detente run SCENARIO.yaml [--out DIR] [--seed N] [--replicates R] [--threads T]
                            [--set path=value]... [--quiet]
  detente sweep SCENARIO.yaml [--out DIR] [--resume] [--threads T] [--set path=value]...
                                                    the scenario's sweep: block; sensitivity
  detente compare SCENARIO.yaml [--replicates R] [--metric M]... [--baseline ARM]
                                                    every arm against the baseline, paired
  detente calibrate SCENARIO.yaml [--targets FILE] [--budget RUNS] [--out DIR] [--resume]
                                                    fit the calibrate: block's keys to targets
  detente check SCENARIO.yaml [--set path=value]...   validate, print the resolved scenario
  detente params [--markdown]                       every scenario key: type, unit, default, range
  detente metrics [--json | --markdown]             every outcome: subjects, unit, which way is better
  detente phases                                    the trust model's step, phase by phase
  detente bench [--agents N]... [--threads T]... [--steps S] [--degree K]
                [--model deffuant|hegselmann_krause|voter]...
                                                    measure the step's speed
  detente report RESULTS_DIR [--out FILE.html]      a self-contained HTML policy brief
  detente validate [--quick] [--only CASE]... [--out FILE]
                                                    reproduce the classic models' known results
  detente serve [SCENARIO.yaml] [--port P] [--host H]
                                                    the workshop page: teams try strategies live
  detente --version

Run `detente COMMAND --help` for the options of a command. run, sweep,
compare and calibrate also run under `mpirun -np N detente …`, one rank per node.
)";

// One argument as a POSIX shell reads it back: bare when it holds only
// characters the shell leaves alone, else in single quotes. run.json keeps the
// command line in this form so that pasting it reproduces the folder.
std::string shell_word(const std::string& word) {
  const bool bare = !word.empty() && word.find_first_not_of(
                                         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                         "0123456789_-.,/:=+@%") == std::string::npos;
  if (bare) return word;
  std::string out = "'";
  for (const char c : word)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

int main(int argc, char** argv) {
  std::string command_line;
  for (int i = 0; i < argc; ++i)
    command_line += (i ? " " : "") + shell_word(argv[i]);
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string command = argv[1];
  const detente::cli::Arguments args(argv + 2, argv + argc);
  try {
    const auto cluster = detente::cli::make_cluster(argc, argv);
    // Ctrl-C, SIGTERM or SIGHUP remove the staging folder of a result being written.
    detente::io::install_cleanup_on_signals();
    if (command == "run") return detente::cli::run_command(args, command_line, *cluster);
    if (command == "sweep") return detente::cli::sweep_command(args, command_line, *cluster);
    if (command == "compare") return detente::cli::compare_command(args, command_line, *cluster);
    if (command == "calibrate")
      return detente::cli::calibrate_command(args, command_line, *cluster);
    if (command == "check") return detente::cli::check_command(args);
    if (command == "params") return detente::cli::params_command(args);
    if (command == "metrics") return detente::cli::metrics_command(args);
    if (command == "phases") return detente::cli::phases_command(args);
    if (command == "bench") return detente::cli::bench_command(args);
    if (command == "report") return detente::cli::report_command(args);
    if (command == "validate") return detente::cli::validate_command(args);
    if (command == "serve") return detente::cli::serve_command(args);
    if (command == "--version" || command == "version") {
      std::cout << "detente " << detente::version() << " (" << detente::git_commit() << ")\n";
      return 0;
    }
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return 0;
    }
    std::cerr
        << "detente: unknown command '" << detente::printable(command)
        << "'; the commands are run, sweep, compare, calibrate, check, params, metrics, phases, "
           "bench, report, validate and serve (see detente --help)\n";
    return 2;
  } catch (const detente::InputError& error) {
    // Messages quote their input: escaped, so nothing in it can drive the terminal.
    std::cerr << "error: " << detente::printable(error.what(), detente::Newlines::keep) << "\n";
    return 2;
  } catch (const boost::program_options::error& error) {
    std::cerr << "error: detente " << detente::printable(command) << ": "
              << detente::printable(error.what()) << " (see detente " << detente::printable(command)
              << " --help)\n";
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "detente: internal error: "
              << detente::printable(error.what(), detente::Newlines::keep) << "\n";
    return 1;
  }
}

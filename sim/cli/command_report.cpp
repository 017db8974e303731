// detente report: the policy brief of a result folder. The brief is written by
// the analysis package (analysis/report.py), run with the system Python; this
// command finds the package, checks the folder, and maps the outcome to
// detente's exit codes (0 written, 2 not a result folder, 1 anything else).
//
// The package is found at DETENTE_ANALYSIS_DIR (the `analysis` folder) when
// that environment variable is set, else in the source tree detente was built from.
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "core/errors.hpp"
#include "io/staged_file.hpp"

extern char** environ;

namespace detente::cli {

namespace {

namespace fs = std::filesystem;

// Debian's interpreter, where python3-numpy, -pandas, -matplotlib and -yaml
// install; a `python3` earlier on PATH (a virtual environment) may lack them.
constexpr const char* kPython = "/usr/bin/python3";

fs::path analysis_dir() {
  if (const char* dir = std::getenv("DETENTE_ANALYSIS_DIR"); dir != nullptr && *dir != '\0')
    return dir;
  return DETENTE_ANALYSIS_DIR;
}

// Runs `argv` with PYTHONPATH pointing at the package's parent; returns its exit code.
int run_python(const std::vector<std::string>& argv, const fs::path& package_parent) {
  std::string path = package_parent.string();
  if (const char* old = std::getenv("PYTHONPATH"); old != nullptr && *old != '\0')
    path += ":" + std::string(old);
  ::setenv("PYTHONPATH", path.c_str(), 1);
  ::setenv("PYTHONDONTWRITEBYTECODE", "1", 1);  // leave the source tree as it was
  std::vector<char*> args;
  for (const auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  if (const int error = ::posix_spawn(&pid, kPython, nullptr, nullptr, args.data(), environ))
    throw std::runtime_error(std::string("cannot start ") + kPython + ": " + std::strerror(error));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error("waiting for the analysis failed");
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

// A brief says who made it in its first kilobyte (analysis/html.py); one
// from before it did is known by its title.
bool is_brief(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find("<meta name=\"generator\" content=\"detente\">") != std::string::npos ||
         head.find("<title>Policy brief: ") != std::string::npos;
}

}  // namespace

int report_command(const Arguments& args) {
  po::options_description options("options");
  options.add_options()  //
      ("out,o", po::value<std::string>(),
       "the brief to write (default RESULTS_DIR/report.html)")  //
      ("force", "replace --out even if it is not a brief detente wrote");
  po::options_description all;
  all.add(options);
  all.add_options()("help,h", "show this help")("results", po::value<std::string>());
  po::positional_options_description positional;
  positional.add("results", 1);
  po::variables_map values;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  if (values.count("help")) {
    std::cout << "usage: detente report RESULTS_DIR [--out FILE.html]\n\n"
                 "Writes a self-contained HTML policy brief (figures embedded, no network\n"
                 "needed) from a folder written by `detente run`.\n\n"
              << options << "\n";
    return 0;
  }
  po::notify(values);
  if (!values.count("results"))
    throw InputError(
        "missing RESULTS_DIR: give a folder written by `detente run`, e.g. "
        "results/baseline");
  const fs::path results = values["results"].as<std::string>();
  if (!fs::is_directory(results))
    throw InputError(results.string() + ": no such results folder (make one with `detente run " +
                     "SCENARIO.yaml --out " + results.string() + "`)");

  const fs::path package = analysis_dir();
  if (!fs::exists(package / "report.py"))
    throw std::runtime_error("the analysis package is not at " + package.string() +
                             " (set DETENTE_ANALYSIS_DIR to the `analysis` folder of detente's "
                             "source tree)");
  if (!fs::exists(kPython))
    throw std::runtime_error(std::string(kPython) +
                             " is missing: `bash cmake/bootstrap.sh test` installs Python with "
                             "numpy, pandas and matplotlib");

  // An existing file is replaced only if it is an earlier brief (or --force).
  const fs::path out =
      values.count("out") ? fs::path(values["out"].as<std::string>()) : results / "report.html";
  io::check_replaceable_file(out, is_brief, overwrite(values), "--out");

  std::vector<std::string> argv = {kPython, "-m", "analysis.report", results.string()};
  if (values.count("out")) {
    argv.push_back("--out");
    argv.push_back(values["out"].as<std::string>());
  }
  const int code = run_python(argv, package.parent_path());
  if (code == 0 || code == 2) return code;
  std::cerr << "detente report: the analysis failed (exit code " << code
            << "); it needs Debian's python3-numpy, python3-pandas, python3-matplotlib and "
               "python3-yaml, which `bash cmake/bootstrap.sh test` installs\n";
  return 1;
}

}  // namespace detente::cli

#pragma once
// Runs the `detente` program as a user would and captures what it says. In a
// sanitizer build, a sanitizer's report in what it says fails the test that
// ran it, whatever its exit code: a test expecting a refusal (exit 2) must not
// pass on a program that a report stopped.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace detente::test {

struct ProgramResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Whether `err` holds a report of AddressSanitizer, LeakSanitizer, UBSan or
// ThreadSanitizer (the first line each prints).
inline bool has_sanitizer_report(const std::string& err) {
  for (const char* mark : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", ": runtime error: ",
                           "WARNING: ThreadSanitizer", "ERROR: ThreadSanitizer"})
    if (err.find(mark) != std::string::npos) return true;
  return false;
}

// Runs `program` with `arguments` (shell words) in the repository root, so
// that scenario paths read as in the README; exit_code is -1 after a signal.
inline ProgramResult run_program(const std::string& program, const std::string& arguments,
                                 const std::filesystem::path& scratch) {
  std::filesystem::create_directories(scratch);
  const auto out = scratch / "stdout.txt";
  const auto err = scratch / "stderr.txt";
  const std::string command = std::string("cd '") + DETENTE_SOURCE_DIR + "' && '" + program + "' " +
                              arguments + " >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(command.c_str());
  ProgramResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

// `detente ARGUMENTS`; a sanitizer report in its stderr fails the test.
inline ProgramResult run_detente(const std::string& arguments,
                                 const std::filesystem::path& scratch) {
  auto result = run_program(DETENTE_PROGRAM, arguments, scratch);
  if (has_sanitizer_report(result.err))
    FAIL_CHECK("a sanitizer report from detente " << arguments << ":\n" << result.err);
  return result;
}

// A fresh scratch folder under the build tree for one test.
inline std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("detente-test-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace detente::test

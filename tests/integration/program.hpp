#pragma once
// Runs the `detente` program as a user would and captures what it says. In a
// sanitizer build, a sanitizer's report in what it says fails the test that
// ran it, whatever its exit code: a test expecting a refusal (exit 2) must not
// pass on a program that a report stopped.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

// The scratch folders this test process made, removed when it exits.
class ScratchFolders {
 public:
  void add(const std::filesystem::path& dir) { dirs_.push_back(dir); }
  ~ScratchFolders() {
    std::error_code ignored;
    for (const auto& dir : dirs_)
      std::filesystem::remove_all(dir, ignored);
  }

 private:
  std::vector<std::filesystem::path> dirs_;
};

// A fresh scratch folder for one test, one per test process (two test runs on
// one machine, two checkouts or a CI run beside a developer's, must not share
// it), removed when the process exits.
inline std::filesystem::path scratch_dir(const std::string& name) {
  static ScratchFolders made;
  auto dir = std::filesystem::temp_directory_path() /
             ("detente-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  made.add(dir);
  return dir;
}

}  // namespace detente::test

#pragma once
// Shared by the scenario tests: a minimal valid scenario and a way to load
// text with overrides given as "path=value" strings.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "scenario/load.hpp"

namespace detente::scenario::test {

// Two groups, north and south, of 200 agents; everything else default.
inline const std::string kMinimal =
    "name: minimal\n"
    "population:\n"
    "  groups:\n"
    "    - name: north\n"
    "      size: 200\n"
    "    - name: south\n"
    "      size: 200\n";

inline Scenario load(const std::string& yaml, std::initializer_list<const char*> sets = {}) {
  std::vector<Override> overrides;
  for (const char* s : sets)
    overrides.push_back(parse_override(s));
  return load_text(yaml, "test.yaml", overrides);
}

// A scratch folder, removed again at the end of the test.
class TempDir {
 public:
  explicit TempDir(const std::string& tag)
      : path_(std::filesystem::temp_directory_path() /
              ("detente_scenario_" + tag + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace detente::scenario::test

// Asserts that `expr` throws InputError with exactly `message`.
#define CHECK_INPUT_ERROR(expr, message) \
  CHECK_THROWS_MATCHES(expr, detente::InputError, Catch::Matchers::Message(message))

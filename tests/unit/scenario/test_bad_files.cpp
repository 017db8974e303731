// Every file in tests/scenarios/bad/ is refused with the exact message its
// first line announces: `# expect: <message>`. Paths in messages are the ones
// load_file is given, so the files are loaded relative to tests/.
#include <filesystem>
#include <fstream>
#include <set>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// Restores the working directory when the test ends, pass or fail.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const fs::path& dir) : previous_(fs::current_path()) {
    fs::current_path(dir);
  }
  ~WorkingDirectory() { fs::current_path(previous_); }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

 private:
  fs::path previous_;
};

std::string expected_message(const fs::path& file) {
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  const std::string marker = "# expect: ";
  REQUIRE(first.rfind(marker, 0) == 0);
  return first.substr(marker.size());
}

}  // namespace

TEST_CASE("each bad scenario file is refused with the message it expects",
          "[scenario][validation][files]") {
  const WorkingDirectory in_tests(DETENTE_TEST_DATA);
  std::set<std::string> files;  // sorted, so failures read in a stable order
  for (const auto& entry : fs::directory_iterator("scenarios/bad"))
    if (entry.path().extension() == ".yaml") files.insert(entry.path().generic_string());
  CHECK(files.size() >= 16);
  for (const std::string& file : files) {
    SECTION(file) {
      CHECK_INPUT_ERROR(detente::scenario::load_file(file), expected_message(file));
    }
  }
}

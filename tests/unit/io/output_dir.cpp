#include "io/output_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "core/errors.hpp"
#include "temp_folder.hpp"

namespace fs = std::filesystem;
using detente::io::StagedOutput;

namespace {

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::set<std::string> entries(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(folder))
    names.insert(e.path().filename().string());
  return names;
}

}  // namespace

TEST_CASE("commit moves a new folder into place, creating its parents", "[io][output]") {
  detente::test::TempFolder root("out-new");
  const fs::path target = root.path() / "results" / "pilot";
  {
    StagedOutput out(target);
    CHECK(out.path().parent_path() == target.parent_path());  // a sibling: same file system
    CHECK(out.path().filename().string().rfind(".pilot.tmp-", 0) == 0);
    CHECK_FALSE(fs::exists(target));  // nothing visible before commit
    write_text(out.path() / "timeseries.csv", "new");
    out.commit();
    CHECK(out.committed());
  }
  CHECK(read_text(target / "timeseries.csv") == "new");
  CHECK(entries(root.path() / "results") == std::set<std::string>{"pilot"});
}

TEST_CASE("a folder that is never committed leaves nothing behind", "[io][output]") {
  detente::test::TempFolder root("out-abandon");
  const fs::path target = root.path() / "pilot";
  fs::path staging;
  {
    StagedOutput out(target);
    staging = out.path();
    write_text(out.path() / "timeseries.csv", "half-written");
    CHECK(fs::exists(staging));
  }
  CHECK_FALSE(fs::exists(staging));
  CHECK_FALSE(fs::exists(target));
  CHECK(entries(root.path()).empty());
}

TEST_CASE("an abandoned run leaves an existing folder untouched", "[io][output]") {
  detente::test::TempFolder root("out-keep");
  const fs::path target = root.path() / "pilot";
  fs::create_directories(target);
  write_text(target / "old.csv", "old");
  {
    StagedOutput out(target);
    write_text(out.path() / "new.csv", "new");
  }
  CHECK(entries(target) == std::set<std::string>{"old.csv"});
  CHECK(entries(root.path()) == std::set<std::string>{"pilot"});
}

TEST_CASE("commit replaces an existing folder: old content gone, new present", "[io][output]") {
  detente::test::TempFolder root("out-replace");
  const fs::path target = root.path() / "pilot";
  fs::create_directories(target / "sub");
  write_text(target / "old.csv", "old");
  write_text(target / "timeseries.csv", "old");
  write_text(target / "sub" / "deep.txt", "old");

  StagedOutput out(target);
  write_text(out.path() / "timeseries.csv", "new");
  out.commit();
  CHECK(entries(target) == std::set<std::string>{"timeseries.csv"});
  CHECK(read_text(target / "timeseries.csv") == "new");
  CHECK(entries(root.path()) == std::set<std::string>{"pilot"});  // no staging or old folders
}

TEST_CASE("the rename fallback also replaces the folder completely", "[io][output]") {
  detente::test::TempFolder root("out-fallback");
  const fs::path target = root.path() / "pilot";
  fs::create_directories(target);
  write_text(target / "old.csv", "old");
  const fs::path staging = detente::io::detail::make_sibling_folder(target, "tmp");
  write_text(staging / "new.csv", "new");

  detente::io::detail::replace_by_renames(staging, target);
  CHECK(entries(target) == std::set<std::string>{"new.csv"});
  CHECK(entries(root.path()) == std::set<std::string>{"pilot"});
}

TEST_CASE("sibling folders get fresh names", "[io][output]") {
  detente::test::TempFolder root("out-sibling");
  const fs::path target = root.path() / "pilot";
  const fs::path a = detente::io::detail::make_sibling_folder(target, "tmp");
  const fs::path b = detente::io::detail::make_sibling_folder(target, "tmp");
  CHECK(a != b);
  CHECK(fs::is_directory(a));
  CHECK(fs::is_directory(b));
}

TEST_CASE("a target that is a file is refused before anything is written", "[io][output]") {
  detente::test::TempFolder root("out-file");
  const fs::path target = root.path() / "pilot";
  write_text(target, "I am a file");
  CHECK_THROWS_AS(StagedOutput(target), detente::InputError);
  CHECK_THROWS_WITH(StagedOutput(target),
                    "output folder '" + target.string() +
                        "' exists and is not a folder; choose another output path or remove it");
  CHECK(entries(root.path()) == std::set<std::string>{"pilot"});  // no staging folder left
  CHECK(read_text(target) == "I am a file");
}

TEST_CASE("a trailing slash names the same folder", "[io][output]") {
  detente::test::TempFolder root("out-slash");
  StagedOutput out(root.path().string() + "/pilot/");
  CHECK(out.target() == root.path() / "pilot");
  out.commit();
  CHECK(fs::is_directory(root.path() / "pilot"));
}

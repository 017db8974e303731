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
  write_text(target / "run.json", "{}");
  {
    StagedOutput out(target);
    write_text(out.path() / "new.csv", "new");
  }
  CHECK(entries(target) == std::set<std::string>{"old.csv", "run.json"});
  CHECK(entries(root.path()) == std::set<std::string>{"pilot"});
}

TEST_CASE("commit replaces an existing folder: old content gone, new present", "[io][output]") {
  detente::test::TempFolder root("out-replace");
  const fs::path target = root.path() / "pilot";
  fs::create_directories(target / "sub");
  write_text(target / "old.csv", "old");
  write_text(target / "timeseries.csv", "old");
  write_text(target / "run.json", "{}");  // an earlier result
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

TEST_CASE("a folder that is not a detente result is refused, its content untouched",
          "[io][output]") {
  detente::test::TempFolder root("out-thesis");
  const fs::path thesis = root.path() / "thesis";
  fs::create_directories(thesis / "chapters");
  write_text(thesis / "chapters" / "one.tex", "precious");
  CHECK_THROWS_MATCHES(
      StagedOutput(thesis), detente::InputError,
      Catch::Matchers::Message("output folder '" + thesis.string() +
                               "' is not empty and holds no detente result (no run.json); "
                               "detente replaces its output folder whole, so choose a new or "
                               "empty folder, or add --force to replace it and everything in it"));
  CHECK(entries(root.path()) == std::set<std::string>{"thesis"});  // no staging folder either
  CHECK(read_text(thesis / "chapters" / "one.tex") == "precious");
  // A folder of results (the parent of result folders) is not a result either.
  const fs::path results = root.path() / "results";
  fs::create_directories(results / "baseline");
  write_text(results / "baseline" / "run.json", "{}");
  CHECK_THROWS_AS(StagedOutput(results), detente::InputError);
  // An empty folder, an earlier run and an earlier compare (results.db and
  // scenario.yaml) may be replaced.
  fs::create_directories(root.path() / "empty");
  CHECK_NOTHROW(StagedOutput(root.path() / "empty"));
  CHECK_NOTHROW(StagedOutput(results / "baseline"));
  fs::create_directories(root.path() / "compare");
  write_text(root.path() / "compare" / "results.db", "");
  write_text(root.path() / "compare" / "scenario.yaml", "");
  CHECK_NOTHROW(StagedOutput(root.path() / "compare"));
}

TEST_CASE("forcing replaces a folder that is not a result", "[io][output]") {
  detente::test::TempFolder root("out-force");
  const fs::path target = root.path() / "scratch";
  fs::create_directories(target);
  write_text(target / "notes.txt", "old");
  StagedOutput out(target, detente::io::Overwrite::anything);
  write_text(out.path() / "run.json", "{}");
  out.commit();
  CHECK(entries(target) == std::set<std::string>{"run.json"});
}

TEST_CASE("the current folder, or one that holds it, is never replaced", "[io][output]") {
  detente::test::TempFolder root("out-here");
  fs::create_directories(root.path() / "work" / "inner");
  write_text(root.path() / "work" / "run.json", "{}");  // even a result folder
  const fs::path previous = fs::current_path();
  fs::current_path(root.path() / "work" / "inner");
  const auto message = [](const std::string& given, const std::string& what) {
    return Catch::Matchers::Message("output folder '" + given + "' is " + what +
                                    "; detente replaces its output folder whole, so choose a "
                                    "folder of its own, e.g. --out results/" +
                                    (given == "." ? "inner" : "work"));
  };
  CHECK_THROWS_MATCHES(StagedOutput("."), detente::InputError, message(".", "the current folder"));
  CHECK_THROWS_MATCHES(StagedOutput("..", detente::io::Overwrite::anything), detente::InputError,
                       message("..", "a folder that holds the current one"));
  fs::current_path(previous);
  CHECK(entries(root.path() / "work") == std::set<std::string>{"inner", "run.json"});
}

TEST_CASE("a staging folder is registered for removal on a signal until committed",
          "[io][output][signal]") {
  detente::test::TempFolder root("out-signal");
  const fs::path target = root.path() / "pilot";
  StagedOutput first(target);
  fs::create_directories(first.path() / "figures");
  write_text(first.path() / "timeseries.csv", "half");
  write_text(first.path() / "figures" / "a.png", "half");
  // What the SIGINT/SIGTERM/SIGHUP handler does, without the signal.
  detente::io::detail::remove_registered_paths();
  CHECK_FALSE(fs::exists(first.path()));

  StagedOutput second(root.path() / "other");
  write_text(second.path() / "run.json", "{}");
  second.commit();
  detente::io::detail::remove_registered_paths();
  CHECK(fs::exists(root.path() / "other" / "run.json"));  // committed: left alone
}

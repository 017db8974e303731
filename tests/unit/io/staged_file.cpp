// A single output file (validation.csv, a brief) written beside its
// destination and renamed into place; an existing file that the command did
// not write is refused unless forced.
#include "io/staged_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "core/errors.hpp"
#include "temp_folder.hpp"

namespace fs = std::filesystem;
using detente::io::Overwrite;
using detente::io::StagedFile;

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

bool is_table(const fs::path& file) {
  return detente::io::first_line_starts_with(file, "model,target\n");
}

}  // namespace

TEST_CASE("a staged file appears only on commit and replaces an earlier one", "[io][file]") {
  detente::test::TempFolder root("file-commit");
  const fs::path target = root.path() / "table.csv";
  write_text(target, "model,target\nold\n");
  {
    StagedFile out(target, is_table, Overwrite::results_only, "--out");
    CHECK(out.path().filename().string().rfind(".table.csv.tmp-", 0) == 0);
    write_text(out.path(), "model,target\nnew\n");
    CHECK(read_text(target) == "model,target\nold\n");
    out.commit();
  }
  CHECK(read_text(target) == "model,target\nnew\n");
  CHECK(entries(root.path()) == std::set<std::string>{"table.csv"});
  {
    StagedFile abandoned(target, is_table, Overwrite::results_only, "--out");
    write_text(abandoned.path(), "half");
  }
  CHECK(entries(root.path()) == std::set<std::string>{"table.csv"});
  CHECK(read_text(target) == "model,target\nnew\n");
}

TEST_CASE("a file the command did not write, or a folder, is refused", "[io][file]") {
  detente::test::TempFolder root("file-refuse");
  const fs::path thesis = root.path() / "thesis.tex";
  write_text(thesis, "precious");
  CHECK_THROWS_MATCHES(
      StagedFile(thesis, is_table, Overwrite::results_only, "--out"), detente::InputError,
      Catch::Matchers::Message("--out '" + thesis.string() +
                               "' exists and is not one detente wrote; choose another file name, "
                               "or add --force to replace it"));
  CHECK(entries(root.path()) == std::set<std::string>{"thesis.tex"});
  CHECK_THROWS_MATCHES(StagedFile(root.path(), is_table, Overwrite::anything, "--out"),
                       detente::InputError,
                       Catch::Matchers::Message("--out '" + root.path().string() +
                                                "' is a folder; give a file "
                                                "name, e.g. " +
                                                (root.path() / "out").string()));
  CHECK_THROWS_AS(
      StagedFile(root.path() / "missing" / "t.csv", is_table, Overwrite::anything, "--out"),
      detente::InputError);
  StagedFile forced(thesis, is_table, Overwrite::anything, "--out");
  write_text(forced.path(), "model,target\n");
  forced.commit();
  CHECK(read_text(thesis) == "model,target\n");
}

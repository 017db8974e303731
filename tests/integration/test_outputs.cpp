// What the commands may write and replace: a non-empty --out that is not a
// detente result is refused before anything runs (--force replaces it), the
// current folder never is, a destination that cannot be written is reported
// before the run, and an interrupted run leaves no staging folder behind.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <thread>

#include "program.hpp"

namespace fs = std::filesystem;
using detente::test::read_text;
using detente::test::run_detente;
using detente::test::scratch_dir;

namespace {

// The baseline, two steps: fast enough that a test that lets it run is quick.
const std::string kTiny =
    "run scenarios/baseline.yaml --quiet --set population.groups.north.size=200 "
    "--set population.groups.south.size=200 --set steps=2";

// A run that takes minutes: a test that gets its answer in seconds shows the
// answer came before the run.
const std::string kLong = "run scenarios/baseline.yaml --quiet --set steps=100000 --replicates 8";

std::set<std::string> entries(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(folder))
    names.insert(e.path().filename().string());
  return names;
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("a non-empty --out that is not a result is refused unless --force", "[outputs][errors]") {
  const auto dir = scratch_dir("out-thesis");
  fs::create_directories(dir / "thesis" / "figures");
  write_text(dir / "thesis" / "chapter1.tex", "precious");
  write_text(dir / "thesis" / "figures" / "f.pdf", "precious");
  const std::string thesis = (dir / "thesis").string();
  for (const std::string command :
       {kLong + " --out '" + thesis + "'",
        "compare scenarios/routine_vs_episodic.yaml --quiet --replicates 2 --set steps=100000 "
        "--out '" +
            thesis + "'",
        "sweep scenarios/sweep_contact.yaml --quiet --set steps=100000 --out '" + thesis + "'"}) {
    INFO(command);
    const auto r = run_detente(command, dir);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "error: output folder '" + thesis +
                       "' is not empty and holds no detente result (no run.json); detente "
                       "replaces its output folder whole, so choose a new or empty folder, or add "
                       "--force to replace it and everything in it\n");
  }
  CHECK(entries(dir / "thesis") == std::set<std::string>{"chapter1.tex", "figures"});
  CHECK(read_text(dir / "thesis" / "chapter1.tex") == "precious");
  // An earlier result is replaced as before; --force replaces anything.
  auto r = run_detente(kTiny + " --out '" + (dir / "result").string() + "'", dir);
  REQUIRE(r.exit_code == 0);
  r = run_detente(kTiny + " --out '" + (dir / "result").string() + "'", dir);
  CHECK(r.exit_code == 0);
  r = run_detente(kTiny + " --force --out '" + thesis + "'", dir);
  CHECK(r.exit_code == 0);
  CHECK(entries(dir / "thesis") == std::set<std::string>{"events.csv", "run.json", "scenario.yaml",
                                                         "summary.csv", "timeseries.csv"});
}

TEST_CASE("the current folder as --out is refused, with or without --force", "[outputs][errors]") {
  const auto dir = scratch_dir("out-here");
  // run_detente works in the source tree: `.` is the repository itself.
  for (const std::string force : {"", " --force"}) {
    const auto r = run_detente(kLong + " --out ." + force, dir);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("error: output folder '.' is the current folder; detente replaces its "
                     "output folder whole") == 0);
  }
  CHECK(fs::exists(fs::path(DETENTE_SOURCE_DIR) / "CMakeLists.txt"));
}

TEST_CASE("an --out that cannot be written is reported before the run", "[outputs][errors]") {
  const auto dir = scratch_dir("out-unwritable");
  write_text(dir / "a-file", "");
  const auto r = run_detente(kLong + " --out '" + (dir / "a-file" / "out").string() + "'", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "error: output folder '" + (dir / "a-file" / "out").string() +
                     "': cannot create '" + (dir / "a-file").string() + "': Not a directory\n");
  // validate --out checks its file before the cases run, and keeps other files.
  write_text(dir / "notes.csv", "mine");
  const auto v = run_detente("validate --out '" + (dir / "notes.csv").string() + "'", dir);
  CHECK(v.exit_code == 2);
  CHECK(v.err == "error: --out '" + (dir / "notes.csv").string() +
                     "' exists and is not one detente wrote; choose another file name, or add "
                     "--force to replace it\n");
  CHECK(read_text(dir / "notes.csv") == "mine");
  // report --out likewise refuses a file it did not write.
  auto ok = run_detente(kTiny + " --out '" + (dir / "result").string() + "'", dir);
  REQUIRE(ok.exit_code == 0);
  const auto b = run_detente(
      "report '" + (dir / "result").string() + "' --out '" + (dir / "notes.csv").string() + "'",
      dir);
  CHECK(b.exit_code == 2);
  CHECK(read_text(dir / "notes.csv") == "mine");
}

TEST_CASE("an interrupted run leaves neither a staging folder nor a result", "[outputs][signal]") {
  const auto dir = scratch_dir("out-signal");
  // What the program says goes beside `dir`, which must end up empty.
  const auto said = scratch_dir("out-signal-stderr") / "stderr.txt";
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    INFO("signal " << signal_number);
    const fs::path out = dir / "interrupted";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::freopen(said.c_str(), "w", stderr);
      ::chdir(DETENTE_SOURCE_DIR);
      ::execl(DETENTE_PROGRAM, DETENTE_PROGRAM, "run", "scenarios/baseline.yaml", "--quiet",
              "--replicates", "4", "--set", "steps=100000", "--out", out.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Wait for the staging folder, the sign that the run has begun.
    bool staged = false;
    for (int i = 0; i < 1000 && !staged; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      for (const auto& e : fs::directory_iterator(dir))
        staged = staged || e.path().filename().string().rfind(".interrupted.tmp-", 0) == 0;
    }
    CHECK(staged);
    ::kill(child, signal_number);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == signal_number);
    CHECK(entries(dir).empty());
    CHECK_FALSE(detente::test::has_sanitizer_report(read_text(said)));
  }
}

TEST_CASE("the seed option is checked like --set seed", "[outputs][errors]") {
  const auto dir = scratch_dir("seed");
  auto r = run_detente("check scenarios/baseline.yaml --seed -1", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "error: --seed -1: seed: expected a non-negative integer, got \"-1\"\n");
  r = run_detente("check scenarios/baseline.yaml --seed 18446744073709551615", dir);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\nseed: 18446744073709551615\n") != std::string::npos);
}

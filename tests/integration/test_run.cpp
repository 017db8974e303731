// `detente run` end to end: the output contract, bitwise reproducibility at
// every thread count, refusal of bad input, and every shipped scenario.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "scenario/load.hpp"

#include "program.hpp"

namespace fs = std::filesystem;
using detente::test::read_text;
using detente::test::run_detente;
using detente::test::scratch_dir;

namespace {

// The baseline at a size that runs in about a second.
const std::string kSmallBaseline =
    "run scenarios/baseline.yaml --quiet --set population.groups.north.size=800 "
    "--set population.groups.south.size=800 --set steps=60";

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

}  // namespace

TEST_CASE("run writes the output contract", "[run]") {
  const auto dir = scratch_dir("contract");
  const auto r =
      run_detente(kSmallBaseline + " --replicates 2 --out '" + (dir / "out").string() + "'", dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto timeseries = read_text(dir / "out/timeseries.csv");
  CHECK(first_line(timeseries) == "arm,replicate,step,metric,subject,value");
  CHECK(first_line(read_text(dir / "out/summary.csv")) ==
        "arm,metric,subject,step,mean,sd,ci_low,ci_high,n,p10,p50,p90");
  // Both replicates, first and last output step, a directed pair and `all`.
  CHECK(timeseries.find("\nbase,1,60,mean,north->south,") != std::string::npos);
  CHECK(timeseries.find("\nbase,0,0,mean,south->north,") != std::string::npos);
  CHECK(timeseries.find(",political_space,all,") != std::string::npos);
  const auto run_json = read_text(dir / "out/run.json");
  for (const char* key : {"\"version\"", "\"git_commit\"", "\"seed\"", "\"replicate_seeds\"",
                          "\"threads\"", "\"wall_seconds\"", "\"host\""})
    CHECK(run_json.find(key) != std::string::npos);
  CHECK(fs::exists(dir / "out/scenario.yaml"));
  // Nothing but the result folder is left behind (no temporary folders).
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
    ++entries;
  CHECK(entries == 3);  // out/, stdout.txt, stderr.txt
}

TEST_CASE("outputs are bitwise identical at 1, 2 and 4 threads", "[run][determinism]") {
  const auto dir = scratch_dir("threads");
  for (const int threads : {1, 2, 4}) {
    const auto out = dir / ("t" + std::to_string(threads));
    const auto r = run_detente(kSmallBaseline + " --replicates 2 --threads " +
                                   std::to_string(threads) + " --out '" + out.string() + "'",
                               dir);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  for (const char* file : {"timeseries.csv", "summary.csv", "scenario.yaml"}) {
    INFO(file);
    const auto one = read_text(dir / "t1" / file);
    CHECK(!one.empty());
    CHECK(one == read_text(dir / "t2" / file));
    CHECK(one == read_text(dir / "t4" / file));
  }
}

TEST_CASE("with turnover, outputs are bitwise identical at 1 and 2 threads",
          "[run][determinism][turnover]") {
  // Half the people a year leave, so every step has newcomers to socialise.
  const auto dir = scratch_dir("turnover_threads");
  for (const int threads : {1, 2}) {
    const auto out = dir / ("t" + std::to_string(threads));
    const auto r = run_detente(kSmallBaseline +
                                   " --set dynamics.turnover.rate=0.5 --replicates 2 "
                                   "--threads " +
                                   std::to_string(threads) + " --out '" + out.string() + "'",
                               dir);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  const auto one = read_text(dir / "t1/timeseries.csv");
  CHECK(!one.empty());
  CHECK(one == read_text(dir / "t2/timeseries.csv"));
  // And turnover changed the run (the case is not the baseline's again).
  const auto off = dir / "off";
  const auto r =
      run_detente(kSmallBaseline + " --replicates 2 --threads 1 --out '" + off.string() + "'", dir);
  REQUIRE(r.exit_code == 0);
  CHECK(one != read_text(off / "timeseries.csv"));
}

TEST_CASE("the resolved scenario.yaml reproduces its run bit for bit", "[run][determinism]") {
  const auto dir = scratch_dir("rerun");
  auto r = run_detente(kSmallBaseline + " --seed 77 --out '" + (dir / "first").string() + "'", dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  r = run_detente("run '" + (dir / "first/scenario.yaml").string() + "' --quiet --out '" +
                      (dir / "second").string() + "'",
                  dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_text(dir / "first/timeseries.csv") == read_text(dir / "second/timeseries.csv"));
  CHECK(read_text(dir / "first/scenario.yaml") == read_text(dir / "second/scenario.yaml"));
}

TEST_CASE("a bad scenario exits 2 with a located message and writes nothing", "[run][errors]") {
  const auto dir = scratch_dir("bad");
  const auto r = run_detente(
      "run tests/scenarios/bad/unknown_key.yaml --out '" + (dir / "out").string() + "'", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("tests/scenarios/bad/unknown_key.yaml:") != std::string::npos);
  CHECK(r.err.find("did you mean") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("a refused run never clobbers an earlier result", "[run][errors]") {
  const auto dir = scratch_dir("clobber");
  const auto out = (dir / "out").string();
  auto r = run_detente(kSmallBaseline + " --out '" + out + "'", dir);
  REQUIRE(r.exit_code == 0);
  const auto before = read_text(dir / "out/timeseries.csv");
  r = run_detente(kSmallBaseline + " --set dynamics.influence.rate=7 --out '" + out + "'", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("dynamics.influence.rate") != std::string::npos);
  CHECK(read_text(dir / "out/timeseries.csv") == before);
}

TEST_CASE("command-line mistakes exit 2 with a hint", "[run][errors]") {
  const auto dir = scratch_dir("cli");
  CHECK(run_detente("frobnicate", dir).exit_code == 2);
  auto r = run_detente("run", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("SCENARIO") != std::string::npos);
  r = run_detente("run scenarios/baseline.yaml --replicates 0", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--replicates") != std::string::npos);
  r = run_detente("run scenarios/does_not_exist.yaml", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("does_not_exist.yaml") != std::string::npos);
}

TEST_CASE("check prints the resolved scenario with defaults filled in", "[check]") {
  const auto dir = scratch_dir("check");
  const auto r =
      run_detente("check scenarios/baseline.yaml --set dynamics.influence.confidence=0.25", dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("confidence: 0.25") != std::string::npos);
  CHECK(r.out.find("tie_decay:") != std::string::npos);  // a default not in the file
}

TEST_CASE("every shipped scenario runs at reduced size", "[run][scenarios]") {
  const auto dir = scratch_dir("library");
  // The strategy library (scenarios/README.md): each must be shipped, pass
  // `check` and run every one of its arms.
  std::set<std::string> library = {
      "routine_vs_episodic", "inclusive_vs_elite",       "campaign_sponsor",
      "literacy_vs_surge",   "journalists_vs_exchanges", "ambassadors_mentoring",
      "crisis_resilience",   "convener_governance",      "combined_under_cap",
      "norms_tipping",       "shared_benefits"};
  std::size_t count = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(DETENTE_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    library.erase(entry.path().stem().string());
    const auto relative = fs::relative(entry.path(), DETENTE_SOURCE_DIR).string();
    INFO(relative);
    const auto checked = run_detente("check '" + relative + "'", dir);
    INFO(checked.err);
    CHECK(checked.exit_code == 0);
    // Groups are cut down through the same overrides a user has; the
    // length stays, so scheduled events keep their meaning.
    const auto scenario = detente::scenario::load_file(entry.path().string());
    std::string shrink;
    if (scenario.network.file.empty())
      for (const auto& group : scenario.population.groups)
        shrink += " --set population.groups." + group.name +
                  ".size=" + std::to_string(std::min<std::int64_t>(group.size, 300));
    const auto out = dir / entry.path().stem();
    const auto r = run_detente(
        "run '" + relative + "' --quiet" + shrink + " --out '" + out.string() + "'", dir);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    const auto timeseries = read_text(out / "timeseries.csv");
    for (const auto& arm : scenario.arms) {
      INFO("arm " << arm.name);
      CHECK(timeseries.find("\n" + arm.name + ",0,") != std::string::npos);
    }
  }
  CHECK(count >= 2);
  INFO("library scenarios missing from scenarios/: " << library.size());
  CHECK(library.empty());
}

TEST_CASE("the version names the commit the program was built from", "[run][provenance]") {
  const auto dir = scratch_dir("version");
  const auto head = run_detente("--version", dir);
  REQUIRE(head.exit_code == 0);
  // The same commit as the source tree's HEAD (the build stamps it each time).
  const std::string command = std::string("git -C '") + DETENTE_SOURCE_DIR +
                              "' rev-parse --short=12 HEAD > '" + (dir / "head.txt").string() +
                              "' 2>/dev/null";
  if (std::system(command.c_str()) == 0) {
    auto commit = read_text(dir / "head.txt");
    commit = commit.substr(0, commit.find('\n'));
    CHECK(head.out.find(commit) != std::string::npos);
  }
  CHECK(head.out.rfind("detente ", 0) == 0);
}

TEST_CASE("validate prints the table, writes validation.csv and exits 0 when all pass",
          "[validate]") {
  const auto dir = scratch_dir("validate");
  const auto csv = (dir / "validation.csv").string();
  auto r = run_detente("validate --quick --only degroot --only voter --out '" + csv + "'", dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("pass  model ") == 0);
  CHECK(r.out.find("\nPASS  degroot ") != std::string::npos);
  CHECK(r.out.find("\nPASS  voter ") != std::string::npos);
  CHECK(r.out.find("4 of 4 targets reproduced") != std::string::npos);
  const auto text = read_text(csv);
  CHECK(first_line(text) == "model,target,source,measured,tolerance,pass");
  CHECK(std::count(text.begin(), text.end(), '\n') == 5);
  r = run_detente("validate --only nothing", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--only: expected one of degroot") != std::string::npos);
}

TEST_CASE("a classic scenario writes agents.csv with each agent's final opinion",
          "[run][classic]") {
  const auto dir = scratch_dir("agents");
  const auto r = run_detente(
      "run scenarios/classic/friedkin_johnsen.yaml --quiet --out '" + (dir / "out").string() + "'",
      dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto agents = read_text(dir / "out/agents.csv");
  // The old columns first and unchanged, then what describes the agent.
  CHECK(first_line(agents) ==
        "arm,replicate,step,agent,group,subject,value,role,marginalised,degree,cross_ties,"
        "participant,participation");
  // x* = (9/11, 6/11, 6/11); the file has the shortest text that reads back.
  // Agent 0 of the directed three-person network has three out-arcs (a self-loop
  // among them) and no cross-group ties.
  CHECK(agents.find("\nbase,0,0,0,village,all,1,public,") != std::string::npos);
  CHECK(agents.find(",1,public,0,3,0,0,0\n") != std::string::npos);
  CHECK(agents.find("\nbase,0,500,0,village,all,0.81818181818181") != std::string::npos);
  CHECK(agents.find("\nbase,0,500,1,village,all,0.54545454545454") != std::string::npos);
  const auto timeseries = read_text(dir / "out/timeseries.csv");
  CHECK(timeseries.find(",converged_step,all,") != std::string::npos);
}

TEST_CASE("bench measures a classic model", "[bench][classic]") {
  const auto dir = scratch_dir("bench");
  const auto r = run_detente("bench --model deffuant --agents 2000 --threads 1 --steps 3", dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("meetings/s") != std::string::npos);
  CHECK(r.out.find("deffuant           sequential") != std::string::npos);
  CHECK(r.out.find("deffuant           parallel") != std::string::npos);
  CHECK(r.out.find("plain") != std::string::npos);
}

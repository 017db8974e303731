// What happened, and what cannot happen: events.csv in every result folder
// (the same at every thread count, and pure observation), the warnings of
// `detente check`/`run` (and --strict), and a decimal comma in --set.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "scenario/load.hpp"
#include "scenario/plan.hpp"

#include "program.hpp"

namespace fs = std::filesystem;
using detente::test::read_text;
using detente::test::run_detente;
using detente::test::scratch_dir;

namespace {

// The workshop with all five programmes switched on: together they cost more
// than the budget of 4,000, so some stop for lack of money.
const std::string kAllFive =
    "scenarios/workshop.yaml --quiet --set interventions.exchange.enabled=true "
    "--set interventions.campaign.enabled=true --set interventions.curriculum.enabled=true "
    "--set interventions.centres.enabled=true --set interventions.journalists.enabled=true";

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (const char c : line) {
      if (c == '"')
        quoted = !quoted;
      else if (c == ',' && !quoted)
        fields.push_back(std::exchange(field, {}));
      else
        field += c;
    }
    fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

}  // namespace

TEST_CASE("events.csv says which programmes stopped for lack of money, and when", "[run][events]") {
  const auto dir = scratch_dir("events");
  for (const int threads : {1, 2}) {
    const auto r =
        run_detente("run " + kAllFive + " --replicates 2 --threads " + std::to_string(threads) +
                        " --out '" + (dir / ("t" + std::to_string(threads))).string() + "'",
                    dir);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  const std::string events = read_text(dir / "t1/events.csv");
  CHECK(events == read_text(dir / "t2/events.csv"));  // bitwise, at every thread count
  const auto rows = csv_rows(events);
  REQUIRE(rows.size() > 1);
  CHECK(rows[0] ==
        std::vector<std::string>{"arm", "replicate", "step", "event", "subject", "detail"});
  std::set<std::string> started, stopped_for_money;
  bool crisis = false, exhausted_or_cut = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() == 6);
    const auto& e = rows[i];
    if (e[1] != "0") continue;
    if (e[3] == "programme_started") started.insert(e[4]);
    if (e[3] == "programme_stopped" &&
        (e[5].starts_with("budget ran out") || e[5].starts_with("cut")))
      stopped_for_money.insert(e[4]);
    if (e[3] == "crisis" && e[2] == "156") crisis = true;
    if (e[3] == "budget_exhausted" || e[5].starts_with("cut")) exhausted_or_cut = true;
  }
  CHECK(started ==
        std::set<std::string>{"exchange", "campaign", "curriculum", "centres", "journalists"});
  CHECK(!stopped_for_money.empty());
  CHECK(exhausted_or_cut);
  CHECK(crisis);

  // The plan before Play names the same programmes as stopping for money.
  std::vector<detente::scenario::Override> on;
  for (const char* p : {"exchange", "campaign", "curriculum", "centres", "journalists"})
    on.push_back({std::string("interventions.") + p + ".enabled", "true"});
  const auto s = detente::scenario::load_file(
      std::string(DETENTE_SOURCE_DIR) + "/scenarios/workshop.yaml", on);
  const auto plan = detente::scenario::plan_costs(s);
  std::set<std::string> planned_stops;
  for (const auto& p : plan.programmes)
    if (p.stops_at) planned_stops.insert(p.name);
  CHECK(planned_stops == stopped_for_money);
  CHECK(plan.planned_total > *plan.budget);
  CHECK(plan.funded_total <= *plan.budget);
}

TEST_CASE("a run without programmes or crises writes an events.csv with its header only",
          "[run][events]") {
  const auto dir = scratch_dir("events-none");
  const auto r = run_detente(
      "run scenarios/workshop.yaml --quiet --set dynamics.shocks.enabled=false "
      "--out '" +
          (dir / "out").string() + "'",
      dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_text(dir / "out/events.csv") == "arm,replicate,step,event,subject,detail\n");
}

TEST_CASE("check warns of programmes that can never run or never spend", "[check][warnings]") {
  const auto dir = scratch_dir("warnings");
  // start after the end of a 260-step run.
  auto r = run_detente(
      "check scenarios/workshop.yaml --set steps=260 --set interventions.exchange.enabled=true "
      "--set interventions.exchange.start=400",
      dir);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warning: --set interventions.exchange.start=400: interventions[0].start: 400 "
                   "is after the run's last step (260)") != std::string::npos);
  // A cohort of 5,000 from groups of 2,000.
  r = run_detente(
      "check scenarios/workshop.yaml --set interventions.exchange.enabled=true "
      "--set interventions.exchange.cohort=5000",
      dir);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("interventions[0].cohort: a cohort of 5000 per group, but only 2000 people") !=
        std::string::npos);
  // ... whose first round costs more than the whole budget.
  CHECK(r.err.find("more than the whole budget (budget.total 4000): it never runs") !=
        std::string::npos);
  // --strict: warnings are errors, exit 2, and run writes nothing.
  r = run_detente(
      "run scenarios/workshop.yaml --quiet --strict --set "
      "interventions.exchange.enabled=true --set interventions.exchange.cohort=5000 "
      "--out '" +
          (dir / "strict").string() + "'",
      dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--strict") != std::string::npos);
  CHECK(!fs::exists(dir / "strict"));
  // A scenario with nothing wrong has no warning.
  r = run_detente("check scenarios/workshop.yaml --strict", dir);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warning") == std::string::npos);
}

TEST_CASE("check warns of a trigger that cannot fire and an arm that changes nothing",
          "[check][warnings]") {
  const auto dir = scratch_dir("warnings-file");
  const auto file = dir / "odd.yaml";
  {
    std::string text = read_text(std::string(DETENTE_SOURCE_DIR) + "/scenarios/workshop.yaml");
    text += "arms:\n  - name: same\n    set: {dynamics.contact.rate: 0.1}\n";
    std::ofstream(file) << text;
  }
  const auto r = run_detente("check '" + file.string() +
                                 "' --set interventions.campaign.enabled=true "
                                 "--set interventions.campaign.when.metric=mean "
                                 "--set interventions.campaign.when.below=0",
                             dir);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("interventions[1].when.below: mean all is never below 0") != std::string::npos);
  CHECK(r.err.find("arms[0]: this arm changes nothing") != std::string::npos);
}

TEST_CASE("a decimal comma is a number in --set", "[check][plain]") {
  const auto dir = scratch_dir("decimal-comma");
  auto r =
      run_detente("check scenarios/workshop.yaml --set media.north_national_tv.slant=-0,2", dir);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("slant: -0.2") != std::string::npos);
  // "1,500" could be a thousands separator: refused, not read as 1.5.
  r = run_detente("check scenarios/workshop.yaml --set network.between.strength=1,500", dir);
  CHECK(r.exit_code == 2);
}

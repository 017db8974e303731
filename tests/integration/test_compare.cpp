// `detente compare` on a shipped scenario with arms, at a reduced size:
// compare.csv's rows and columns, its paired differences recomputed by hand
// from timeseries.csv, --baseline and --metric, the direction of each metric
// in the ranking, and common random numbers (an arm that changes nothing
// differs by exactly 0).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "program.hpp"

namespace fs = std::filesystem;
using detente::test::read_text;
using detente::test::run_detente;
using detente::test::scratch_dir;

namespace {

// routine_vs_episodic (base: small exchanges every four weeks; episodic: one
// large cohort a year; none: no exchanges) on 300 + 300 agents for one year.
const std::string kScenario = "scenarios/routine_vs_episodic.yaml";

// A copy of a library scenario extends the baseline world, found beside it.
void copy_baseline_beside(const fs::path& file) {
  fs::copy_file(fs::path(DETENTE_SOURCE_DIR) / "scenarios/baseline.yaml",
                file.parent_path() / "baseline.yaml", fs::copy_options::overwrite_existing);
}

const std::string kSmall =
    " --quiet --threads 2 --set population.groups.north.size=300 "
    "--set population.groups.south.size=300 --set steps=52";

const std::vector<std::string> kCompareHeader = {"arm",
                                                 "baseline",
                                                 "metric",
                                                 "subject",
                                                 "window",
                                                 "scale",
                                                 "mean_difference",
                                                 "ci_low",
                                                 "ci_high",
                                                 "points",
                                                 "per_1000",
                                                 "person_sd",
                                                 "standardised",
                                                 "baseline_spending",
                                                 "spending",
                                                 "extra_spending",
                                                 "gain_per_million",
                                                 "better",
                                                 "rank",
                                                 "n"};

// A CSV file without quoted fields (none of these tables needs quoting).
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::size_t column(const std::string& name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  }
  const std::string& at(std::size_t row, const std::string& name) const {
    return rows.at(row).at(column(name));
  }
  double number(std::size_t row, const std::string& name) const { return std::stod(at(row, name)); }
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ','))
    cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

Table read_table(const fs::path& path) {
  std::istringstream in(read_text(path));
  Table t;
  std::string line;
  std::getline(in, line);
  t.header = split(line);
  while (std::getline(in, line)) {
    t.rows.push_back(split(line));
    REQUIRE(t.rows.back().size() == t.header.size());
  }
  return t;
}

// timeseries.csv as (arm, metric, subject) → per replicate, the values in step order.
using Series = std::map<std::string, std::map<int, std::vector<double>>>;
Series read_series(const fs::path& path) {
  const auto t = read_table(path);
  Series s;
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    s[t.at(i, "arm") + "|" + t.at(i, "metric") + "|" + t.at(i, "subject")]
     [std::stoi(t.at(i, "replicate"))]
         .push_back(t.number(i, "value"));
  return s;
}

double mean_of(const std::vector<double>& v) {
  double sum = 0;
  for (const double x : v)
    sum += x;
  return sum / static_cast<double>(v.size());
}

double sd_of(const std::vector<double>& v) {
  const double m = mean_of(v);
  double squares = 0;
  for (const double x : v)
    squares += (x - m) * (x - m);
  return std::sqrt(squares / static_cast<double>(v.size() - 1));
}

// Per replicate: the final value, or the mean over the output steps where
// the metric has a value (a share of no participants is NaN).
std::vector<double> window(const std::map<int, std::vector<double>>& replicates, bool final) {
  std::vector<double> out;
  for (const auto& [r, values] : replicates) {
    std::vector<double> defined;
    for (const double v : values)
      if (!std::isnan(v)) defined.push_back(v);
    out.push_back(final ? values.back() : defined.empty() ? std::nan("") : mean_of(defined));
  }
  return out;
}

bool close(double a, double b) {
  return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

// Rows of compare.csv keyed by arm|metric|subject|window.
std::map<std::string, std::size_t> index_rows(const Table& t) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    index[t.at(i, "arm") + "|" + t.at(i, "metric") + "|" + t.at(i, "subject") + "|" +
          t.at(i, "window")] = i;
  return index;
}

}  // namespace

TEST_CASE("compare on a shipped scenario agrees with its own timeseries", "[compare][arms]") {
  const auto dir = scratch_dir("compare-shipped");
  const auto r = run_detente(
      "compare " + kScenario + kSmall + " -r 3 --out '" + (dir / "out").string() + "'", dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto compare = read_table(dir / "out/compare.csv");
  CHECK(compare.header == kCompareHeader);
  const auto series = read_series(dir / "out/timeseries.csv");

  // One row per arm × metric × subject × window, in that order; every metric
  // of the base's run but spending, which is reported per arm instead.
  std::vector<std::string> pairs;
  {
    const auto t = read_table(dir / "out/timeseries.csv");
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      if (t.at(i, "arm") != "base" || t.at(i, "replicate") != "0") continue;
      if (t.at(i, "metric") == "spending") continue;
      const auto key = t.at(i, "metric") + "|" + t.at(i, "subject");
      if (std::find(pairs.begin(), pairs.end(), key) == pairs.end()) pairs.push_back(key);
    }
  }
  REQUIRE(pairs.size() > 20);
  std::vector<std::string> expected, got;
  for (const std::string arm : {"episodic", "same_people", "none"})
    for (const auto& pair : pairs)
      for (const std::string w : {"final", "average"})
        expected.push_back(arm + "|" + pair + "|" + w);
  for (std::size_t i = 0; i < compare.rows.size(); ++i)
    got.push_back(compare.at(i, "arm") + "|" + compare.at(i, "metric") + "|" +
                  compare.at(i, "subject") + "|" + compare.at(i, "window"));
  CHECK(got == expected);

  // Spending: each arm's mean final total; the none arm spends nothing.
  const double base_spent = mean_of(window(series.at("base|spending|all"), true));
  const std::map<std::string, double> spent = {
      {"episodic", mean_of(window(series.at("episodic|spending|all"), true))},
      {"same_people", mean_of(window(series.at("same_people|spending|all"), true))},
      {"none", mean_of(window(series.at("none|spending|all"), true))}};
  REQUIRE(base_spent > 0);
  REQUIRE(spent.at("episodic") > 0);
  REQUIRE(spent.at("same_people") > 0);
  CHECK(spent.at("none") == 0.0);

  // t(0.975, 2) for 3 paired replicates.
  const double t975 = 4.302652729749464;
  std::size_t undefined = 0;
  for (std::size_t i = 0; i < compare.rows.size(); ++i) {
    INFO(got[i]);
    CHECK(compare.at(i, "baseline") == "base");
    CHECK(compare.at(i, "n") == "3");
    // Every paired difference and Glass's Δ, recomputed from timeseries.csv.
    const std::string arm = compare.at(i, "arm");
    const std::string key = compare.at(i, "metric") + "|" + compare.at(i, "subject");
    const bool final = compare.at(i, "window") == "final";
    const auto base = window(series.at("base|" + key), final);
    const auto other = window(series.at(arm + "|" + key), final);
    std::vector<double> d;
    for (std::size_t k = 0; k < base.size(); ++k)
      d.push_back(other[k] - base[k]);
    if (std::isnan(mean_of(d))) {
      // A share of nobody in some replicate: no difference and no rank.
      ++undefined;
      CHECK(compare.at(i, "mean_difference").empty());
      CHECK(compare.at(i, "rank").empty());
      continue;
    }
    const double mean = compare.number(i, "mean_difference");
    CHECK(compare.number(i, "ci_low") <= mean);
    CHECK(mean <= compare.number(i, "ci_high"));
    CHECK(close(mean, mean_of(d)));
    CHECK(close(compare.number(i, "ci_high") - mean, t975 * sd_of(d) / std::sqrt(3.0)));
    // Effect sizes people read, recomputed from timeseries.csv: percentage
    // points and people per 1,000 for shares of the public; the difference
    // over the baseline's sd of people (its `sd` rows for a trust level,
    // √(p(1 − p)) for a share).
    const std::string metric = compare.at(i, "metric"), subject = compare.at(i, "subject");
    const std::string scale = compare.at(i, "scale");
    if (metric == "mean" || metric == "median" || metric == "p10" || metric == "p90") {
      CHECK(scale == "trust_level");
      const double person = mean_of(window(series.at("base|sd|" + subject), final));
      CHECK(close(compare.number(i, "person_sd"), person));
      CHECK(close(compare.number(i, "standardised"), mean / person));
      CHECK(compare.at(i, "points").empty());
    } else if (metric == "trusting_share" || metric == "hostile_share" ||
               metric == "political_space") {
      CHECK(scale == "public_share");
      CHECK(close(compare.number(i, "points"), 100 * mean));
      CHECK(close(compare.number(i, "per_1000"), 1000 * mean));
      const double p = mean_of(base);
      if (p > 0 && p < 1) {
        CHECK(close(compare.number(i, "person_sd"), std::sqrt(p * (1 - p))));
        CHECK(close(compare.number(i, "standardised"), mean / std::sqrt(p * (1 - p))));
      } else {
        CHECK(compare.at(i, "standardised").empty());
      }
    } else if (metric == "participants" || metric == "exposures") {
      CHECK(scale == "other");
      CHECK(compare.at(i, "points").empty());
      CHECK(compare.at(i, "standardised").empty());
    }
    // Spending: the baseline's, the arm's and the extra; a gain per million
    // only for extra spending.
    CHECK(close(compare.number(i, "baseline_spending"), base_spent));
    CHECK(close(compare.number(i, "spending"), spent.at(arm)));
    const double extra = spent.at(arm) - base_spent;
    CHECK(close(compare.number(i, "extra_spending"), extra));
    if (extra > 0)
      CHECK(close(compare.number(i, "gain_per_million"), mean / extra * 1e6));
    else
      CHECK(compare.at(i, "gain_per_million").empty());
  }

  // Only the none arm's shares of its (no) participants are undefined.
  CHECK(undefined == 2 * 2);  // marginalised share and role entropy, two windows

  // Ranks: within each metric, subject and window, only the arms whose 95%
  // interval lies wholly on the better side of zero are ranked, 1 for the
  // largest improvement; a loss or an interval across zero has none.
  const auto rows = index_rows(compare);
  const auto beats = [&](std::size_t i) {
    if (compare.at(i, "mean_difference").empty()) return false;
    return compare.at(i, "better") == "lower" ? compare.number(i, "ci_high") < 0
                                              : compare.number(i, "ci_low") > 0;
  };
  std::size_t ranked = 0, unranked = 0;
  std::set<std::string> directions;
  for (const auto& pair : pairs)
    for (const std::string w : {"final", "average"}) {
      INFO(pair + "|" + w);
      const auto e = rows.at("episodic|" + pair + "|" + w);
      const auto n = rows.at("none|" + pair + "|" + w);
      const std::string better = compare.at(e, "better");
      REQUIRE((better == "higher" || better == "lower"));
      CHECK(compare.at(n, "better") == better);
      directions.insert(compare.at(e, "metric") + ":" + better);
      const bool be = beats(e), bn = beats(n);
      ranked += be + bn;
      unranked += !be + !bn;
      if (!be) CHECK(compare.at(e, "rank").empty());
      if (!bn) CHECK(compare.at(n, "rank").empty());
      if (be && !bn) CHECK(compare.at(e, "rank") == "1");
      if (bn && !be) CHECK(compare.at(n, "rank") == "1");
      if (be && bn) {
        double de = compare.number(e, "mean_difference");
        double dn = compare.number(n, "mean_difference");
        if (better == "lower") de = -de, dn = -dn;
        CHECK(compare.at(e, "rank") == (de >= dn ? "1" : "2"));
        CHECK(compare.at(n, "rank") == (dn >= de ? "1" : "2"));
      }
    }
  // Both cases occur, so the rule is exercised both ways.
  CHECK(ranked > 0);
  CHECK(unranked > 0);
  for (const char* d : {"trusting_share:higher", "mean:higher", "political_space:higher",
                        "hostile_share:lower", "gap:lower", "bimodality:lower", "sd:lower"})
    CHECK(directions.count(d));
  // The terminal prints the headline rows only: about 20, aligned (the
  // last column is right-aligned, so every table line has one length), no
  // "nan", the direction stated.
  {
    std::istringstream table(r.out);
    std::vector<std::string> lines;
    for (std::string line; std::getline(table, line);)
      if (line.rfind("pp:", 0) != 0 && line.rfind("(", 0) != 0) lines.push_back(line);
    REQUIRE(lines.size() > 1);
    CHECK(lines.size() - 1 <= 20);
    CHECK(lines.size() - 1 < compare.rows.size());
    CHECK(lines[0].find("better") != std::string::npos);
    for (const auto& line : lines) {
      INFO(line);
      CHECK(line.size() == lines[0].size());
      CHECK(line.find("nan") == std::string::npos);
    }
    CHECK(r.out.find("--metric all prints every row") != std::string::npos);
  }

  // --baseline none --metric: the base, episodic and same_people against none, only the
  // named metrics. Reversing the pair negates the difference exactly.
  const auto b = run_detente("compare " + kScenario + kSmall +
                                 " -r 3 --baseline none --metric trusting_share "
                                 "--metric hostile_share --out '" +
                                 (dir / "vs_none").string() + "'",
                             dir);
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  const auto against_none = read_table(dir / "vs_none/compare.csv");
  std::set<std::string> arms, metrics, baselines;
  for (std::size_t i = 0; i < against_none.rows.size(); ++i) {
    arms.insert(against_none.at(i, "arm"));
    metrics.insert(against_none.at(i, "metric"));
    baselines.insert(against_none.at(i, "baseline"));
  }
  CHECK(arms == std::set<std::string>{"base", "episodic", "same_people"});
  CHECK(metrics == std::set<std::string>{"trusting_share", "hostile_share"});
  CHECK(baselines == std::set<std::string>{"none"});
  // Named metrics are printed whole, direction stated: 3 arms × 2 windows × 7 subjects × 2.
  std::size_t stated = 0;
  std::istringstream table(b.out);
  for (std::string line; std::getline(table, line);) {
    if (line.find(" hostile_share/") != std::string::npos) {
      CHECK(line.find(" lower ") != std::string::npos);
      ++stated;
    }
    if (line.find(" trusting_share/") != std::string::npos) {
      CHECK(line.find(" higher ") != std::string::npos);
      ++stated;
    }
  }
  CHECK(stated == against_none.rows.size());
  const auto reversed = index_rows(against_none);
  for (const std::string key : {"trusting_share|all|final", "hostile_share|north->south|average"}) {
    INFO(key);
    const auto i = reversed.at("base|" + key);
    const auto j = rows.at("none|" + key);
    CHECK(against_none.number(i, "mean_difference") == -compare.number(j, "mean_difference"));
  }
}

TEST_CASE("an arm that changes only an unused value differs from the base by exactly 0",
          "[compare][arms][crn]") {
  // An exchange programme reaches no audience, so its per-exposure price is
  // never used: the arm must reproduce the base draw for draw.
  const auto dir = scratch_dir("compare-crn");
  const auto file = dir / "routine_vs_episodic.yaml";
  // The arm goes first in `arms:`.
  std::string text = read_text(fs::path(DETENTE_SOURCE_DIR) / kScenario);
  const auto arms = text.find("\narms:\n");
  REQUIRE(arms != std::string::npos);
  text.insert(arms + 7,
              "  - name: unused\n"
              "    set: {interventions.exchange.cost.per_exposure: 7}\n");
  std::ofstream(file) << text;
  copy_baseline_beside(file);
  const auto r = run_detente(
      "compare '" + file.string() + "'" + kSmall + " -r 2 --out '" + (dir / "out").string() + "'",
      dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto compare = read_table(dir / "out/compare.csv");
  std::size_t checked = 0;
  for (std::size_t i = 0; i < compare.rows.size(); ++i) {
    if (compare.at(i, "arm") != "unused") continue;
    INFO(compare.at(i, "metric") + "/" + compare.at(i, "subject"));
    CHECK(compare.number(i, "mean_difference") == 0.0);
    CHECK(compare.number(i, "ci_low") == 0.0);
    CHECK(compare.number(i, "ci_high") == 0.0);
    ++checked;
  }
  CHECK(checked > 40);
  // The other arms still differ: the comparison is not trivially zero.
  const auto series = read_series(dir / "out/timeseries.csv");
  CHECK(series.at("unused|trusting_share|all") == series.at("base|trusting_share|all"));
  CHECK(series.at("unused|spending|all") == series.at("base|spending|all"));
  CHECK(series.at("episodic|trusting_share|all") != series.at("base|trusting_share|all"));
}

TEST_CASE("compare writes run.json: what made the folder", "[compare][provenance]") {
  const auto dir = scratch_dir("compare-run-json");
  const auto r = run_detente("compare " + kScenario + kSmall + " -r 2 --metric mean --out '" +
                                 (dir / "out").string() + "'",
                             dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto json = read_text(dir / "out/run.json");
  CHECK(json.find("\"command\": \"compare\"") != std::string::npos);
  // The command line as typed, the base's replicate seeds, the arms and the baseline.
  CHECK(json.find("compare scenarios/routine_vs_episodic.yaml --quiet --threads 2") !=
        std::string::npos);
  CHECK(json.find("\"replicates\": 2") != std::string::npos);
  CHECK(json.find("\"threads\": 2") != std::string::npos);
  CHECK(json.find("\"arms\": [\n    \"base\",\n    \"episodic\",\n    \"same_people\",\n    "
                  "\"none\"\n  ]") != std::string::npos);
  CHECK(json.find("\"baseline\": \"base\"") != std::string::npos);
  CHECK(json.find("\"seed\": 20261128") != std::string::npos);
  CHECK(json.find("\"wall_seconds\"") != std::string::npos);
}

TEST_CASE("compare refuses a metric the run will not produce before it runs", "[compare][input]") {
  const auto dir = scratch_dir("compare-bad-metric");
  const auto out = dir / "out";
  const auto typo = run_detente(
      "compare " + kScenario + kSmall + " -r 2 --metric trustng_share --out '" + out.string() + "'",
      dir);
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Catch::Contains("--metric trustng_share: expected a metric this run "
                                       "records (mean, median, p10") &&
                           Catch::Contains("did you mean \"trusting_share\"?"));
  CHECK(!fs::exists(out));
  const auto spending = run_detente(
      "compare " + kScenario + kSmall + " -r 2 --metric spending --out '" + out.string() + "'",
      dir);
  CHECK(spending.exit_code == 2);
  CHECK_THAT(spending.err, Catch::Contains("--metric spending: spending is not compared as an "
                                           "outcome"));
  CHECK(!fs::exists(out));
  // `all` prints every row.
  const auto all = run_detente(
      "compare " + kScenario + kSmall + " -r 2 --metric all --out '" + out.string() + "'", dir);
  REQUIRE(all.exit_code == 0);
  const auto compare = read_table(out / "compare.csv");
  std::size_t lines = 0;
  std::istringstream text(all.out);
  for (std::string line; std::getline(text, line);)
    ++lines;
  CHECK(lines == compare.rows.size() + 2);  // the header and the legend
}

TEST_CASE("a declared headline leads the terminal table", "[compare][headline]") {
  const auto dir = scratch_dir("compare-headline");
  const auto file = dir / "routine_vs_episodic.yaml";
  std::string text = read_text(fs::path(DETENTE_SOURCE_DIR) / kScenario);
  const std::string shipped = "  headline: [mean/all, trusting_share/all]\n";
  const auto at = text.find(shipped);
  REQUIRE(at != std::string::npos);
  text.replace(at, shipped.size(), "  headline: [hostile_share/south->north, gap]\n");
  std::ofstream(file) << text;
  copy_baseline_beside(file);
  const auto r = run_detente(
      "compare '" + file.string() + "'" + kSmall + " -r 2 --out '" + (dir / "out").string() + "'",
      dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::istringstream table(r.out);
  std::vector<std::string> outcomes;
  std::string line;
  std::getline(table, line);  // header
  while (std::getline(table, line) && line.rfind("pp:", 0) != 0) {
    std::istringstream words(line);
    std::string arm, outcome;
    words >> arm >> outcome;
    outcomes.push_back(outcome);
  }
  // Three arms × two windows of each declared outcome, in the declared order.
  std::vector<std::string> expected(6, "hostile_share/south->north");
  expected.insert(expected.end(), 6, "gap/all");
  CHECK(outcomes == expected);
  // An unknown outcome is refused where it is written.
  std::string bad = read_text(file);
  bad.replace(bad.find("gap]"), 4, "gpa]");
  std::ofstream(file) << bad;
  const auto refused = run_detente("check '" + file.string() + "'", dir);
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("outputs.headline[1]: expected a metric, or "
                                          "metric/subject, got \"gpa\"") &&
                              Catch::Contains("did you mean \"gap\"?"));
}

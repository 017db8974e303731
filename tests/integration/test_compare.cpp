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
const std::string kSmall =
    " --quiet --threads 2 --set population.groups.north.size=300 "
    "--set population.groups.south.size=300 --set steps=52";

const std::vector<std::string> kCompareHeader = {
    "arm",    "baseline", "metric",      "subject",  "window",           "mean_difference",
    "ci_low", "ci_high",  "glass_delta", "spending", "gain_per_million", "better",
    "rank",   "n"};

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
  for (const std::string arm : {"episodic", "none"})
    for (const auto& pair : pairs)
      for (const std::string w : {"final", "average"})
        expected.push_back(arm + "|" + pair + "|" + w);
  for (std::size_t i = 0; i < compare.rows.size(); ++i)
    got.push_back(compare.at(i, "arm") + "|" + compare.at(i, "metric") + "|" +
                  compare.at(i, "subject") + "|" + compare.at(i, "window"));
  CHECK(got == expected);

  // Spending: the arm's mean final total; the none arm spends nothing.
  const double episodic_spent = mean_of(window(series.at("episodic|spending|all"), true));
  REQUIRE(episodic_spent > 0);
  CHECK(mean_of(window(series.at("none|spending|all"), true)) == 0.0);

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
    if (sd_of(base) > 0)
      CHECK(close(compare.number(i, "glass_delta"), mean_of(d) / sd_of(base)));
    else
      CHECK(compare.at(i, "glass_delta").empty());
    if (arm == "episodic") {
      CHECK(close(compare.number(i, "spending"), episodic_spent));
      CHECK(close(compare.number(i, "gain_per_million"), mean / episodic_spent * 1e6));
    } else {
      CHECK(compare.number(i, "spending") == 0.0);
      CHECK(compare.at(i, "gain_per_million").empty());
    }
  }

  // Only the none arm's shares of its (no) participants are undefined.
  CHECK(undefined == 2 * 2);  // marginalised share and role entropy, two windows

  // Ranks: within each metric, subject and window, rank 1 is the arm whose
  // difference is best in the metric's direction.
  const auto rows = index_rows(compare);
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
      if (compare.at(n, "mean_difference").empty()) {
        CHECK(compare.at(e, "rank") == "1");
        continue;
      }
      double de = compare.number(e, "mean_difference"), dn = compare.number(n, "mean_difference");
      if (better == "lower") de = -de, dn = -dn;
      CHECK(compare.at(e, "rank") == (de >= dn ? "1" : "2"));
      CHECK(compare.at(n, "rank") == (dn >= de ? "1" : "2"));
    }
  for (const char* d : {"trusting_share:higher", "mean:higher", "political_space:higher",
                        "hostile_share:lower", "gap:lower", "bimodality:lower", "sd:lower"})
    CHECK(directions.count(d));
  // The terminal table states the direction too.
  CHECK(r.out.substr(0, r.out.find('\n')).find("better") != std::string::npos);
  std::size_t stated = 0;
  std::istringstream table(r.out);
  for (std::string line; std::getline(table, line);) {
    if (line.find(" hostile_share/all ") != std::string::npos) {
      CHECK(line.find(" lower ") != std::string::npos);
      ++stated;
    }
    if (line.find(" trusting_share/all ") != std::string::npos) {
      CHECK(line.find(" higher ") != std::string::npos);
      ++stated;
    }
  }
  CHECK(stated == 2 * 2 * 2);  // two arms × two windows × two metrics

  // --baseline none --metric: the base and episodic against none, only the
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
  CHECK(arms == std::set<std::string>{"base", "episodic"});
  CHECK(metrics == std::set<std::string>{"trusting_share", "hostile_share"});
  CHECK(baselines == std::set<std::string>{"none"});
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
  std::ofstream(file) << read_text(fs::path(DETENTE_SOURCE_DIR) / kScenario)
                      << "  - name: unused\n"
                         "    set: {interventions.exchange.cost.per_exposure: 7}\n";
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

#include <tbb/global_control.h>
#include <tbb/task_arena.h>
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "fixtures.hpp"
#include "metrics/metrics.hpp"

using detente::CrossTies;
using detente::Population;
using detente::metrics::MetricInput;
using detente::metrics::MetricRow;
using detente::metrics::record_metrics;

namespace {

// Everything record_metrics reads besides the population, with no ties.
template <class Real>
struct Inputs {
  detente::scenario::Outputs outputs;  // θ = 0.6, hostile 0.3
  std::vector<std::uint16_t> positive, any;
  CrossTies ties;
  std::vector<std::uint64_t> backlash;
  std::vector<std::uint64_t> good, bad;  // meeting verdicts per group

  MetricInput<Real> for_population(const Population<Real>& p) {
    positive.resize(p.size(), 0);
    any.resize(p.size(), 0);
    if (backlash.empty()) backlash.assign(p.groups(), 0);
    MetricInput<Real> in;
    in.population = &p;
    in.outputs = &outputs;
    in.positive_ties = positive;
    in.any_ties = any;
    in.ties = &ties;
    in.positive_tie_threshold = 0.6;
    in.backlash_per_group = backlash;
    in.good_verdicts = good;
    in.bad_verdicts = bad;
    return in;
  }
};

using Table = std::map<std::pair<std::string, std::string>, double>;

Table as_table(const std::vector<MetricRow>& rows) {
  Table t;
  for (const auto& r : rows)
    t[{r.metric, r.subject}] = r.value;
  return t;
}

// north → south: 0.5 0.1 0.4 0.2 0.3;  south → north: 0.9 0.6 0.7 0.8.
Population<double> two_groups() {
  return detente::test::make_population<double>(
      {"north", "south"}, {{{}, {0.5, 0.1, 0.4, 0.2, 0.3}}, {{0.9, 0.6, 0.7, 0.8}, {}}});
}

}  // namespace

TEST_CASE("trust statistics of a hand-made population", "[metrics]") {
  const auto p = two_groups();
  Inputs<double> inputs;
  std::vector<MetricRow> rows;
  record_metrics(inputs.for_population(p), 7, rows);
  auto t = as_table(rows);
  for (const auto& r : rows)
    CHECK(r.step == 7);

  // Sorted 0.1 … 0.5: p10 at h = 0.4, p90 at h = 3.6.
  CHECK(t[{"mean", "north->south"}] == Approx(0.3).margin(1e-12));
  CHECK(t[{"median", "north->south"}] == Approx(0.3).margin(1e-12));
  CHECK(t[{"p10", "north->south"}] == Approx(0.14).margin(1e-12));
  CHECK(t[{"p90", "north->south"}] == Approx(0.46).margin(1e-12));
  CHECK(t[{"sd", "north->south"}] == Approx(std::sqrt(0.02)).margin(1e-12));
  CHECK(t[{"trusting_share", "north->south"}] == 0.0);
  CHECK(t[{"hostile_share", "north->south"}] == Approx(3.0 / 5));  // 0.1, 0.2, 0.3 (≤ is inclusive)

  // Sorted 0.6 … 0.9: the median of an even count averages the middle two.
  CHECK(t[{"mean", "south->north"}] == Approx(0.75).margin(1e-12));
  CHECK(t[{"median", "south->north"}] == Approx(0.75).margin(1e-12));
  CHECK(t[{"p10", "south->north"}] == Approx(0.63).margin(1e-12));
  CHECK(t[{"p90", "south->north"}] == Approx(0.87).margin(1e-12));
  CHECK(t[{"sd", "south->north"}] == Approx(std::sqrt(0.0125)).margin(1e-12));
  CHECK(t[{"trusting_share", "south->north"}] == 1.0);  // 0.6 counts: ≥ is inclusive
  CHECK(t[{"hostile_share", "south->north"}] == 0.0);

  // All nine values pooled: 0.1 … 0.9.
  CHECK(t[{"mean", "all"}] == Approx(0.5).margin(1e-12));
  CHECK(t[{"median", "all"}] == Approx(0.5).margin(1e-12));
  CHECK(t[{"p10", "all"}] == Approx(0.18).margin(1e-12));
  CHECK(t[{"p90", "all"}] == Approx(0.82).margin(1e-12));
  CHECK(t[{"sd", "all"}] == Approx(std::sqrt(0.6 / 9)).margin(1e-12));
  CHECK(t[{"trusting_share", "all"}] == Approx(4.0 / 9));
  CHECK(t[{"hostile_share", "all"}] == Approx(3.0 / 9));

  CHECK(t[{"gap", "all"}] == Approx(0.45).margin(1e-12));
  CHECK(t[{"political_space", "all"}] == 0.0);  // north trusts nobody
}

TEST_CASE("rows come in the documented order", "[metrics]") {
  const auto p = two_groups();
  Inputs<double> inputs;
  std::vector<MetricRow> rows = {{0, "earlier", "row", 1.0}};  // appended to, not replaced
  record_metrics(inputs.for_population(p), 3, rows);

  std::vector<std::pair<std::string, std::string>> expected = {{"earlier", "row"}};
  for (const char* m :
       {"mean", "median", "p10", "p90", "sd", "trusting_share", "hostile_share", "bimodality"})
    for (const char* s : {"north->south", "south->north", "all"})
      expected.emplace_back(m, s);
  expected.emplace_back("gap", "all");
  expected.emplace_back("political_space", "all");
  for (const char* m :
       {"cross_tie_share", "positive_tie_share", "backlash_events", "positive_meeting_share"})
    for (const char* s : {"north", "south", "all"})
      expected.emplace_back(m, s);
  expected.emplace_back("cross_ties", "all");
  expected.emplace_back("positive_cross_ties", "all");

  REQUIRE(rows.size() == expected.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(rows[i].metric == expected[i].first);
    CHECK(rows[i].subject == expected[i].second);
  }
}

TEST_CASE("bimodality: 5/9 for a uniform grid, 1 for two points, 0 for a constant", "[metrics]") {
  std::vector<double> grid, two_point, constant;
  for (int k = 0; k <= 10000; ++k)
    grid.push_back(k / 10000.0);
  for (int k = 0; k < 10; ++k)
    two_point.push_back(k < 3 ? 0.2 : 0.8);  // unequal weights
  constant.assign(10, 0.4);
  const auto p = detente::test::make_population<double>({"a", "b"}, {{{}, grid}, {two_point, {}}});
  Inputs<double> inputs;
  std::vector<MetricRow> rows;
  record_metrics(inputs.for_population(p), 0, rows);
  auto t = as_table(rows);
  CHECK(t[{"bimodality", "a->b"}] == Approx(5.0 / 9).margin(1e-3));
  CHECK(t[{"bimodality", "b->a"}] == Approx(1.0).margin(1e-12));

  const auto q =
      detente::test::make_population<double>({"a", "b"}, {{{}, constant}, {constant, {}}});
  rows.clear();
  record_metrics(inputs.for_population(q), 0, rows);
  t = as_table(rows);
  CHECK(t[{"bimodality", "all"}] == 0.0);
  CHECK(t[{"sd", "all"}] == 0.0);
}

TEST_CASE("political space is the least trusting group, pooled over its out-groups", "[metrics]") {
  // a → b: 2 of 4 trusting, a → c: 1 of 4  ⇒ a: 3/8
  // b → a: 3 of 3,          b → c: 0 of 3  ⇒ b: 3/6
  // c → a: 1 of 2,          c → b: 1 of 2  ⇒ c: 2/4
  const auto p = detente::test::make_population<double>(
      {"a", "b", "c"}, {{{}, {0.9, 0.7, 0.1, 0.2}, {0.65, 0.1, 0.2, 0.3}},
                        {{0.6, 0.8, 0.9}, {}, {0.1, 0.2, 0.5}},
                        {{0.7, 0.5}, {0.1, 0.95}, {}}});
  Inputs<double> inputs;
  std::vector<MetricRow> rows;
  record_metrics(inputs.for_population(p), 0, rows);
  auto t = as_table(rows);
  CHECK(t[{"political_space", "all"}] == Approx(3.0 / 8));
  CHECK(t.count({"gap", "all"}) == 0);  // only defined for two groups
  CHECK(t.count({"mean", "c->b"}) == 1);
  CHECK(t[{"trusting_share", "all"}] == Approx(8.0 / 18));

  // Raising a's trust toward c moves the minimum to the next group.
  auto q = p;
  for (std::size_t i = 0; i < 4; ++i)
    q.trust[2][i] = 0.99;  // a → c: 4 of 4 ⇒ a: 6/8
  rows.clear();
  record_metrics(inputs.for_population(q), 0, rows);
  CHECK(as_table(rows)[{"political_space", "all"}] == Approx(0.5));
}

TEST_CASE("tie and backlash metrics per group and overall", "[metrics]") {
  const auto p = two_groups();  // north: agents 0–4, south: 5–8
  Inputs<double> inputs;
  inputs.any = {1, 0, 2, 0, 0, 3, 1, 1, 0};
  inputs.positive = {1, 0, 0, 0, 0, 2, 0, 1, 0};
  inputs.ties.a = {0, 2, 2, 5};
  inputs.ties.b = {5, 6, 7, 5};
  inputs.ties.strength = {0.7f, 0.5f, 0.65f, 0.2f};
  inputs.backlash = {3, 5};
  inputs.good = {3, 0};  // north judged 3 of 4 meetings good; south has not met yet
  inputs.bad = {1, 0};
  std::vector<MetricRow> rows;
  record_metrics(inputs.for_population(p), 0, rows);
  auto t = as_table(rows);
  CHECK(t[{"cross_tie_share", "north"}] == Approx(2.0 / 5));
  CHECK(t[{"cross_tie_share", "south"}] == Approx(3.0 / 4));
  CHECK(t[{"cross_tie_share", "all"}] == Approx(5.0 / 9));
  CHECK(t[{"positive_tie_share", "north"}] == Approx(1.0 / 5));
  CHECK(t[{"positive_tie_share", "south"}] == Approx(2.0 / 4));
  CHECK(t[{"positive_tie_share", "all"}] == Approx(3.0 / 9));
  CHECK(t[{"backlash_events", "north"}] == 3.0);
  CHECK(t[{"backlash_events", "south"}] == 5.0);
  CHECK(t[{"backlash_events", "all"}] == 8.0);
  CHECK(t[{"positive_meeting_share", "north"}] == 0.75);
  CHECK(std::isnan(t[{"positive_meeting_share", "south"}]));  // no verdict yet
  CHECK(t[{"positive_meeting_share", "all"}] == 0.75);
  CHECK(t[{"cross_ties", "all"}] == 4.0);
  CHECK(t[{"positive_cross_ties", "all"}] == 2.0);  // 0.7 and 0.65 reach 0.6

  MetricInput<double> no_ties = inputs.for_population(p);
  no_ties.ties = nullptr;
  no_ties.backlash_per_group = {};
  rows.clear();
  record_metrics(no_ties, 0, rows);
  t = as_table(rows);
  CHECK(t[{"cross_ties", "all"}] == 0.0);
  CHECK(t[{"backlash_events", "all"}] == 0.0);
}

TEST_CASE("float populations give the same statistics as the reference", "[metrics]") {
  // Values exactly representable in float, so thresholds compare as in double.
  const auto p = detente::test::make_population<float>(
      {"north", "south"}, {{{}, {0.25, 0.5, 0.75, 1.0}}, {{0.0, 0.625, 0.3125}, {}}});
  Inputs<float> inputs;
  std::vector<MetricRow> rows;
  record_metrics(inputs.for_population(p), 0, rows);
  auto t = as_table(rows);
  const std::vector<double> all = {0.25, 0.5, 0.75, 1.0, 0.0, 0.625, 0.3125};
  CHECK(t[{"median", "all"}] == detente::test::reference_percentile(all, 0.5));
  CHECK(t[{"p10", "all"}] == detente::test::reference_percentile(all, 0.1));
  CHECK(t[{"p90", "all"}] == detente::test::reference_percentile(all, 0.9));
  CHECK(t[{"mean", "north->south"}] == 0.625);
  CHECK(t[{"trusting_share", "all"}] == Approx(3.0 / 7));  // 0.625, 0.75, 1.0
}

TEST_CASE("recorded metrics are bitwise identical at any thread count", "[metrics]") {
  const auto p = detente::test::random_population<float>({250000, 150000, 100000}, 5);
  Inputs<float> inputs;
  inputs.any.resize(p.size());
  inputs.positive.resize(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    inputs.any[i] = static_cast<std::uint16_t>(i % 3);
    inputs.positive[i] = static_cast<std::uint16_t>(i % 5 == 0);
  }
  const auto run = [&](int threads) {
    // Allow more threads than cores, so that every count really runs.
    tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    tbb::task_arena arena(threads);
    std::vector<MetricRow> rows;
    arena.execute([&] { record_metrics(inputs.for_population(p), 0, rows); });
    return rows;
  };
  const auto one = run(1);
  for (int threads : {2, 4}) {
    const auto many = run(threads);
    REQUIRE(many.size() == one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      CHECK(many[i].metric == one[i].metric);
      CHECK(many[i].subject == one[i].subject);
      CHECK(std::bit_cast<std::uint64_t>(many[i].value) ==
            std::bit_cast<std::uint64_t>(one[i].value));
    }
  }
}

TEST_CASE("inconsistent input is refused", "[metrics]") {
  const auto p = two_groups();
  Inputs<double> inputs;
  auto in = inputs.for_population(p);
  std::vector<MetricRow> rows;

  auto short_ties = in;
  short_ties.any_ties = short_ties.any_ties.first(3);
  CHECK_THROWS_AS(record_metrics(short_ties, 0, rows), std::invalid_argument);

  auto bad_backlash = in;
  const std::vector<std::uint64_t> three = {1, 2, 3};
  bad_backlash.backlash_per_group = three;
  CHECK_THROWS_WITH(record_metrics(bad_backlash, 0, rows),
                    Catch::Contains("backlash_per_group needs one entry per group"));

  auto bad_verdicts = in;
  bad_verdicts.good_verdicts = three;
  bad_verdicts.bad_verdicts = three;
  CHECK_THROWS_WITH(record_metrics(bad_verdicts, 0, rows),
                    Catch::Contains("verdicts need one entry per group"));
  auto unpaired = in;
  unpaired.good_verdicts = three;
  CHECK_THROWS_AS(record_metrics(unpaired, 0, rows), std::invalid_argument);

  auto no_population = in;
  no_population.population = nullptr;
  CHECK_THROWS_AS(record_metrics(no_population, 0, rows), std::invalid_argument);
}

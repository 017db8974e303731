// leader_room (metrics/leader_metrics.hpp): the share of a group's leaders
// whose public supports compromise as much as their stance needs.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "metrics/leader_metrics.hpp"
#include "metrics/metric_table.hpp"

using namespace detente;

namespace {

// 10 members a side; `trusting_north` of the north's members trust the south
// (0.7), the rest do not (0.3); all southerners trust the north at 0.7.
Population<double> publics(int trusting_north) {
  std::vector<double> north(10, 0.3), south(10, 0.7);
  for (int k = 0; k < trusting_north; ++k)
    north[k] = 0.7;
  return test::make_population<double>({"north", "south"}, {{{}, north}, {south, {}}});
}

// subject → leader_room, for two leaders a side with the given stances toward the other side.
std::map<std::string, double> room(const Population<double>& pop, std::vector<double> north,
                                   std::vector<double> south, double needed = 0.2) {
  // [(g·2 + k)·2 + h]: seat k of group g, toward h (own group 0).
  const std::vector<double> stance = {0, north[0], 0, north[1], south[0], 0, south[1], 0};
  metrics::LeaderMetricInput<double> in;
  in.population = &pop;
  in.support_needed = needed;
  in.per_group = 2;
  in.stance = stance;
  std::vector<metrics::MetricRow> rows;
  metrics::record_leader_metrics(in, 4, rows);
  std::map<std::string, double> out;
  for (const auto& r : rows) {
    CHECK(r.metric == metrics::name(metrics::Metric::leader_room));
    CHECK(r.step == 4);
    out[r.subject] = r.value;
  }
  REQUIRE(out.size() == 3);
  return out;
}

}  // namespace

TEST_CASE("leader_room rises with the public's support for compromise", "[metrics][leaders]") {
  // Stances 0.5 (needs 0.1 support) and 0 (needs 0.2), on each side.
  const std::vector<double> stances = {0.5, 0.0};
  auto none = room(publics(0), stances, stances);
  CHECK(none.at("north") == 0.0);
  CHECK(none.at("south") == 1.0);  // every southerner trusts the north
  CHECK(none.at("all") == 0.0);    // the smaller side's
  auto some = room(publics(1), stances, stances);
  CHECK(some.at("north") == 0.5);  // 10% support: enough for the dove only
  CHECK(some.at("all") == 0.5);
  auto more = room(publics(2), stances, stances);
  CHECK(more.at("north") == 1.0);  // 20%: enough for both
  CHECK(more.at("all") == 1.0);
}

TEST_CASE("leader_room: a dovish stance needs less support", "[metrics][leaders]") {
  const auto pop = publics(1);                                   // 10% of the north trusting
  CHECK(room(pop, {0.2, 0.2}, {0.5, 0.5}).at("north") == 0.0);   // needs 0.16
  CHECK(room(pop, {0.6, 0.2}, {0.5, 0.5}).at("north") == 0.5);   // one needs 0.08
  CHECK(room(pop, {0.9, 0.95}, {0.5, 0.5}).at("north") == 1.0);  // both need ≤ 0.02
  // A larger need closes the room again.
  CHECK(room(pop, {0.6, 0.6}, {0.5, 0.5}, 0.5).at("north") == 0.0);
}

TEST_CASE("leader_room refuses inconsistent input", "[metrics][leaders]") {
  const auto pop = publics(0);
  metrics::LeaderMetricInput<double> in;
  std::vector<metrics::MetricRow> rows;
  CHECK_THROWS_AS(metrics::record_leader_metrics(in, 0, rows), std::invalid_argument);
  in.population = &pop;
  in.per_group = 2;
  const std::vector<double> short_stances(3, 0.5);
  in.stance = short_stances;
  CHECK_THROWS_AS(metrics::record_leader_metrics(in, 0, rows), std::invalid_argument);
}

// The classic models' outcomes: clusters, major clusters, share of 1s, and
// Axelrod's cultural regions.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "metrics/opinion_metrics.hpp"

using namespace detente;
using metrics::count_clusters;

namespace {

std::map<std::string, double> by_key(const std::vector<metrics::MetricRow>& rows) {
  std::map<std::string, double> out;
  for (const auto& r : rows)
    out[r.metric + "/" + r.subject] = r.value;
  return out;
}

}  // namespace

TEST_CASE("clusters split the sorted opinions at gaps larger than the cluster gap",
          "[metrics][clusters]") {
  CHECK(count_clusters({}, 1e-3).clusters == 0);
  const std::vector<double> one = {0.5};
  CHECK(count_clusters(one, 1e-3).clusters == 1);
  // Gaps of exactly the cluster gap stay inside a cluster; larger ones split.
  const std::vector<double> x = {0.0, 0.25, 0.5, 0.8, 0.8000001, 1.0};
  CHECK(count_clusters(x, 0.25).clusters == 2);  // only 0.5 → 0.8 is wider than 0.25
  CHECK(count_clusters(x, 0.31).clusters == 1);
  CHECK(count_clusters(x, 1e-3).clusters == 5);
}

TEST_CASE("major clusters hold more than 1% of the agents", "[metrics][clusters]") {
  // 200 values: 1% is 2, so a cluster needs 3 or more to be major.
  std::vector<double> x;
  x.insert(x.end(), 150, 0.2);
  x.insert(x.end(), 45, 0.6);
  x.insert(x.end(), 3, 0.8);
  x.insert(x.end(), 2, 0.9);
  const auto c = count_clusters(x, 1e-3);
  CHECK(c.clusters == 4);
  CHECK(c.major == 3);
}

TEST_CASE("opinion metrics: `all` for one group, each group and `all` for several",
          "[metrics][opinion]") {
  const std::vector<std::string> one_name = {"everyone"};
  const std::vector<std::uint32_t> one_range = {0, 4};
  const std::vector<float> x = {0.0f, 1.0f, 1.0f, 1.0f};
  metrics::OpinionInput<float> input;
  input.group_names = one_name;
  input.group_begin = one_range;
  input.opinion = x;
  input.binary = true;
  std::vector<metrics::MetricRow> rows;
  metrics::record_opinion_metrics(input, 7, rows);
  for (const auto& r : rows) {
    CHECK(r.subject == "all");
    CHECK(r.step == 7);
  }
  auto m = by_key(rows);
  CHECK(m.at("mean/all") == 0.75);
  CHECK(m.at("share_one/all") == 0.75);
  CHECK(m.at("clusters/all") == 2);
  CHECK(m.at("major_clusters/all") == 2);

  const std::vector<std::string> two_names = {"left", "right"};
  const std::vector<std::uint32_t> two_ranges = {0, 1, 4};
  input.group_names = two_names;
  input.group_begin = two_ranges;
  input.binary = false;
  rows.clear();
  metrics::record_opinion_metrics(input, 0, rows);
  m = by_key(rows);
  CHECK(m.at("mean/left") == 0.0);
  CHECK(m.at("mean/right") == 1.0);
  CHECK(m.at("clusters/right") == 1);
  CHECK(m.at("clusters/all") == 2);
  CHECK(m.count("share_one/all") == 0);
  CHECK(rows.front().metric == "mean");
  CHECK(rows.front().subject == "left");
}

TEST_CASE("cultural regions are connected components of identical neighbours",
          "[metrics][culture]") {
  // A 2×2 grid 0-1 / 2-3 with cultures A A / B A (two features each).
  SocialNetwork grid;
  grid.offsets = {0, 2, 4, 6, 8};
  grid.neighbours = {1, 2, 0, 3, 0, 3, 1, 2};
  const std::vector<std::uint16_t> culture = {1, 1, 1, 1, 2, 2, 1, 1};
  std::vector<metrics::MetricRow> rows;
  metrics::record_culture_metrics({culture, 2, &grid}, 3, rows);
  auto m = by_key(rows);
  CHECK(m.at("regions/all") == 2);
  CHECK(m.at("cultures/all") == 2);
  CHECK(m.at("largest_region/all") == 0.75);
  // Same culture apart, in a row 0-1-2 with A B A: two regions of A.
  SocialNetwork row;
  row.offsets = {0, 1, 3, 4};
  row.neighbours = {1, 0, 2, 1};
  const std::vector<std::uint16_t> aba = {1, 1, 2, 2, 1, 1};
  rows.clear();
  metrics::record_culture_metrics({aba, 2, &row}, 0, rows);
  m = by_key(rows);
  CHECK(m.at("regions/all") == 3);
  CHECK(m.at("cultures/all") == 2);
  // On the complete graph every culture is one region.
  rows.clear();
  metrics::record_culture_metrics({aba, 2, nullptr}, 0, rows);
  CHECK(by_key(rows).at("regions/all") == 2);
}

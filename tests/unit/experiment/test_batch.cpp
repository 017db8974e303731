// Runs in parallel give the same outputs as one at a time, in request order.
#include <catch2/catch.hpp>
#include <cstring>

#include "core/rng.hpp"
#include "experiment/batch.hpp"
#include "experiment/run_codec.hpp"

using namespace detente;

namespace {

scenario::Scenario tiny() {
  scenario::Scenario s;
  s.name = "tiny";
  s.seed = 5;
  s.steps = 12;
  for (const char* name : {"north", "south"}) {
    scenario::Group g;
    g.name = name;
    g.size = 300;
    g.trust = {scenario::Distribution::Kind::uniform, 0.5, 0.2, 0.8};
    s.population.groups.push_back(g);
  }
  s.network.between.mean_degree = 1.0;
  s.outputs.every = 4;
  return s;
}

bool same_bits(const std::vector<metrics::MetricRow>& a, const std::vector<metrics::MetricRow>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].step != b[i].step || a[i].metric != b[i].metric || a[i].subject != b[i].subject ||
        std::memcmp(&a[i].value, &b[i].value, sizeof(double)) != 0)
      return false;
  return true;
}

}  // namespace

TEST_CASE("parallel runs match sequential runs at any thread count", "[experiment][batch]") {
  const auto s = tiny();
  std::vector<RunSpec> runs;
  for (int r = 0; r < 5; ++r)
    runs.push_back({0, "base", r, &s});
  std::vector<RunOutput> one_by_one;
  {
    const ThreadLimit limit(1);
    for (const auto& run : runs)
      one_by_one.push_back(execute_run(run));
  }
  for (const int threads : {1, 2, 4}) {
    const ThreadLimit limit(threads);
    SingleProcess here;
    Progress quiet("", runs.size(), false);
    const auto outputs = execute_runs(runs, here, quiet);
    REQUIRE(outputs.size() == runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
      INFO("threads " << threads << ", run " << i);
      CHECK(outputs[i].seed == replicate_seed(s.seed, static_cast<std::uint32_t>(i)));
      CHECK(same_bits(outputs[i].rows, one_by_one[i].rows));
    }
  }
  // Replicates differ from one another (the seeds are used).
  CHECK_FALSE(same_bits(one_by_one[0].rows, one_by_one[1].rows));
}

TEST_CASE("outputs survive encoding for MPI bit for bit", "[experiment][batch]") {
  RunOutput o;
  o.seed = 0xDEADBEEFCAFEF00Dull;
  o.wall_seconds = 1.25;
  o.rows = {{0, "mean", "north->south", 0.1 / 3.0}, {4, "gap", "all", -0.0}};
  const auto decoded = decode_outputs(encode_outputs({{7, o}, {2, o}}));
  REQUIRE(decoded.size() == 2);
  CHECK(decoded[0].first == 7);
  CHECK(decoded[1].second.seed == o.seed);
  CHECK(same_bits(decoded[0].second.rows, o.rows));
  CHECK_THROWS(decode_outputs(encode_outputs({{7, o}}).substr(0, 20)));
}

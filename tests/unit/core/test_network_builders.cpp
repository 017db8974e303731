// Generated networks: structure, degree statistics, cross-group ties and
// reproducibility.
#include <tbb/global_control.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/errors.hpp"
#include "core/network_builders.hpp"
#include "test_network_checks.hpp"

namespace {

using detente::AgentId;
using detente::generate_network;
using detente::Streams;
using detente::scenario::NetworkModel;

detente::scenario::Network spec_of(NetworkModel model, double k, double rewire = 0.1) {
  detente::scenario::Network spec;
  spec.within.model = model;
  spec.within.mean_degree = k;
  spec.within.rewire = rewire;
  spec.between.mean_degree = 0.0;
  return spec;
}

std::vector<std::uint64_t> degrees(const detente::SocialNetwork& net) {
  std::vector<std::uint64_t> d(net.agents());
  for (AgentId i = 0; i < net.agents(); ++i)
    d[i] = net.offsets[i + 1] - net.offsets[i];
  return d;
}

double mean(const std::vector<std::uint64_t>& x) {
  return static_cast<double>(std::accumulate(x.begin(), x.end(), std::uint64_t{0})) /
         static_cast<double>(x.size());
}

double variance(const std::vector<std::uint64_t>& x) {
  const double m = mean(x);
  double s = 0;
  for (auto v : x)
    s += (static_cast<double>(v) - m) * (static_cast<double>(v) - m);
  return s / static_cast<double>(x.size() - 1);
}

// Mean local clustering coefficient (agents of degree < 2 count as 0).
double clustering(const detente::SocialNetwork& net) {
  double total = 0;
  for (AgentId i = 0; i < net.agents(); ++i) {
    const auto row = net.row(i);
    if (row.size() < 2) continue;
    std::size_t closed = 0;
    for (std::size_t x = 0; x < row.size(); ++x)
      for (std::size_t y = x + 1; y < row.size(); ++y)
        closed += detente::test::has_edge(net, row[x], row[y]) ? 1 : 0;
    total += 2.0 * static_cast<double>(closed) / static_cast<double>(row.size() * (row.size() - 1));
  }
  return total / static_cast<double>(net.agents());
}

std::uint64_t ring_distance(AgentId i, AgentId j, std::uint64_t n) {
  const std::uint64_t d = i > j ? i - j : j - i;
  return std::min(d, n - d);
}

const std::vector<std::uint32_t> kOneGroup = {0, 2000};

}  // namespace

TEST_CASE("complete graphs join every pair of a group") {
  const std::vector<std::uint32_t> groups = {0, 50, 80};
  const auto net = generate_network(spec_of(NetworkModel::complete, 0), groups, Streams(1, 0));
  detente::test::check_csr(net.social, groups);
  for (AgentId i = 0; i < 80; ++i) {
    const auto g = detente::test::group_of(groups, i);
    CHECK(net.social.offsets[i + 1] - net.social.offsets[i] == groups[g + 1] - groups[g] - 1);
  }
  CHECK(net.cross.size() == 0);
}

TEST_CASE("ring lattices join each agent to its k/2 nearest on each side") {
  const auto net =
      generate_network(spec_of(NetworkModel::ring_lattice, 10), kOneGroup, Streams(1, 0));
  detente::test::check_csr(net.social, kOneGroup);
  for (AgentId i = 0; i < 2000; ++i) {
    REQUIRE(net.social.row(i).size() == 10);
    for (AgentId j : net.social.row(i))
      CHECK(ring_distance(i, j, 2000) <= 5);
  }
  // An odd degree is rounded to the even one above.
  const auto odd =
      generate_network(spec_of(NetworkModel::ring_lattice, 5), kOneGroup, Streams(1, 0));
  CHECK(odd.social.edges() == 2000 * 6);
}

TEST_CASE("Erdos-Renyi graphs have exactly round(N k / 2) distinct edges") {
  const auto net =
      generate_network(spec_of(NetworkModel::erdos_renyi, 10), kOneGroup, Streams(7, 0));
  detente::test::check_csr(net.social, kOneGroup);
  // check_csr finds no repeats or self-loops, so the count is of distinct pairs.
  CHECK(net.social.edges() == 2 * 10000);
  // Degrees are binomial(N − 1, k/(N − 1)): variance k(1 − k/(N−1)) ≈ 9.95.
  // The sample variance over 2000 agents has a relative sd of about 3.5%.
  CHECK(variance(degrees(net.social)) == Approx(9.95).epsilon(0.15));

  // Dense requests are drawn as a complement; still exact and distinct.
  const std::vector<std::uint32_t> small = {0, 40};
  const auto dense = generate_network(spec_of(NetworkModel::erdos_renyi, 35), small, Streams(7, 0));
  detente::test::check_csr(dense.social, small);
  CHECK(dense.social.edges() == 2 * 700);
}

TEST_CASE("Watts-Strogatz keeps the lattice's degree and rewires a share p of edges") {
  const auto net =
      generate_network(spec_of(NetworkModel::watts_strogatz, 10, 0.1), kOneGroup, Streams(3, 0));
  detente::test::check_csr(net.social, kOneGroup);
  CHECK(net.social.edges() == 2 * 10000);  // no edge lost to a repeat
  CHECK(mean(degrees(net.social)) == Approx(10.0).epsilon(0.02));
  std::size_t long_range = 0;
  for (AgentId i = 0; i < 2000; ++i)
    for (AgentId j : net.social.row(i))
      if (i < j && ring_distance(i, j, 2000) > 5) ++long_range;
  // Binomial(10000, 0.1): mean 1000, sd 30; four sd either side.
  CHECK(long_range >= 880);
  CHECK(long_range <= 1120);

  // p = 1 moves every far end off the lattice, and still no repeats.
  const auto all =
      generate_network(spec_of(NetworkModel::watts_strogatz, 10, 1.0), kOneGroup, Streams(3, 0));
  detente::test::check_csr(all.social, kOneGroup);
  CHECK(all.social.edges() == 2 * 10000);
  std::size_t lattice = 0;
  for (AgentId i = 0; i < 2000; ++i)
    for (AgentId j : all.social.row(i))
      if (ring_distance(i, j, 2000) <= 5) ++lattice;
  // An edge can only stay on the lattice if a rewired edge from the other end
  // happens to land there: none, as rewired ends avoid the lattice.
  CHECK(lattice == 0);
}

TEST_CASE("Watts-Strogatz at small p stays clustered; Erdos-Renyi does not") {
  const auto ws =
      generate_network(spec_of(NetworkModel::watts_strogatz, 10, 0.01), kOneGroup, Streams(5, 0));
  const auto er =
      generate_network(spec_of(NetworkModel::erdos_renyi, 10), kOneGroup, Streams(5, 0));
  // Lattice: 3(k − 2) / (4(k − 1)) = 0.667, times about (1 − p)^3; ER: about k/N = 0.005.
  CHECK(clustering(ws.social) > 0.6);
  CHECK(clustering(er.social) < 0.02);
}

TEST_CASE("Barabasi-Albert graphs have the mean degree and heavy-tailed hubs") {
  const auto net =
      generate_network(spec_of(NetworkModel::barabasi_albert, 10), kOneGroup, Streams(11, 0));
  detente::test::check_csr(net.social, kOneGroup);
  const auto d = degrees(net.social);
  // m = 5: a core of 6 agents (15 edges), then 5 edges per agent.
  CHECK(net.social.edges() == 2 * (15 + 1994 * 5));
  CHECK(mean(d) == Approx(10.0).epsilon(0.02));
  CHECK(*std::min_element(d.begin(), d.end()) >= 5);
  // Expected max degree about m·sqrt(N) ≈ 220; a random graph's would be about 20.
  CHECK(*std::max_element(d.begin(), d.end()) > 5 * 10);
}

TEST_CASE("cross-group edges follow the block sizes and are listed as ties") {
  const std::vector<std::uint32_t> groups = {0, 1000, 1600, 2000};
  auto spec = spec_of(NetworkModel::ring_lattice, 4);
  spec.between.mean_degree = 2.0;
  spec.between.strength = 0.25;
  const auto net = generate_network(spec, groups, Streams(2, 0));
  detente::test::check_csr(net.social, groups);

  // E_gh = round(2 (N_g + N_h) / 4).
  std::vector<std::vector<std::size_t>> social_count(3, std::vector<std::size_t>(3, 0));
  for (AgentId i = 0; i < 2000; ++i)
    for (AgentId j : net.social.row(i)) {
      const auto g = detente::test::group_of(groups, i), h = detente::test::group_of(groups, j);
      if (g < h) ++social_count[g][h];
    }
  CHECK(social_count[0][1] == 800);
  CHECK(social_count[0][2] == 700);
  CHECK(social_count[1][2] == 500);

  const auto& ties = net.cross;
  REQUIRE(ties.size() == 2000);
  CHECK(ties.static_count == 2000);
  std::vector<std::vector<std::size_t>> tie_count(3, std::vector<std::size_t>(3, 0));
  for (std::size_t e = 0; e < ties.size(); ++e) {
    const auto g = detente::test::group_of(groups, ties.a[e]);
    const auto h = detente::test::group_of(groups, ties.b[e]);
    CHECK(g < h);  // a is the end in the lower group
    ++tie_count[g][h];
    CHECK(detente::test::has_edge(net.social, ties.a[e], ties.b[e]));
    CHECK(ties.key[e] == e);
    CHECK(ties.setting[e] == 0);
    CHECK(ties.strength[e] == 0.25f);
  }
  CHECK(tie_count == social_count);
  detente::test::check_incidence(ties, 2000);
}

TEST_CASE("generated networks are a function of the seed alone") {
  const std::vector<std::uint32_t> groups = {0, 1500, 3000};
  for (auto model :
       {NetworkModel::erdos_renyi, NetworkModel::watts_strogatz, NetworkModel::barabasi_albert}) {
    auto spec = spec_of(model, 8, 0.2);
    spec.between.mean_degree = 1.0;
    const auto a = generate_network(spec, groups, Streams(42, 3));
    const auto b = generate_network(spec, groups, Streams(42, 3));
    const auto other = generate_network(spec, groups, Streams(42, 4));
    CHECK(a.social.offsets == b.social.offsets);
    CHECK(a.social.neighbours == b.social.neighbours);
    CHECK(a.cross.a == b.cross.a);
    CHECK(a.cross.b == b.cross.b);
    CHECK(a.social.neighbours != other.social.neighbours);
    CHECK(a.cross.b != other.cross.b);

    // One thread gives the same arrays as many.
    tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
    const auto serial = generate_network(spec, groups, Streams(42, 3));
    CHECK(serial.social.neighbours == a.social.neighbours);
    CHECK(serial.cross.b == a.cross.b);
  }
}

TEST_CASE("changing the cross-group degree leaves the in-group layers unchanged") {
  const std::vector<std::uint32_t> groups = {0, 1000, 2000};
  auto spec = spec_of(NetworkModel::erdos_renyi, 6);
  spec.between.mean_degree = 0.5;
  const auto a = generate_network(spec, groups, Streams(9, 0));
  spec.between.mean_degree = 3.0;
  const auto b = generate_network(spec, groups, Streams(9, 0));
  CHECK(b.cross.size() > a.cross.size());
  for (AgentId i = 0; i < 2000; ++i) {
    const auto peers = [&](const detente::SocialNetwork& n) {
      return std::vector<AgentId>(
          n.neighbours.begin() + static_cast<std::ptrdiff_t>(n.peer_begin(i)),
          n.neighbours.begin() + static_cast<std::ptrdiff_t>(n.peer_end(i)));
    };
    REQUIRE(peers(a.social) == peers(b.social));
  }
}

TEST_CASE("requests no group can hold are refused") {
  const std::vector<std::uint32_t> groups = {0, 8, 20};
  REQUIRE_THROWS_MATCHES(
      generate_network(spec_of(NetworkModel::ring_lattice, 10), groups, Streams(1, 0)),
      detente::InputError,
      Catch::Matchers::Message("network.within.mean_degree: a degree of 10 needs groups of at "
                               "least 11 agents, but group 1 has 8"));
  auto spec = spec_of(NetworkModel::complete, 0);
  spec.between.mean_degree = 30;
  REQUIRE_THROWS_MATCHES(
      generate_network(spec, groups, Streams(1, 0)), detente::InputError,
      Catch::Matchers::Message("network.between.mean_degree: 30 asks for 300 ties between groups "
                               "1 and 2, which have only 96 pairs of agents"));
}

TEST_CASE("grids join each agent to its von Neumann neighbours, without wrap-around") {
  auto spec = spec_of(NetworkModel::grid, 0);
  const std::vector<std::uint32_t> square = {0, 100};
  const auto net = generate_network(spec, square, Streams(1, 0)).social;
  detente::test::check_csr(net, square);
  // A 10×10 grid: 2·10·9 ties; corners 2, edges 3, inside 4 neighbours.
  CHECK(net.edges() == 2 * 180);
  CHECK(net.row(0).size() == 2);
  CHECK(net.row(5).size() == 3);
  CHECK(net.row(55).size() == 4);
  CHECK(detente::test::has_edge(net, 55, 45));
  CHECK(detente::test::has_edge(net, 55, 56));
  CHECK_FALSE(detente::test::has_edge(net, 9, 10));  // row ends do not wrap
  // Rows of 4 over 10 agents: the last row holds two.
  spec.within.columns = 4;
  const std::vector<std::uint32_t> ten = {0, 10};
  const auto rows = generate_network(spec, ten, Streams(1, 0)).social;
  CHECK(rows.edges() == 2 * (3 + 3 + 1 + 4 + 2));  // rows, then columns
  CHECK(detente::test::has_edge(rows, 5, 9));
  CHECK_FALSE(detente::test::has_edge(rows, 3, 4));
}

// build_csr and CrossTies::rebuild_incidence on hand-made graphs.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

#include "core/network.hpp"
#include "test_network_checks.hpp"

namespace {

using detente::AgentId;
using detente::build_csr;
using Edges = std::vector<std::pair<AgentId, AgentId>>;

std::vector<AgentId> row_of(const detente::SocialNetwork& net, AgentId i) {
  const auto r = net.row(i);
  return {r.begin(), r.end()};
}

std::vector<double> weights_of(const detente::SocialNetwork& net, AgentId i) {
  return {net.weights.begin() + static_cast<std::ptrdiff_t>(net.offsets[i]),
          net.weights.begin() + static_cast<std::ptrdiff_t>(net.offsets[i + 1])};
}

}  // namespace

TEST_CASE("build_csr stores undirected edges both ways, sorted, merged, without self-loops") {
  // Groups {0,1,2} and {3,4}. (1,0) repeats (0,1); (2,2) is a self-loop.
  const std::vector<std::uint32_t> groups = {0, 3, 5};
  const Edges edges = {{0, 4}, {0, 1}, {2, 1}, {1, 0}, {2, 2}, {3, 2}, {4, 3}, {0, 2}};
  const auto net = build_csr(5, groups, edges, {}, false);

  CHECK_FALSE(net.directed);
  CHECK_FALSE(net.weighted());
  CHECK(row_of(net, 0) == std::vector<AgentId>{1, 2, 4});
  CHECK(row_of(net, 1) == std::vector<AgentId>{0, 2});
  CHECK(row_of(net, 2) == std::vector<AgentId>{0, 1, 3});
  CHECK(row_of(net, 3) == std::vector<AgentId>{2, 4});
  CHECK(row_of(net, 4) == std::vector<AgentId>{0, 3});
  CHECK(net.edges() == 12);
  // In-group slices, relative to the row: agent 0's {1,2}, agent 3's {4}.
  CHECK(net.in_group_begin[0] == 0);
  CHECK(net.in_group_end[0] == 2);
  CHECK(net.in_group_begin[3] == 1);
  CHECK(net.in_group_end[3] == 2);
  CHECK(net.peer_begin(4) == net.offsets[4] + 1);
  CHECK(net.peer_end(4) == net.offsets[4] + 2);
  detente::test::check_csr(net, groups);
}

TEST_CASE("build_csr sums the weights of repeated edges") {
  const std::vector<std::uint32_t> groups = {0, 3};
  const Edges edges = {{0, 1}, {1, 0}, {2, 0}, {0, 1}};
  const auto net = build_csr(3, groups, edges, {0.5, 0.25, 2.0, 1.0}, false);
  REQUIRE(net.weighted());
  CHECK(row_of(net, 0) == std::vector<AgentId>{1, 2});
  CHECK(weights_of(net, 0) == std::vector<double>{1.75, 2.0});
  CHECK(weights_of(net, 1) == std::vector<double>{1.75});
  CHECK(weights_of(net, 2) == std::vector<double>{2.0});
  detente::test::check_csr(net, groups);
}

TEST_CASE("build_csr keeps directed edges as given, self-loops included") {
  const std::vector<std::uint32_t> groups = {0, 2, 3};
  const Edges edges = {{0, 2}, {1, 1}, {0, 1}, {0, 2}, {2, 0}};
  const auto net = build_csr(3, groups, edges, {1.0, 3.0, 0.5, 1.0, 4.0}, true);
  CHECK(net.directed);
  CHECK(row_of(net, 0) == std::vector<AgentId>{1, 2});
  CHECK(weights_of(net, 0) == std::vector<double>{0.5, 2.0});
  CHECK(row_of(net, 1) == std::vector<AgentId>{1});
  CHECK(weights_of(net, 1) == std::vector<double>{3.0});
  CHECK(row_of(net, 2) == std::vector<AgentId>{0});
  CHECK(net.in_group_begin[1] == 0);
  CHECK(net.in_group_end[1] == 1);                      // the self-loop is an in-group neighbour
  CHECK(net.in_group_begin[2] == net.in_group_end[2]);  // its only neighbour is in group 0
  detente::test::check_csr(net, groups);
}

TEST_CASE("build_csr handles isolated agents and an empty edge list") {
  const std::vector<std::uint32_t> groups = {0, 2, 4};
  const auto net = build_csr(4, groups, {}, {}, false);
  CHECK(net.offsets == std::vector<std::uint64_t>(5, 0));
  CHECK(net.edges() == 0);
  CHECK(net.in_group_begin == std::vector<std::uint32_t>(4, 0));
  CHECK(net.in_group_end == std::vector<std::uint32_t>(4, 0));
}

TEST_CASE("build_csr treats an empty group_begin as a single group") {
  const auto net = build_csr(3, {}, Edges{{0, 1}, {1, 2}}, {}, false);
  CHECK(net.in_group_begin[1] == 0);
  CHECK(net.in_group_end[1] == 2);
}

TEST_CASE("build_csr refuses inconsistent arguments") {
  const std::vector<std::uint32_t> groups = {0, 3};
  CHECK_THROWS_AS(build_csr(3, groups, Edges{{0, 3}}, {}, false), std::out_of_range);
  CHECK_THROWS_AS(build_csr(3, groups, Edges{{0, 1}}, {1.0, 2.0}, false), std::invalid_argument);
  const std::vector<std::uint32_t> short_groups = {0, 2};
  CHECK_THROWS_AS(build_csr(3, short_groups, Edges{{0, 1}}, {}, false), std::invalid_argument);
}

TEST_CASE("build_csr gives the same rows whatever the order of the edge list") {
  // A larger graph with many repeats, listed forwards and backwards.
  Edges edges;
  std::vector<double> weights;
  for (AgentId i = 0; i < 3000; ++i)
    for (AgentId j = 1; j <= 4; ++j) {
      edges.emplace_back(i, (i * 7 + j * 13) % 3000);
      weights.push_back(0.1 * j);
    }
  Edges reversed(edges.rbegin(), edges.rend());
  std::vector<double> reversed_weights(weights.rbegin(), weights.rend());
  for (auto& [u, v] : reversed)
    std::swap(u, v);
  const std::vector<std::uint32_t> groups = {0, 1000, 3000};
  const auto a = build_csr(3000, groups, edges, weights, false);
  const auto b = build_csr(3000, groups, reversed, reversed_weights, false);
  CHECK(a.offsets == b.offsets);
  CHECK(a.neighbours == b.neighbours);
  CHECK(a.weights == b.weights);
  detente::test::check_csr(a, groups);
}

TEST_CASE("CrossTies::rebuild_incidence lists each agent's ties in index order") {
  detente::CrossTies ties;
  ties.a = {0, 1, 0, 2};
  ties.b = {3, 3, 4, 4};
  ties.strength = {0.5f, 0.5f, 0.5f, 0.5f};
  ties.key = {0, 1, 2, 3};
  ties.setting = {0, 0, 0, 0};
  ties.rebuild_incidence(6);
  CHECK(ties.offsets == std::vector<std::uint64_t>{0, 2, 3, 4, 6, 8, 8});
  CHECK(ties.incident == std::vector<std::uint32_t>{0, 2, 1, 3, 0, 1, 2, 3});
  detente::test::check_incidence(ties, 6);

  // After ties change (one dropped), the incidence follows.
  ties.a.pop_back(), ties.b.pop_back(), ties.strength.pop_back(), ties.key.pop_back();
  ties.setting.pop_back();
  ties.rebuild_incidence(6);
  CHECK(ties.offsets == std::vector<std::uint64_t>{0, 2, 3, 3, 5, 6, 6});
  detente::test::check_incidence(ties, 6);

  ties.a.push_back(9), ties.b.push_back(0);
  CHECK_THROWS_AS(ties.rebuild_incidence(6), std::out_of_range);
}

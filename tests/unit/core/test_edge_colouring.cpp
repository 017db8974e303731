// Pairs coloured into matchings, and the random permutation that orders them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "core/edge_colouring.hpp"
#include "core/network_builders.hpp"
#include "core/permutation.hpp"

namespace {

using detente::AgentId;
using detente::RandomPermutation;

std::vector<std::uint64_t> image(const RandomPermutation& pi) {
  std::vector<std::uint64_t> out;
  for (std::uint64_t x = 0; x < pi.size(); ++x)
    out.push_back(pi(x));
  return out;
}

detente::SocialNetwork erdos_renyi(std::uint32_t n, double k) {
  detente::scenario::Network spec;
  spec.within.model = detente::scenario::NetworkModel::erdos_renyi;
  spec.within.mean_degree = k;
  return detente::generate_network(spec, std::vector<std::uint32_t>{0, n}, detente::Streams(3, 0))
      .social;
}

}  // namespace

TEST_CASE("a random permutation is a bijection of 0 to n - 1 that its keys change") {
  for (const std::uint64_t n : {1u, 2u, 3u, 17u, 1000u, 4097u}) {
    INFO(n);
    auto values = image(RandomPermutation(n, {1, 2, 3, 4}));
    std::sort(values.begin(), values.end());
    for (std::uint64_t x = 0; x < n; ++x)
      REQUIRE(values[x] == x);
  }
  const auto a = image(RandomPermutation(1000, {1, 2, 3, 4}));
  const auto b = image(RandomPermutation(1000, {1, 2, 3, 5}));
  CHECK(a != b);
  CHECK(a == image(RandomPermutation(1000, {1, 2, 3, 4})));
  // Not the identity, nor close to it: few fixed points (about one expected).
  std::size_t fixed = 0;
  for (std::uint64_t x = 0; x < a.size(); ++x)
    fixed += a[x] == x ? 1 : 0;
  CHECK(fixed < 10);
}

TEST_CASE("network pairs list each undirected edge once, directed entries as given") {
  const auto net = erdos_renyi(300, 6);
  std::vector<AgentId> a, b;
  detente::network_pairs(net, a, b);
  CHECK(a.size() == net.edges() / 2);
  for (std::size_t k = 0; k < a.size(); ++k)
    CHECK(a[k] < b[k]);
  detente::SocialNetwork directed = net;
  directed.directed = true;
  detente::network_pairs(directed, a, b);
  CHECK(a.size() == net.edges());
}

TEST_CASE("colour classes are matchings that hold every pair exactly once") {
  const auto net = erdos_renyi(2000, 10);
  std::vector<AgentId> a, b;
  detente::network_pairs(net, a, b);
  const auto classes =
      detente::colour_pairs(net.agents(), a, b, RandomPermutation(a.size(), {9, 8, 7, 6}));
  std::size_t largest_degree = 0;
  for (AgentId i = 0; i < net.agents(); ++i)
    largest_degree = std::max(largest_degree, net.row(i).size());
  // Greedy colouring uses at most 2Δ − 1 colours.
  CHECK(classes.classes() <= 2 * largest_degree - 1);
  CHECK(classes.begin.back() == a.size());
  std::set<std::pair<AgentId, AgentId>> given, coloured;
  for (std::size_t k = 0; k < a.size(); ++k)
    given.insert({a[k], b[k]});
  for (std::size_t c = 0; c < classes.classes(); ++c) {
    std::vector<bool> touched(net.agents(), false);
    for (std::uint64_t k = classes.begin[c]; k < classes.begin[c + 1]; ++k) {
      REQUIRE_FALSE(touched[classes.a[k]]);
      REQUIRE_FALSE(touched[classes.b[k]]);
      touched[classes.a[k]] = touched[classes.b[k]] = true;
      coloured.insert({classes.a[k], classes.b[k]});
    }
  }
  CHECK(coloured == given);
}

TEST_CASE("hubs get colours beyond 64 and stay properly coloured") {
  // A star of 150 leaves plus a ring among the leaves: the hub alone needs
  // 150 colours.
  std::vector<AgentId> a, b;
  for (AgentId leaf = 1; leaf <= 150; ++leaf) {
    a.push_back(0), b.push_back(leaf);
    a.push_back(leaf), b.push_back(leaf % 150 + 1);
  }
  const auto classes = detente::colour_pairs(151, a, b, RandomPermutation(a.size(), {1, 1, 1, 1}));
  CHECK(classes.classes() >= 150);
  for (std::size_t c = 0; c < classes.classes(); ++c) {
    std::set<AgentId> touched;
    for (std::uint64_t k = classes.begin[c]; k < classes.begin[c + 1]; ++k) {
      CHECK(touched.insert(classes.a[k]).second);
      CHECK(touched.insert(classes.b[k]).second);
    }
  }
}

#pragma once
// Structural checks shared by the network tests: a CSR that any builder must
// produce, verified from first principles (not from the builder's own code).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "core/network.hpp"

namespace detente::test {

inline std::uint32_t group_of(std::span<const std::uint32_t> group_begin, AgentId i) {
  std::uint32_t g = 0;
  while (i >= group_begin[g + 1])
    ++g;
  return g;
}

inline bool has_edge(const SocialNetwork& net, AgentId i, AgentId j) {
  const auto row = net.row(i);
  return std::binary_search(row.begin(), row.end(), j);
}

// Offsets, strictly sorted rows (so no repeated neighbour), self-loops only
// when directed, symmetry when undirected, and in-group slices that hold
// exactly the neighbours of the agent's own group.
inline void check_csr(const SocialNetwork& net, std::span<const std::uint32_t> group_begin) {
  const std::size_t n = group_begin.back();
  REQUIRE(net.agents() == n);
  REQUIRE(net.offsets.front() == 0);
  REQUIRE(net.offsets.back() == net.neighbours.size());
  REQUIRE(net.in_group_begin.size() == n);
  REQUIRE(net.in_group_end.size() == n);
  if (net.weighted()) REQUIRE(net.weights.size() == net.neighbours.size());
  std::size_t bad_order = 0, self_loops = 0, asymmetric = 0, bad_slice = 0;
  for (AgentId i = 0; i < n; ++i) {
    REQUIRE(net.offsets[i] <= net.offsets[i + 1]);
    const auto row = net.row(i);
    const auto g = group_of(group_begin, i);
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (k > 0 && row[k - 1] >= row[k]) ++bad_order;
      if (row[k] == i) ++self_loops;
      if (!net.directed && !has_edge(net, row[k], i)) ++asymmetric;
      const bool in_group = row[k] >= group_begin[g] && row[k] < group_begin[g + 1];
      const bool in_slice = k >= net.in_group_begin[i] && k < net.in_group_end[i];
      if (in_group != in_slice) ++bad_slice;
    }
    if (net.in_group_begin[i] > net.in_group_end[i] || net.in_group_end[i] > row.size())
      ++bad_slice;
  }
  CHECK(bad_order == 0);
  if (!net.directed) CHECK(self_loops == 0);
  CHECK(asymmetric == 0);
  CHECK(bad_slice == 0);
}

// Each tie's incidence lists hold exactly the ties touching the agent, in order.
inline void check_incidence(const CrossTies& ties, std::size_t agents) {
  REQUIRE(ties.offsets.size() == agents + 1);
  std::vector<std::vector<std::uint32_t>> expected(agents);
  for (std::uint32_t e = 0; e < ties.size(); ++e) {
    expected[ties.a[e]].push_back(e);
    if (ties.b[e] != ties.a[e]) expected[ties.b[e]].push_back(e);
  }
  for (std::size_t i = 0; i < agents; ++i) {
    const std::vector<std::uint32_t> got(
        ties.incident.begin() + static_cast<std::ptrdiff_t>(ties.offsets[i]),
        ties.incident.begin() + static_cast<std::ptrdiff_t>(ties.offsets[i + 1]));
    REQUIRE(got == expected[i]);
  }
}

}  // namespace detente::test

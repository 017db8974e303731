#pragma once
// The pairs of a network split into matchings (a proper edge colouring), so
// that every pair of one class can meet at the same time without two
// meetings touching one agent: the parallel schedule of the pairwise models
// (rules/classic_deffuant.hpp) runs a class as one parallel loop.
//
// Greedy colouring: pairs are taken in the order of a random permutation and
// each gets the smallest colour free at both ends, so a class is a random
// matching and there are at most 2Δ − 1 classes (Δ the largest degree). The
// colouring is computed once, sequentially, so it is the same at any thread
// count; inside a class pairs are sorted by their first agent, so a parallel
// loop over a class reads the opinions nearly in order.
//
//   auto classes = colour_pairs(agents, std::move(a), std::move(b),
//                               RandomPermutation(a.size(), rng.bits(...)));
//   for (std::size_t c = 0; c + 1 < classes.begin.size(); ++c)
//     parallel_for(classes.begin[c], classes.begin[c + 1], [&](k) { meet(a[k], b[k]); });
#include <cstdint>
#include <vector>

#include "core/network.hpp"
#include "core/permutation.hpp"

namespace detente {

struct MatchingClasses {
  std::vector<AgentId> a, b;         // pair k joins a[k] and b[k] (a[k] != b[k])
  std::vector<std::uint64_t> begin;  // class c holds pairs [begin[c], begin[c + 1])
  std::size_t classes() const { return begin.empty() ? 0 : begin.size() - 1; }
};

// The pairs of `network` that may meet: each undirected edge once (a < b);
// for a directed network each entry i → j with i != j (a pair listed both
// ways is two pairs). Self-loops are left out.
void network_pairs(const SocialNetwork& network, std::vector<AgentId>& a, std::vector<AgentId>& b);

// Colours the pairs (a[k], b[k]) in the order order(0), order(1), …; `order`
// must be a permutation of [0, pairs).
MatchingClasses colour_pairs(std::size_t agents, const std::vector<AgentId>& a,
                             const std::vector<AgentId>& b, const RandomPermutation& order);

}  // namespace detente

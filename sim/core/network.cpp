#include "core/network.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace detente {
namespace {

// Rows are sorted in parallel in blocks of this many agents; each row is
// sorted by exactly one task from its own slice, so the result does not
// depend on the thread count.
constexpr std::size_t kRowGrain = 4096;

void check_groups(std::size_t agents, std::span<const std::uint32_t> group_begin) {
  if (group_begin.empty()) return;  // one group holding every agent
  if (group_begin.size() < 2 || group_begin.front() != 0 || group_begin.back() != agents ||
      !std::is_sorted(group_begin.begin(), group_begin.end()))
    throw std::invalid_argument("build_csr: group_begin must run from 0 to " +
                                std::to_string(agents) + " in non-decreasing order");
}

// Sorts one row by neighbour id and merges repeated neighbours (weights
// summed); returns the row's new length. Weighted rows are sorted by
// (neighbour, weight) so that the sum of merged weights is taken in one fixed
// order whatever order the edges were listed in.
std::size_t sort_and_merge_row(AgentId* nb, double* w, std::size_t n,
                               std::vector<std::pair<AgentId, double>>& scratch) {
  if (n < 2) return n;
  if (w == nullptr) {
    std::sort(nb, nb + n);
    return static_cast<std::size_t>(std::unique(nb, nb + n) - nb);
  }
  scratch.resize(n);
  for (std::size_t k = 0; k < n; ++k)
    scratch[k] = {nb[k], w[k]};
  std::sort(scratch.begin(), scratch.end());
  std::size_t out = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (out > 0 && nb[out - 1] == scratch[k].first) {
      w[out - 1] += scratch[k].second;
    } else {
      nb[out] = scratch[k].first;
      w[out] = scratch[k].second;
      ++out;
    }
  }
  return out;
}

}  // namespace

void CrossTies::rebuild_incidence(std::size_t agents) {
  offsets.assign(agents + 1, 0);
  for (std::size_t e = 0; e < a.size(); ++e) {
    if (a[e] >= agents || b[e] >= agents)
      throw std::out_of_range("CrossTies::rebuild_incidence: tie " + std::to_string(e) +
                              " joins an agent beyond " + std::to_string(agents));
    ++offsets[a[e] + 1];
    if (b[e] != a[e]) ++offsets[b[e] + 1];
  }
  for (std::size_t i = 0; i < agents; ++i)
    offsets[i + 1] += offsets[i];
  incident.resize(offsets[agents]);
  // Ties are visited in index order, so each agent's list comes out sorted.
  std::vector<std::uint64_t> cursor(offsets.begin(), offsets.end() - 1);
  for (std::size_t e = 0; e < a.size(); ++e) {
    incident[cursor[a[e]]++] = static_cast<std::uint32_t>(e);
    if (b[e] != a[e]) incident[cursor[b[e]]++] = static_cast<std::uint32_t>(e);
  }
}

SocialNetwork build_csr(std::size_t agents, std::span<const std::uint32_t> group_begin,
                        std::vector<std::pair<AgentId, AgentId>> edges, std::vector<double> weights,
                        bool directed) {
  check_groups(agents, group_begin);
  if (!weights.empty() && weights.size() != edges.size())
    throw std::invalid_argument("build_csr: " + std::to_string(weights.size()) + " weights for " +
                                std::to_string(edges.size()) + " edges");
  const bool weighted = !weights.empty();

  SocialNetwork net;
  net.directed = directed;

  // Counting sort by source: count each row's entries, then scatter.
  net.offsets.assign(agents + 1, 0);
  for (const auto& [u, v] : edges) {
    if (u >= agents || v >= agents)
      throw std::out_of_range("build_csr: edge (" + std::to_string(u) + ", " + std::to_string(v) +
                              ") names an agent beyond " + std::to_string(agents));
    if (directed) {
      ++net.offsets[u + 1];
    } else if (u != v) {
      ++net.offsets[u + 1];
      ++net.offsets[v + 1];
    }
  }
  for (std::size_t i = 0; i < agents; ++i)
    net.offsets[i + 1] += net.offsets[i];

  net.neighbours.resize(net.offsets[agents]);
  if (weighted) net.weights.resize(net.offsets[agents]);
  {
    std::vector<std::uint64_t> cursor(net.offsets.begin(), net.offsets.end() - 1);
    for (std::size_t e = 0; e < edges.size(); ++e) {
      const auto [u, v] = edges[e];
      if (!directed && u == v) continue;
      const double w = weighted ? weights[e] : 1.0;
      const std::uint64_t k = cursor[u]++;
      net.neighbours[k] = v;
      if (weighted) net.weights[k] = w;
      if (!directed) {
        const std::uint64_t r = cursor[v]++;
        net.neighbours[r] = u;
        if (weighted) net.weights[r] = w;
      }
    }
  }
  // The edge list is no longer needed: free it before the rows are sorted.
  std::vector<std::pair<AgentId, AgentId>>().swap(edges);
  std::vector<double>().swap(weights);

  std::vector<std::uint64_t> length(agents);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, agents, kRowGrain),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      std::vector<std::pair<AgentId, double>> scratch;
                      for (std::size_t i = range.begin(); i != range.end(); ++i) {
                        const std::uint64_t begin = net.offsets[i];
                        length[i] =
                            sort_and_merge_row(net.neighbours.data() + begin,
                                               weighted ? net.weights.data() + begin : nullptr,
                                               net.offsets[i + 1] - begin, scratch);
                      }
                    });

  // Close the gaps left by merged duplicates. Rows only move left, in order.
  std::uint64_t out = 0;
  bool moved = false;
  for (std::size_t i = 0; i < agents; ++i) {
    const std::uint64_t begin = net.offsets[i];
    if (begin != out) {
      moved = true;
      std::copy_n(net.neighbours.begin() + static_cast<std::ptrdiff_t>(begin), length[i],
                  net.neighbours.begin() + static_cast<std::ptrdiff_t>(out));
      if (weighted)
        std::copy_n(net.weights.begin() + static_cast<std::ptrdiff_t>(begin), length[i],
                    net.weights.begin() + static_cast<std::ptrdiff_t>(out));
    }
    net.offsets[i] = out;
    out += length[i];
  }
  net.offsets[agents] = out;
  if (moved || out != net.neighbours.size()) {
    net.neighbours.resize(out);
    net.neighbours.shrink_to_fit();
    if (weighted) {
      net.weights.resize(out);
      net.weights.shrink_to_fit();
    }
  }

  // In-group slice of each row: rows are sorted, and the group is a range of ids.
  net.in_group_begin.resize(agents);
  net.in_group_end.resize(agents);
  const std::size_t groups = group_begin.empty() ? 1 : group_begin.size() - 1;
  for (std::size_t g = 0; g < groups; ++g) {
    const AgentId lo = group_begin.empty() ? 0 : group_begin[g];
    const AgentId hi = group_begin.empty() ? static_cast<AgentId>(agents) : group_begin[g + 1];
    tbb::parallel_for(tbb::blocked_range<std::size_t>(lo, hi, kRowGrain),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                        for (std::size_t i = range.begin(); i != range.end(); ++i) {
                          const auto row = net.row(static_cast<AgentId>(i));
                          const auto first = std::lower_bound(row.begin(), row.end(), lo);
                          const auto last = std::lower_bound(first, row.end(), hi);
                          net.in_group_begin[i] = static_cast<std::uint32_t>(first - row.begin());
                          net.in_group_end[i] = static_cast<std::uint32_t>(last - row.begin());
                        }
                      });
  }
  return net;
}

}  // namespace detente

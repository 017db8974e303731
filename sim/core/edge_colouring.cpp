#include "core/edge_colouring.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <bit>
#include <numeric>
#include <stdexcept>
#include <string>

namespace detente {
namespace {

// The colours in use at each agent: colours below 64 in one word (the common
// case: degrees of a few dozen), higher ones — only near hubs — in a sorted
// list kept for the agents that need it.
class UsedColours {
 public:
  explicit UsedColours(std::size_t agents) : low_(agents, 0), high_index_(agents, kNone) {}

  std::uint32_t smallest_free(AgentId u, AgentId v) const {
    const std::uint64_t used = low_[u] | low_[v];
    if (used != ~std::uint64_t{0}) return static_cast<std::uint32_t>(std::countr_one(used));
    // Both lists are sorted: walk colours from 64 up past every one in use.
    const auto& hu = high(u);
    const auto& hv = high(v);
    std::uint32_t c = 64;
    for (std::size_t x = 0, y = 0;;) {
      while (x < hu.size() && hu[x] < c)
        ++x;
      while (y < hv.size() && hv[y] < c)
        ++y;
      if ((x < hu.size() && hu[x] == c) || (y < hv.size() && hv[y] == c))
        ++c;
      else
        return c;
    }
  }

  void mark(AgentId u, std::uint32_t c) {
    if (c < 64) {
      low_[u] |= std::uint64_t{1} << c;
      return;
    }
    if (high_index_[u] == kNone) {
      high_index_[u] = static_cast<std::uint32_t>(high_lists_.size());
      high_lists_.emplace_back();
    }
    auto& list = high_lists_[high_index_[u]];
    list.insert(std::upper_bound(list.begin(), list.end(), c), c);
  }

 private:
  static constexpr std::uint32_t kNone = ~0u;
  const std::vector<std::uint32_t>& high(AgentId u) const {
    return high_index_[u] == kNone ? empty_ : high_lists_[high_index_[u]];
  }

  std::vector<std::uint64_t> low_;
  std::vector<std::uint32_t> high_index_;
  std::vector<std::vector<std::uint32_t>> high_lists_;
  std::vector<std::uint32_t> empty_;
};

}  // namespace

void network_pairs(const SocialNetwork& network, std::vector<AgentId>& a, std::vector<AgentId>& b) {
  a.clear();
  b.clear();
  for (AgentId i = 0; i < network.agents(); ++i)
    for (const AgentId j : network.row(i))
      if (network.directed ? j != i : j > i) {
        a.push_back(i);
        b.push_back(j);
      }
}

MatchingClasses colour_pairs(std::size_t agents, const std::vector<AgentId>& a,
                             const std::vector<AgentId>& b, const RandomPermutation& order) {
  const std::size_t pairs = a.size();
  if (b.size() != pairs || order.size() != pairs)
    throw std::invalid_argument("colour_pairs: " + std::to_string(a.size()) + " first ends, " +
                                std::to_string(b.size()) + " second ends and an order of " +
                                std::to_string(order.size()));
  std::vector<std::uint32_t> colour(pairs);
  std::uint32_t colours = 0;
  {
    UsedColours used(agents);
    for (std::uint64_t k = 0; k < pairs; ++k) {
      const std::uint64_t e = order(k);
      if (a[e] >= agents || b[e] >= agents || a[e] == b[e])
        throw std::invalid_argument("colour_pairs: pair " + std::to_string(e) +
                                    " is a self-loop or names an agent beyond " +
                                    std::to_string(agents));
      const std::uint32_t c = used.smallest_free(a[e], b[e]);
      used.mark(a[e], c);
      used.mark(b[e], c);
      colour[e] = c;
      colours = std::max(colours, c + 1);
    }
  }

  // Counting sort by colour, then each class by (a, b).
  MatchingClasses out;
  out.begin.assign(colours + 1, 0);
  for (const std::uint32_t c : colour)
    ++out.begin[c + 1];
  std::partial_sum(out.begin.begin(), out.begin.end(), out.begin.begin());
  std::vector<std::uint64_t> cursor(out.begin.begin(), out.begin.end() - 1);
  std::vector<std::pair<AgentId, AgentId>> sorted(pairs);
  for (std::size_t e = 0; e < pairs; ++e)
    sorted[cursor[colour[e]]++] = {a[e], b[e]};
  tbb::parallel_for(std::size_t{0}, out.classes(), [&](std::size_t c) {
    std::sort(sorted.begin() + static_cast<std::ptrdiff_t>(out.begin[c]),
              sorted.begin() + static_cast<std::ptrdiff_t>(out.begin[c + 1]));
  });
  out.a.resize(pairs);
  out.b.resize(pairs);
  for (std::size_t k = 0; k < pairs; ++k) {
    out.a[k] = sorted[k].first;
    out.b[k] = sorted[k].second;
  }
  return out;
}

}  // namespace detente

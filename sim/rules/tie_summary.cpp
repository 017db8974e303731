// The per-agent view of cross-group ties (contact.hpp): counts and a group
// mask per agent, each agent computed by one task from its own incident ties.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <limits>

#include "rules/contact.hpp"
#include "rules/detail/state_shape.hpp"

namespace detente::rules {
namespace {

// Agent i's entries of the summary, from its own incident ties.
void summarise_agent(const CrossTies& ties, std::span<const std::uint8_t> group,
                     double positive_tie, AgentId i, TieSummary& out) {
  constexpr std::uint32_t kCountCap = std::numeric_limits<std::uint16_t>::max();
  std::uint32_t positive = 0;
  std::uint32_t mask = 0;
  const std::uint64_t first = ties.offsets[i];
  const std::uint64_t last = ties.offsets[i + 1];
  for (std::uint64_t k = first; k != last; ++k) {
    const std::uint32_t e = ties.incident[k];
    // i is one end of e, so a ^ b ^ i is the other end.
    const AgentId other = ties.a[e] ^ ties.b[e] ^ i;
    const std::uint32_t is_positive =
        static_cast<double>(ties.strength[e]) >= positive_tie ? 1u : 0u;
    positive += is_positive;
    mask |= is_positive << group[other];
  }
  out.positive_ties[i] = static_cast<std::uint16_t>(std::min(positive, kCountCap));
  out.positive_mask[i] = mask;
  out.any_ties[i] =
      static_cast<std::uint16_t>(std::min(static_cast<std::uint32_t>(last - first), kCountCap));
}

}  // namespace

void summarise_ties(const CrossTies& ties, std::span<const std::uint8_t> group, double positive_tie,
                    TieSummary& out) {
  const std::size_t n = group.size();
  out.positive_ties.assign(n, 0);
  out.positive_mask.assign(n, 0);
  out.any_ties.assign(n, 0);
  if (ties.offsets.empty()) {
    detail::require(ties.size() == 0, "summarise_ties",
                    "ties exist but their incidence was not built (rebuild_incidence)");
    return;
  }
  detail::require(ties.offsets.size() == n + 1 && ties.incident.size() == ties.offsets.back(),
                  "summarise_ties", "the tie incidence does not match the agent count");
  detail::require(ties.b.size() == ties.a.size() && ties.strength.size() == ties.a.size(),
                  "summarise_ties", "a, b and strength must have one entry per tie");
  detail::require(n == 0 || *std::max_element(group.begin(), group.end()) < detail::kMaxGroups,
                  "summarise_ties", "group ids must be below 32 (one bit per group)");

  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 4096),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t i = range.begin(); i != range.end(); ++i)
                        summarise_agent(ties, group, positive_tie, static_cast<AgentId>(i), out);
                    });
}

void update_tie_summary(const CrossTies& ties, std::span<const std::uint8_t> group,
                        double positive_tie, std::span<const std::uint32_t> flipped,
                        TieSummary& out) {
  detail::require(out.positive_ties.size() == group.size(), "update_tie_summary",
                  "the summary to update has the wrong size: call summarise_ties first");
  // Each end is recomputed from all its ties, so an agent listed twice gets
  // the same entry twice: the result does not depend on the order.
  for (const std::uint32_t e : flipped) {
    summarise_agent(ties, group, positive_tie, ties.a[e], out);
    summarise_agent(ties, group, positive_tie, ties.b[e], out);
  }
}

}  // namespace detente::rules

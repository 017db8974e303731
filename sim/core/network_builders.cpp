#include "core/network_builders.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"

namespace detente {
namespace {

using Edge = std::pair<AgentId, AgentId>;
using scenario::NetworkModel;

constexpr std::size_t kGrain = 1 << 14;

// A Watts–Strogatz edge whose new end keeps landing on taken pairs (only in
// tiny, nearly complete groups) stays on the lattice after this many draws.
constexpr std::uint32_t kMaxRewireAttempts = 1000;

__extension__ typedef unsigned __int128 Uint128;

// A uniform integer in [0, n) from 64 random bits (multiply-shift; the bias,
// at most n / 2^64, is far below anything a run could detect).
std::uint64_t below(std::uint32_t hi, std::uint32_t lo, std::uint64_t n) {
  const std::uint64_t x = (static_cast<std::uint64_t>(hi) << 32) | lo;
  return static_cast<std::uint64_t>((static_cast<Uint128>(x) * n) >> 64);
}

std::uint32_t sub_stream(std::uint32_t builder, std::uint32_t index) {
  return (builder << 16) | index;
}

struct GroupRange {
  AgentId begin = 0;
  std::uint64_t size = 0;
  std::size_t index = 0;
};

// `count` distinct integers of [0, space), sorted, uniformly among all such
// sets. Round r draws the missing ones as entities 0, 1, … of step r and drops
// repeats, so the result is fixed by the stream alone. When more than half of
// the space is wanted, the complement is drawn instead, so the rounds end fast.
std::vector<std::uint64_t> sample_distinct(std::uint64_t count, std::uint64_t space,
                                           const Streams& rng, std::uint32_t sub) {
  const bool complement = count > space / 2;
  const std::uint64_t want = complement ? space - count : count;
  std::vector<std::uint64_t> chosen;
  chosen.reserve(want);
  for (std::uint64_t round = 0; chosen.size() < want; ++round) {
    const std::size_t have = chosen.size();
    chosen.resize(want);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(have, want, kGrain),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        for (std::size_t k = r.begin(); k != r.end(); ++k) {
                          const auto b = rng.bits(Purpose::network, sub, round, k - have);
                          chosen[k] = below(b[0], b[1], space);
                        }
                      });
    const auto middle = chosen.begin() + static_cast<std::ptrdiff_t>(have);
    tbb::parallel_sort(middle, chosen.end());
    std::inplace_merge(chosen.begin(), middle, chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  }
  if (!complement) return chosen;
  std::vector<std::uint64_t> kept;
  kept.reserve(count);
  std::size_t skip = 0;
  for (std::uint64_t x = 0; x < space; ++x) {
    if (skip < chosen.size() && chosen[skip] == x) {
      ++skip;
    } else {
      kept.push_back(x);
    }
  }
  return kept;
}

// The pair (lo, hi), lo < hi, with index j when pairs are listed hi by hi:
// j = hi(hi − 1)/2 + lo.
Edge triangle_pair(std::uint64_t j, AgentId offset) {
  auto hi = static_cast<std::uint64_t>((1.0 + std::sqrt(1.0 + 8.0 * static_cast<double>(j))) / 2.0);
  while (hi * (hi - 1) / 2 > j)
    --hi;
  while ((hi + 1) * hi / 2 <= j)
    ++hi;
  const std::uint64_t lo = j - hi * (hi - 1) / 2;
  return {static_cast<AgentId>(offset + lo), static_cast<AgentId>(offset + hi)};
}

std::string number(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

[[noreturn]] void degree_too_high(double k, std::uint64_t needed, const GroupRange& g) {
  throw InputError("network.within.mean_degree: a degree of " + number(k) +
                   " needs groups of at least " + std::to_string(needed) + " agents, but group " +
                   std::to_string(g.index + 1) + " has " + std::to_string(g.size));
}

// Appends `n` edges to `out`, edge e being make(e), filled in parallel.
template <class Make>
void append_edges(std::vector<Edge>& out, std::uint64_t n, Make make) {
  const std::size_t base = out.size();
  out.resize(base + n);
  tbb::parallel_for(tbb::blocked_range<std::uint64_t>(0, n, kGrain),
                    [&](const tbb::blocked_range<std::uint64_t>& r) {
                      for (std::uint64_t e = r.begin(); e != r.end(); ++e)
                        out[base + e] = make(e);
                    });
}

void complete_layer(const GroupRange& g, std::vector<Edge>& out) {
  append_edges(out, g.size * (g.size - 1) / 2,
               [&](std::uint64_t e) { return triangle_pair(e, g.begin); });
}

void erdos_renyi_layer(const GroupRange& g, double k, const Streams& rng, std::vector<Edge>& out) {
  const std::uint64_t pairs = g.size * (g.size - 1) / 2;
  const auto m = static_cast<std::uint64_t>(std::llround(static_cast<double>(g.size) * k / 2.0));
  if (m > pairs) degree_too_high(k, static_cast<std::uint64_t>(std::ceil(k)) + 1, g);
  const auto chosen = sample_distinct(
      m, pairs, rng, sub_stream(network_stream::kErdosRenyi, static_cast<std::uint32_t>(g.index)));
  append_edges(out, chosen.size(),
               [&](std::uint64_t e) { return triangle_pair(chosen[e], g.begin); });
}

std::uint64_t half_degree(double k) {
  return static_cast<std::uint64_t>(std::llround(k / 2.0));
}

void ring_lattice_layer(const GroupRange& g, double k, std::vector<Edge>& out) {
  const std::uint64_t h = half_degree(k);
  if (2 * h + 1 > g.size) degree_too_high(k, 2 * h + 1, g);
  append_edges(out, g.size * h, [&](std::uint64_t e) {
    const std::uint64_t i = e / h, j = e % h + 1;
    return Edge{static_cast<AgentId>(g.begin + i),
                static_cast<AgentId>(g.begin + (i + j) % g.size)};
  });
}

// Row-major 2-D lattice: agent k is at (k / columns, k % columns) and tied to
// its right and lower neighbours (von Neumann, no wrap-around).
void grid_layer(const GroupRange& g, std::int64_t requested_columns, std::vector<Edge>& out) {
  const std::uint64_t columns =
      requested_columns > 0
          ? static_cast<std::uint64_t>(requested_columns)
          : static_cast<std::uint64_t>(std::llround(std::sqrt(static_cast<double>(g.size))));
  if (columns == 0 || columns > g.size)
    throw InputError("network.within.columns: expected at most " + std::to_string(g.size) +
                     " (the size of group " + std::to_string(g.index + 1) + "), got " +
                     std::to_string(columns));
  for (std::uint64_t k = 0; k < g.size; ++k) {
    const auto here = static_cast<AgentId>(g.begin + k);
    if (k % columns + 1 < columns && k + 1 < g.size)
      out.emplace_back(here, static_cast<AgentId>(here + 1));
    if (k + columns < g.size) out.emplace_back(here, static_cast<AgentId>(here + columns));
  }
}

// Lattice edge e = i·h + (j − 1) joins i to i + j; when rewired, its far end
// is the first admissible draw at step ≥ `from` (words 2–3 of the entity's
// bits), or none after kMaxRewireAttempts.
struct Rewiring {
  const GroupRange& g;
  std::uint64_t h;
  const Streams& rng;
  std::uint32_t sub;

  bool admissible(std::uint64_t u, std::uint64_t w) const {
    const std::uint64_t d = u > w ? u - w : w - u;
    return w != u && std::min(d, g.size - d) > h;  // not the lattice around u
  }
  // Returns the attempt that succeeded (kMaxRewireAttempts if none) and the end.
  std::pair<std::uint32_t, std::uint64_t> next_end(std::uint64_t e, std::uint32_t from) const {
    const std::uint64_t u = e / h;
    for (std::uint32_t a = from; a < kMaxRewireAttempts; ++a) {
      const auto b = rng.bits(Purpose::network, sub, a, e);
      const std::uint64_t w = below(b[2], b[3], g.size);
      if (admissible(u, w)) return {a, w};
    }
    return {kMaxRewireAttempts, 0};
  }
};

void watts_strogatz_layer(const GroupRange& g, double k, double rewire, const Streams& rng,
                          std::vector<Edge>& out) {
  const std::uint64_t h = half_degree(k);
  if (2 * h + 1 > g.size) degree_too_high(k, 2 * h + 1, g);
  const std::uint64_t n = g.size * h;
  const Rewiring rw{
      g, h, rng, sub_stream(network_stream::kWattsStrogatz, static_cast<std::uint32_t>(g.index))};
  const bool room = g.size > 2 * h + 1;  // some agent outside the lattice around each agent

  // attempt[e] = the draw that gave edge e its new end, or kMaxRewireAttempts
  // if it keeps its lattice end.
  std::vector<std::uint32_t> attempt(n, kMaxRewireAttempts);
  std::vector<std::uint32_t> far(n);  // local id of the far end
  tbb::parallel_for(tbb::blocked_range<std::uint64_t>(0, n, kGrain),
                    [&](const tbb::blocked_range<std::uint64_t>& r) {
                      for (std::uint64_t e = r.begin(); e != r.end(); ++e) {
                        const std::uint64_t i = e / h, j = e % h + 1;
                        far[e] = static_cast<std::uint32_t>((i + j) % g.size);
                        const auto b = rng.bits(Purpose::network, rw.sub, 0, e);
                        if (!room || Streams::to_unit_double(b[0], b[1]) >= rewire) continue;
                        const auto [a, w] = rw.next_end(e, 0);
                        if (a < kMaxRewireAttempts)
                          attempt[e] = a, far[e] = static_cast<std::uint32_t>(w);
                      }
                    });

  // Two rewired edges may land on one pair: the lower edge index keeps it and
  // the others draw on, until no pair is taken twice. Rewired ends never land
  // on lattice pairs, so only rewired edges can collide.
  std::vector<std::uint64_t> rewired;
  for (std::uint64_t e = 0; e < n; ++e)
    if (attempt[e] < kMaxRewireAttempts) rewired.push_back(e);
  std::vector<std::pair<std::uint64_t, std::uint64_t>> taken;  // (pair key, edge)
  for (bool clash = true; clash;) {
    taken.clear();
    for (const std::uint64_t e : rewired) {
      const std::uint64_t u = e / h, w = far[e];
      taken.emplace_back(std::min(u, w) * g.size + std::max(u, w), e);
    }
    std::sort(taken.begin(), taken.end());
    clash = false;
    for (std::size_t t = 1; t < taken.size(); ++t) {
      if (taken[t].first != taken[t - 1].first) continue;
      clash = true;
      const std::uint64_t e = taken[t].second;
      const auto [a, w] = rw.next_end(e, attempt[e] + 1);
      attempt[e] = a;
      far[e] =
          static_cast<std::uint32_t>(a < kMaxRewireAttempts ? w : (e / h + e % h + 1) % g.size);
    }
    std::erase_if(rewired, [&](std::uint64_t e) { return attempt[e] >= kMaxRewireAttempts; });
  }

  append_edges(out, n, [&](std::uint64_t e) {
    return Edge{static_cast<AgentId>(g.begin + e / h), static_cast<AgentId>(g.begin + far[e])};
  });
}

// Sequential by nature: each new agent's targets depend on all earlier ones.
void barabasi_albert_layer(const GroupRange& g, double k, const Streams& rng,
                           std::vector<Edge>& out) {
  const std::uint64_t m = half_degree(k);
  if (m + 1 > g.size) degree_too_high(k, m + 1, g);
  const std::uint32_t sub =
      sub_stream(network_stream::kBarabasiAlbert, static_cast<std::uint32_t>(g.index));
  const std::uint64_t core = m + 1;
  const std::uint64_t edges = core * m / 2 + (g.size - core) * m;
  out.reserve(out.size() + edges);
  std::vector<AgentId> endpoints;  // each agent once per edge it has
  endpoints.reserve(2 * edges);
  for (std::uint64_t hi = 1; hi < core; ++hi)
    for (std::uint64_t lo = 0; lo < hi; ++lo) {
      out.emplace_back(static_cast<AgentId>(g.begin + lo), static_cast<AgentId>(g.begin + hi));
      endpoints.push_back(static_cast<AgentId>(lo));
      endpoints.push_back(static_cast<AgentId>(hi));
    }
  std::vector<AgentId> targets;
  for (std::uint64_t t = core; t < g.size; ++t) {
    const std::uint64_t pool = endpoints.size();  // targets come from the earlier agents only
    targets.clear();
    for (std::uint64_t call = 0; targets.size() < m; ++call) {
      const auto b = rng.bits(Purpose::network, sub, call, t);
      for (const auto& [hi, lo] : {std::pair{b[0], b[1]}, std::pair{b[2], b[3]}}) {
        const AgentId target = endpoints[below(hi, lo, pool)];
        if (targets.size() < m &&
            std::find(targets.begin(), targets.end(), target) == targets.end())
          targets.push_back(target);
      }
    }
    for (const AgentId target : targets) {
      out.emplace_back(static_cast<AgentId>(g.begin + target), static_cast<AgentId>(g.begin + t));
      endpoints.push_back(target);
      endpoints.push_back(static_cast<AgentId>(t));
    }
  }
}

void within_layer(const scenario::WithinNetwork& spec, const GroupRange& g, const Streams& rng,
                  std::vector<Edge>& out) {
  if (g.size < 2) return;
  switch (spec.model) {
    case NetworkModel::complete:
      return complete_layer(g, out);
    case NetworkModel::erdos_renyi:
      return erdos_renyi_layer(g, spec.mean_degree, rng, out);
    case NetworkModel::ring_lattice:
      return ring_lattice_layer(g, spec.mean_degree, out);
    case NetworkModel::watts_strogatz:
      return watts_strogatz_layer(g, spec.mean_degree, spec.rewire, rng, out);
    case NetworkModel::barabasi_albert:
      return barabasi_albert_layer(g, spec.mean_degree, rng, out);
    case NetworkModel::grid:
      return grid_layer(g, spec.columns, out);
  }
  throw std::invalid_argument("generate_network: unknown network model");
}

void cross_layer(const scenario::BetweenNetwork& spec, const GroupRange& g, const GroupRange& h,
                 std::size_t groups, const Streams& rng, std::vector<Edge>& out) {
  const double wanted = spec.mean_degree * static_cast<double>(g.size + h.size) /
                        (2.0 * static_cast<double>(groups - 1));
  const auto count = static_cast<std::uint64_t>(std::llround(wanted));
  const std::uint64_t pairs = g.size * h.size;
  if (count > pairs)
    throw InputError("network.between.mean_degree: " + number(spec.mean_degree) + " asks for " +
                     std::to_string(count) + " ties between groups " + std::to_string(g.index + 1) +
                     " and " + std::to_string(h.index + 1) + ", which have only " +
                     std::to_string(pairs) + " pairs of agents");
  const auto sub =
      sub_stream(network_stream::kCrossGroup, static_cast<std::uint32_t>(g.index * 256 + h.index));
  const auto chosen = sample_distinct(count, pairs, rng, sub);
  append_edges(out, chosen.size(), [&](std::uint64_t e) {
    return Edge{static_cast<AgentId>(g.begin + chosen[e] / h.size),
                static_cast<AgentId>(h.begin + chosen[e] % h.size)};
  });
}

void check_spec(const scenario::Network& spec, std::span<const std::uint32_t> group_begin) {
  if (group_begin.size() < 2 || group_begin.front() != 0 ||
      !std::is_sorted(group_begin.begin(), group_begin.end()))
    throw std::invalid_argument(
        "generate_network: group_begin must be G + 1 ascending offsets from 0");
  if (group_begin.size() - 1 > 256)
    throw InputError("population.groups: at most 256 groups, got " +
                     std::to_string(group_begin.size() - 1));
  const double k = spec.within.mean_degree;
  if (!(k >= 0.0) || !std::isfinite(k))
    throw InputError("network.within.mean_degree: expected a non-negative number, got " +
                     number(k));
  if (!(spec.within.rewire >= 0.0 && spec.within.rewire <= 1.0))
    throw InputError("network.within.rewire: expected a probability in [0, 1], got " +
                     number(spec.within.rewire));
  const double kb = spec.between.mean_degree;
  if (!(kb >= 0.0) || !std::isfinite(kb))
    throw InputError("network.between.mean_degree: expected a non-negative number, got " +
                     number(kb));
  if (!(spec.between.strength > 0.0 && spec.between.strength <= 1.0))
    throw InputError("network.between.strength: expected a number in (0, 1], got " +
                     number(spec.between.strength));
}

}  // namespace

GeneratedNetwork generate_network(const scenario::Network& spec,
                                  std::span<const std::uint32_t> group_begin, const Streams& rng) {
  check_spec(spec, group_begin);
  const std::size_t groups = group_begin.size() - 1;
  const std::size_t agents = group_begin.back();
  std::vector<GroupRange> range(groups);
  for (std::size_t g = 0; g < groups; ++g)
    range[g] = {group_begin[g], std::uint64_t{group_begin[g + 1]} - group_begin[g], g};

  std::vector<Edge> edges;
  for (const auto& g : range)
    within_layer(spec.within, g, rng, edges);
  const std::size_t within = edges.size();
  for (std::size_t g = 0; g < groups; ++g)
    for (std::size_t h = g + 1; h < groups; ++h)
      cross_layer(spec.between, range[g], range[h], groups, rng, edges);

  GeneratedNetwork net;
  CrossTies& cross = net.cross;
  const std::size_t ties = edges.size() - within;
  cross.a.resize(ties);
  cross.b.resize(ties);
  cross.key.resize(ties);
  for (std::size_t e = 0; e < ties; ++e) {
    cross.a[e] = edges[within + e].first;
    cross.b[e] = edges[within + e].second;
    cross.key[e] = e;
  }
  cross.strength.assign(ties, static_cast<float>(spec.between.strength));
  cross.setting.assign(ties, 0);
  cross.static_count = ties;
  cross.rebuild_incidence(agents);

  net.social = build_csr(agents, group_begin, std::move(edges), {}, false);
  return net;
}

}  // namespace detente

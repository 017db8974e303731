#pragma once
// Small hand-made states for the rule tests. Networks and tie incidence are
// filled in directly (not through build_csr / rebuild_incidence), so these
// tests exercise the rules alone.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/network.hpp"
#include "core/population.hpp"

namespace detente::test {

inline std::size_t group_of(const std::vector<std::uint32_t>& group_begin, AgentId i) {
  std::size_t g = 0;
  while (group_begin[g + 1] <= i)
    ++g;
  return g;
}

// Agents numbered group by group, `sizes[g]` in group g; every out-group entry
// of trust, anchor and disposition is `trust`, own-group entries 0.
template <class Real>
Population<Real> make_population(const std::vector<std::uint32_t>& sizes, double trust = 0.5) {
  Population<Real> p;
  p.group_begin = {0};
  for (std::size_t g = 0; g < sizes.size(); ++g) {
    p.group_names.push_back("g" + std::to_string(g));
    p.group_begin.push_back(p.group_begin.back() + sizes[g]);
    p.group.insert(p.group.end(), sizes[g], static_cast<std::uint8_t>(g));
  }
  const std::size_t n = p.group.size();
  p.trust.assign(sizes.size(), std::vector<Real>(n, Real(0)));
  for (std::size_t h = 0; h < sizes.size(); ++h) {
    for (std::size_t i = 0; i < n; ++i) {
      if (p.group[i] != h) p.trust[h][i] = static_cast<Real>(trust);
    }
  }
  p.anchor = p.trust;
  p.disposition = p.trust;
  p.susceptibility.assign(n, Real(0.5));
  p.literacy.assign(n, Real(0.3));
  p.convener_trust.assign(n, Real(0.5));
  p.stubbornness.assign(n, Real(0.1));
  p.role_names = {"public"};
  p.role.assign(n, 0);
  p.marginalised.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    p.external_id.push_back(i);
  return p;
}

struct Arc {
  AgentId to;
  double weight = 1.0;
};

// CSR from per-agent rows of out-neighbours; rows are sorted here, the
// in-group slice found from the group ranges. `weighted` keeps the weights.
inline SocialNetwork make_network(const std::vector<std::uint32_t>& group_begin,
                                  std::vector<std::vector<Arc>> rows, bool weighted,
                                  bool directed = true) {
  SocialNetwork net;
  net.directed = directed;
  net.offsets.push_back(0);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto& row = rows[i];
    std::sort(row.begin(), row.end(), [](const Arc& x, const Arc& y) { return x.to < y.to; });
    const std::size_t g = group_of(group_begin, static_cast<AgentId>(i));
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    for (std::uint32_t k = 0; k < row.size(); ++k) {
      if (row[k].to < group_begin[g])
        begin = end = k + 1;
      else if (row[k].to < group_begin[g + 1])
        end = k + 1;
      net.neighbours.push_back(row[k].to);
      if (weighted) net.weights.push_back(row[k].weight);
    }
    net.in_group_begin.push_back(begin);
    net.in_group_end.push_back(end);
    net.offsets.push_back(net.neighbours.size());
  }
  return net;
}

// Undirected unweighted rows from an edge list.
inline SocialNetwork make_undirected(const std::vector<std::uint32_t>& group_begin,
                                     const std::vector<std::pair<AgentId, AgentId>>& edges) {
  std::vector<std::vector<Arc>> rows(group_begin.back());
  for (auto [u, v] : edges) {
    rows[u].push_back({v});
    rows[v].push_back({u});
  }
  return make_network(group_begin, std::move(rows), false, false);
}

// Cross-group ties with their incidence; tie e has key `key_base + e`.
inline CrossTies make_ties(std::size_t agents, const std::vector<std::pair<AgentId, AgentId>>& ends,
                           float strength, std::size_t static_count, std::uint64_t key_base = 0) {
  CrossTies t;
  for (std::size_t e = 0; e < ends.size(); ++e) {
    t.a.push_back(ends[e].first);
    t.b.push_back(ends[e].second);
    t.strength.push_back(strength);
    t.key.push_back(key_base + e);
    t.setting.push_back(0);
  }
  t.static_count = static_count;
  t.offsets.assign(agents + 1, 0);
  for (std::size_t e = 0; e < ends.size(); ++e) {
    ++t.offsets[t.a[e] + 1];
    ++t.offsets[t.b[e] + 1];
  }
  for (std::size_t i = 0; i < agents; ++i)
    t.offsets[i + 1] += t.offsets[i];
  t.incident.assign(t.offsets.back(), 0);
  std::vector<std::uint64_t> fill(t.offsets.begin(), t.offsets.end() - 1);
  for (std::size_t e = 0; e < ends.size(); ++e) {
    t.incident[fill[t.a[e]]++] = static_cast<std::uint32_t>(e);
    t.incident[fill[t.b[e]]++] = static_cast<std::uint32_t>(e);
  }
  return t;
}

}  // namespace detente::test

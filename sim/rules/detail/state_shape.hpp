#pragma once
// Shape checks and buffer preparation shared by the rules. A rule checks the
// arrays it reads once, before its parallel loop, so the loop itself never
// bounds-checks; a mismatch is a programming error in the caller, hence
// std::invalid_argument rather than InputError.
#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>

#include "core/population.hpp"
#include "rules/rule_context.hpp"

namespace detente::rules::detail {

// Every group is a bit of a 32-bit mask (TieSummary::positive_mask, ShockHit).
inline constexpr std::size_t kMaxGroups = 32;

inline void require(bool ok, const char* rule, const std::string& what) {
  if (!ok) throw std::invalid_argument(std::string(rule) + ": " + what);
}

// Trust, anchor and disposition are [G][N] with G ≥ 2, every per-agent array has N entries.
template <class Real>
void check_population(const Population<Real>& population, const char* rule) {
  const std::size_t n = population.size();
  const std::size_t g = population.trust.size();
  require(g >= 2 && g <= kMaxGroups, rule,
          "expected between 2 and 32 groups of trust, got " + std::to_string(g));
  require(population.anchor.size() == g && population.disposition.size() == g, rule,
          "anchor, disposition and trust have different group counts");
  require(population.group_begin.size() == g + 1 && population.group_begin.back() == n, rule,
          "group_begin must have G + 1 entries ending at the agent count");
  for (std::size_t h = 0; h < g; ++h) {
    require(population.trust[h].size() == n && population.anchor[h].size() == n &&
                population.disposition[h].size() == n,
            rule, "trust, anchor and disposition rows must have one entry per agent");
  }
  require(population.perceived_norm.empty() || population.perceived_norm.size() == g, rule,
          "perceived_norm must be empty or have one row per group");
  for (const auto& row : population.perceived_norm)
    require(row.size() == n, rule, "perceived_norm rows must have one entry per agent");
  require(population.susceptibility.size() == n && population.literacy.size() == n &&
              population.convener_trust.size() == n && population.stubbornness.size() == n,
          rule, "per-agent attributes must have one entry per agent");
}

// Gives `next` the shape of the population's trust; a no-op when it already
// has it, so a simulation that keeps its buffer never reallocates.
template <class Real>
void shape_like_trust(const Population<Real>& population, TrustArrays<Real>& next) {
  next.resize(population.trust.size());
  for (auto& row : next)
    row.resize(population.size());
}

// next = trust: what a disabled rule, or an agent it leaves alone, writes.
template <class Real>
void copy_trust(const Population<Real>& population, TrustArrays<Real>& next) {
  shape_like_trust(population, next);
  for (std::size_t h = 0; h < next.size(); ++h) {
    std::copy(population.trust[h].begin(), population.trust[h].end(), next[h].begin());
  }
}

template <class Real>
Real clamp01(Real x) {
  return std::clamp(x, Real(0), Real(1));
}

}  // namespace detente::rules::detail

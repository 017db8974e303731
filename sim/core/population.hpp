#pragma once
// The agents, as a struct of arrays (design §2.1).
//
// Agents are numbered group by group. `trust[h][i]` is agent i's trust toward
// group h (the entry for i's own group is unused and stays 0); `anchor[h][i]`
// the settled attitude it falls back to, and `disposition[h][i]` the lasting
// personal disposition that settled attitude returns to over years. Real is float (default) or
// double
// (`precision: float64`, for the exact special cases of the influence rule).
#include <cstdint>
#include <string>
#include <vector>

#include "core/network.hpp"

namespace detente {

template <class Real>
struct Population {
  std::vector<std::string> group_names;
  std::vector<std::uint32_t> group_begin;  // G + 1 offsets
  std::vector<std::uint8_t> group;         // per agent

  std::vector<std::vector<Real>> trust;        // [h][i]
  std::vector<std::vector<Real>> anchor;       // [h][i]
  std::vector<std::vector<Real>> disposition;  // [h][i]; formed young, moved by curricula
  // [h][i]: the trust toward h that i believes its own group holds
  // (dynamics.norms, rules/norms.hpp); empty while norms are off.
  std::vector<std::vector<Real>> perceived_norm;
  std::vector<Real> susceptibility;
  std::vector<Real> literacy;
  std::vector<Real> convener_trust;
  std::vector<Real> stubbornness;

  std::vector<std::string> role_names;
  std::vector<std::uint8_t> role;
  std::vector<std::uint8_t> marginalised;
  std::vector<std::uint64_t> external_id;  // id in an imported network file, else the index

  std::size_t size() const { return group.size(); }
  std::size_t groups() const { return group_names.size(); }
  std::uint32_t group_size(std::size_t g) const { return group_begin[g + 1] - group_begin[g]; }
};

}  // namespace detente

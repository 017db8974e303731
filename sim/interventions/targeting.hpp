#pragma once
// Who an intervention reaches (design §2.4 targeting): per targeted group,
// candidates of the targeted roles (not past participants unless `repeat`),
// narrowed by attitude (willing: the more trusting half by mean out-group
// trust; sceptical: the less trusting half), ordered by network position
// (central: most social ties first; peripheral: fewest first; random), with
// ties and the random order broken by the intervention's own draws. A
// marginalised quota takes that share of the cohort from marginalised
// candidates first, as far as there are any.
//
//   Selector select(spec.target, scenario, population.role_names);
//   for (std::size_t g : select.groups())
//     auto cohort = select.choose(g, Amount::of(30), population, network, rng, key, step, taken);
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/network.hpp"
#include "core/population.hpp"
#include "core/rng.hpp"
#include "scenario/scenario.hpp"

namespace detente::interventions {

// How many to choose: a number per group, or a share of the group's
// candidates of the targeted roles (past participants included in the base).
struct Amount {
  std::int64_t count = 0;
  double share = 0.0;
  bool by_share = false;
  static Amount of(std::int64_t n) { return {n, 0.0, false}; }
  static Amount share_of(double s) { return {0, s, true}; }
};

class Selector {
 public:
  Selector(const scenario::Targeting& target, const scenario::Scenario& scenario,
           const std::vector<std::string>& role_names);

  // The targeted groups, by index.
  const std::vector<std::size_t>& groups() const { return groups_; }
  // Whether agent i's role is targeted.
  bool role_ok(std::uint8_t role) const { return role < roles_.size() && roles_[role] != 0; }

  // The chosen members of group `g`, in increasing id order. `taken` flags
  // past participants (excluded unless target.repeat); empty = nobody.
  template <class Real>
  std::vector<AgentId> choose(std::size_t g, Amount amount, const Population<Real>& population,
                              const SocialNetwork& network, const Streams& rng, std::uint32_t key,
                              std::int64_t step, std::span<const std::uint8_t> taken) const;

 private:
  scenario::Targeting target_;
  std::vector<std::size_t> groups_;
  std::vector<std::uint8_t> roles_;  // per role id: 1 if targeted
};

// Mean trust of agent i toward its out-groups.
template <class Real>
double outgroup_trust(const Population<Real>& population, std::size_t i);

}  // namespace detente::interventions

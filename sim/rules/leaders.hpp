#pragma once
// Leaders (issue 12, item 4c; dynamics.leaders): a few leaders per group
// whose stance toward each out-group follows their public and their own
// ties, and whose statements move their public.
//
//   who leads      the `count` members of each group with the most in-group
//                  ties at the start (ties broken by lower id)
//   seat turnover  each step a seat changes hands with chance
//                  p = 1 − (1 − turnover)^(1 / steps a year), and whenever
//                  population turnover gave the holder's place a new occupant;
//                  the seat goes by lot to a member of the group who does not
//                  lead, with chance ∝ (1 + in-group ties) × (alumni_weight if
//                  a programme alumnus, else 1)
//   stance         starts at the leader's own trust; each step
//                    s ← (1 − φ)·s + φ·(w·x_leader + (1 − w)·x̄_public)
//                  toward each out-group h, x̄_public the mean trust toward h
//                  of the leader's group
//   statements     every member i of group g, toward each out-group h:
//                    x ← x + cue·s_i·(S̄_gh − x),  S̄_gh the mean stance of g's
//                  leaders toward h, s_i the member's susceptibility
//
// Why the public's mean trust and not its share trusting: the stance is a
// position on the trust scale, so what it follows is the public's position on
// that scale; the share trusting is what the room a leader has is measured by
// (metrics/leader_metrics.hpp). Why a lot weighted by ties rather than the
// best-connected successor: with a fixed best-connected rule a small
// alumni_weight would hand every seat to alumni or none, and communities do
// not always put forward their most connected member.
//
// The seats of a step are handed on in seat order, each successor leading
// from then on (so no one takes two seats); draws come from Purpose::leaders
// keyed by (group, step, seat), so no other rule's numbers move, and the
// result depends on neither agent order nor thread count.
#include <cstdint>
#include <span>
#include <vector>

#include "core/network.hpp"
#include "core/population.hpp"
#include "core/rng.hpp"
#include "rules/rule_context.hpp"
#include "scenario/scenario.hpp"

namespace detente::rules {

// The leaders of every group and their stances.
struct Leadership {
  std::size_t groups = 0;
  std::size_t per_group = 0;        // seats per group: min(count, the smallest group's size)
  std::vector<AgentId> holder;      // [g·per_group + k]
  std::vector<std::int64_t> since;  // step the holder took the seat (0 for the first)
  std::vector<double> stance;       // [(g·per_group + k)·groups + h]; own group 0

  std::size_t seats() const { return holder.size(); }
  double& stance_of(std::size_t seat, std::size_t h) { return stance[seat * groups + h]; }
  double stance_of(std::size_t seat, std::size_t h) const { return stance[seat * groups + h]; }
  std::size_t bytes() const {
    return holder.capacity() * sizeof(AgentId) + since.capacity() * sizeof(std::int64_t) +
           stance.capacity() * sizeof(double);
  }
  friend bool operator==(const Leadership&, const Leadership&) = default;
};

// In-group ties of agent i (its slice of the social network).
inline std::uint64_t in_group_degree(const SocialNetwork& network, AgentId i) {
  return network.peer_end(i) - network.peer_begin(i);
}

// The first leaders: the best-connected members of each group, their stance
// their own trust. Empty (no seats) when leaders are off.
template <class Real>
Leadership seat_leaders(const scenario::Leaders& params, const Population<Real>& people,
                        const SocialNetwork& network);

// Hands on the seats that change hands in `step`: those whose draw falls
// below `chance` and those marked in `replaced` (per seat: population
// turnover gave the holder's place a new occupant). `alumnus` is per agent
// (empty: nobody has graduated). Returns the seats handed on.
template <class Real>
std::size_t hand_on_seats(const scenario::Leaders& params, double chance,
                          const Population<Real>& people, const SocialNetwork& network,
                          std::span<const std::uint8_t> alumnus,
                          std::span<const std::uint8_t> replaced, const Streams& rng,
                          std::int64_t step, Leadership& leadership);

// Moves every stance toward its target (the formula above).
template <class Real>
void follow_public(const scenario::Leaders& params, const Population<Real>& people,
                   Leadership& leadership);

// Writes every member's trust after the leaders' statements into `next`.
template <class Real>
void apply_statements(const scenario::Leaders& params, const Leadership& leadership,
                      const Population<Real>& people, TrustArrays<Real>& next);

}  // namespace detente::rules

#pragma once
// Population turnover (design §2.3, "Turnover"): each year a share of the
// people leave and young adults take their places. The mechanism by which a
// public's mean drifts over decades while each person stays anchored: the
// newcomers form their dispositions from the world as it is when they come of
// age, not from the one their predecessors grew up in.
//
//   chance a step      p = 1 − (1 − rate)^(1 / steps a year)
//   who leaves         each person independently with chance p
//   the newcomer in slot i of group g, toward each out-group h:
//     family  F = mean trust toward h of i's in-group neighbours now
//                 (the group's mean trust if i has none)
//     school  S = mean disposition toward h of the group's students
//                 (members of school_role: what school and curricula made
//                 of them; the group's mean disposition if it has none)
//     d = clamp(family·F + school·S + spread·s·z, 0, 1),  z ~ N(0, 1),
//         s² = max(0, σ² − family²·V): σ the group's person-level SD of
//         dispositions toward h, V the variance of F over the group's
//         places, so that newcomers differ as much as the group does
//     trust = anchor = disposition = d
//     perceived norm (dynamics.norms on) = the mean perceived norm of i's
//                 in-group neighbours (the group's mean if it has none)
//   susceptibility, literacy, trust in the convener and stubbornness are
//   drawn afresh from the group's declared distributions.
//
// Every newcomer of a step is computed from the state before any of them is
// placed, so neither agent order nor thread count changes a result. Draws
// come from Purpose::turnover keyed by (step, slot), so turnover shifts no
// other rule's numbers.
#include <cstdint>
#include <span>
#include <vector>

#include "core/network.hpp"
#include "core/population.hpp"
#include "core/rng.hpp"
#include "scenario/scenario.hpp"

namespace detente::rules {

// The chance a person leaves in one step, from the share who leave in a year.
double leave_chance(double yearly_rate, double steps_per_year);

// Who leaves in `step`, in increasing id order: each of `agents` with chance
// `chance`, drawn as geometric gaps between leavers (a few draws a step
// rather than one per person; the same Bernoulli process).
std::vector<AgentId> choose_leavers(double chance, std::size_t agents, const Streams& rng,
                                    std::int64_t step);

template <class Real>
struct Newcomer {
  AgentId slot = 0;
  std::vector<Real> trust;  // [h]; also the anchor and the disposition; own group 0
  std::vector<Real> norm;  // [h]: perceived norm, its in-group neighbours' mean; empty if norms off
  Real susceptibility = 0, literacy = 0, convener_trust = 0, stubbornness = 0;
};

// What the successors of `leavers` bring (same order), from the state as it stands.
template <class Real>
std::vector<Newcomer<Real>> socialise(const scenario::Turnover& params,
                                      const scenario::Population& spec,
                                      const Population<Real>& people, const SocialNetwork& network,
                                      std::span<const AgentId> leavers, const Streams& rng,
                                      std::int64_t step);

// Puts the newcomers in their places: trust, anchor, disposition and traits.
template <class Real>
void place_newcomers(std::span<const Newcomer<Real>> newcomers, Population<Real>& people);

// The leavers' friendships across the line do not pass to their successors:
// their programme ties are dropped and their social-layer ties go back to
// the social layer's starting strength (the place, a mixed street or
// workplace, stays; the friendship made there does not). `leavers` sorted.
// Returns whether any tie was dropped (the incidence must then be rebuilt).
bool forget_cross_ties(std::span<const AgentId> leavers, float social_strength, CrossTies& ties);

}  // namespace detente::rules

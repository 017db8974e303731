#pragma once
// The programme layer (design §2.2): cross-group ties that interventions add
// after the static social ties, each in a contact setting that carries the
// programme's conditions. Contact meets them like any tie (rules/contact.hpp);
// the simulation fades them by tie_decay times the setting's decay factor and
// drops them under tie_floor.
//
// A tie's key, which names its random stream in the contact rule, is a hash of
// (intervention, round, pair) with bit 55 set, so it never equals the key of a
// static tie (their index) and creating it shifts no other tie's draws.
#include <cstdint>

#include "core/network.hpp"
#include "interventions/intervention.hpp"

namespace detente::interventions {

std::uint64_t programme_tie_key(std::uint32_t intervention_key, std::int64_t step, AgentId a,
                                AgentId b);

void add_tie(CrossTies& ties, AgentId a, AgentId b, double strength, std::uint64_t key,
             std::uint16_t setting);

// Conditions raised toward 1 by `boost` (trained facilitators); framing and
// intensity unchanged.
scenario::Conditions facilitated(const scenario::Conditions& conditions, double boost);

// Appends a contact setting owned by intervention `owner`; returns its index.
template <class Real>
std::uint16_t add_setting(InterventionContext<Real>& world, const scenario::Conditions& conditions,
                          std::size_t owner);

// Moves every programme tie in setting `from` to setting `to` (a cohort's
// ties when its programme ends).
void move_ties(CrossTies& ties, std::uint16_t from, std::uint16_t to);

}  // namespace detente::interventions

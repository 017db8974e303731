#pragma once
// Perceived norms and complex contagion (dynamics.norms; issue 12, item 4b).
//
// Each person i holds, toward each out-group h, a perceived norm p_ih in
// [0,1]: the attitude toward h that i believes its own group holds. What
// people say is pulled toward what they believe their group thinks, and
// their peers see what they say, not what they feel:
//   expressed   e_j = x_j + c·(p_j − x_j)                    (conformity c)
//   over i's in-group neighbours j, weights w_ij:
//   seen mean   n_i = Σ w·e_j / Σ w
//   warm share  s_i = Σ w·[e_j ≥ warm] / Σ w
//   norm        p_i' = (1 − ρ)·p_i + ρ·n_i                    (unchanged with no neighbours)
//   tipping     g(s) = clamp((s − θ)/width + 1/2, 0, 1)
//   trust       x_i' = clamp(x_i + ν·g(s_i)·max(0, m_i − x_i), 0, 1)
//               m_i the weighted mean of e_j over the neighbours seen to be warm
//               (no move when none is)
// Private trust moves only toward warmth and only once the share of one's
// neighbours seen to be warm is past θ (complex contagion: one warm friend is
// not enough). A campaign that lifts perceived norms lifts what its
// listeners say, and so what their neighbours see; whether that carries the
// warm share they see past θ decides whether it tips or stalls.
// Why the norm is a perceived attitude and the threshold a share: the
// expression pull needs the norm on the attitude's own scale (a share read
// as an attitude drags everyone's speech toward it and the seen warmth
// collapses), while θ is a share of the group (Centola et al. 2018's
// critical mass), and a share is what a person can count around them.
//
// Everything is computed from the state as the previous phase left it into
// fresh buffers, one agent at a time, so the result depends on neither agent
// order nor thread count.
#include "core/network.hpp"
#include "core/population.hpp"
#include "rules/rule_context.hpp"
#include "scenario/scenario.hpp"

namespace detente::rules {

// The ramp g(s) of the tipping rule, s the warm share seen.
double tipping(const scenario::Norms& params, double warm_share);

// The perceived norms people start with: the mean private trust toward h of
// their in-group neighbours, who have not yet begun to conform; the group's
// mean for a person without neighbours.
template <class Real>
TrustArrays<Real> initial_norms(const scenario::Norms& params, const SocialNetwork& network,
                                const Population<Real>& population);

// One step: writes every out-group entry of `next_trust` and `next_norm`
// (own-group entries 0) from `population`, whose perceived_norm must be set.
template <class Real>
void apply_norms(const scenario::Norms& params, const SocialNetwork& network,
                 const Population<Real>& population, TrustArrays<Real>& next_trust,
                 TrustArrays<Real>& next_norm);

}  // namespace detente::rules

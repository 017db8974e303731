#pragma once
// Intergroup contact and extended contact (design §2.3 rule 2).
//
// Every cross-group tie e = (a, b) meets with probability
// rate·strength_e·intensity, the intensity that of the tie's setting (1 for
// everyday ties; higher while a programme's cohort is together).
// A meeting is one shared event, drawn from the tie's own stream
// (Purpose::contact, key_e): whether it happens (u₀) and how well it went
// (u₁). Each end appraises it by its own expectations: end i finds it
// positive when u₁ < q_i,
//   q_i = clamp(q0 + bonus·(equal_status + common_goal + cooperation +
//               institutional_support) − anxiety·(1 − x_i), 0, 1),
// x_i being i's own trust toward the other's group and the conditions those of
// the tie's setting; competitive framing subtracts competitive_penalty instead
// of adding the cooperation bonus. So the warier end (lower q) never finds a
// meeting good that the other found bad, and a meeting can leave them with
// different verdicts. Each end's trust moves by its own verdict, weighed by
// how deep the tie was when they met (depth_weight φ; strength s before the
// meeting: a friend's evening counts for more than a stranger's):
//   positive for i: x_i += w·generalisation·α⁺·(1 − x_i)
//   negative for i: x_i −= w·generalisation·α⁻·x_i,   w = 1 − φ + φ·s
// and the tie by both: strength += strengthen·(1 − strength) when both found it
// positive, strength −= weaken·strength when neither did, unchanged otherwise.
// Effects of several meetings in one step add up (from the same start state).
// Extended contact: x += β·(1 − x)·f, f the weighted share of i's in-group
// neighbours holding a positive tie (strength ≥ positive_tie) toward h, as the
// ties stood at the start of the step.
//
// Parallel without locks: phase one computes each tie's event and new
// strength; phase two has each agent gather over its own ties.
#include <cstdint>
#include <span>
#include <vector>

#include "core/network.hpp"
#include "core/population.hpp"
#include "rules/rule_context.hpp"
#include "scenario/scenario.hpp"

namespace detente::rules {

// Derived per-agent view of the cross-group ties, refreshed after contact and
// read by extended contact, shocks (resilience) and metrics.
struct TieSummary {
  std::vector<std::uint16_t> positive_ties;  // per agent: ties with strength ≥ positive_tie
  std::vector<std::uint32_t> positive_mask;  // per agent: bit h set if a positive tie to group h
  std::vector<std::uint16_t> any_ties;       // per agent: all cross-group ties
};

void summarise_ties(const CrossTies& ties, std::span<const std::uint8_t> group, double positive_tie,
                    TieSummary& out);

// Brings `out` up to date after only the ties in `flipped` crossed the
// positive threshold (and no tie was added or removed): recomputes the ends of
// those ties only, with the same per-agent rule as summarise_ties.
void update_tie_summary(const CrossTies& ties, std::span<const std::uint8_t> group,
                        double positive_tie, std::span<const std::uint32_t> flipped,
                        TieSummary& out);

struct ContactCounts {
  std::uint64_t meetings = 0;
  std::uint64_t positive = 0;  // meetings both ends found positive
  std::uint64_t negative = 0;  // meetings neither end found positive
  // Each end's own verdict, counted by that end's group: how often people
  // found their meetings with the other side good or bad (a meeting between a
  // warm and a wary person can count once each way).
  std::vector<std::uint64_t> good_verdicts;  // one per group
  std::vector<std::uint64_t> bad_verdicts;   // one per group
  std::vector<std::uint32_t> flipped_ties;   // ties that crossed positive_tie, ascending
};

// `settings[k]` are the conditions of setting k (settings[0] = everyday).
// Updates tie strengths in place (programme ties below tie_floor are dropped by
// the caller; social ties are kept at tie_floor at least).
template <class Real>
ContactCounts apply_contact(const scenario::Contact& params,
                            std::span<const scenario::Conditions> settings,
                            const SocialNetwork& network, const Population<Real>& population,
                            const TieSummary& ties_before, CrossTies& ties,
                            const StepContext& context, TrustArrays<Real>& next);

}  // namespace detente::rules

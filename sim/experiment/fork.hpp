#pragma once
// Arms that fork from the base instead of repeating it.
//
// Under common random numbers every arm of a replicate draws the same
// numbers as the base, so an arm *is* the base, bit for bit, until the first
// step in which something they differ in acts (design §2: an intervention's
// first round, or the first time its trigger watches). The arms of one
// replicate therefore build their people once, run the shared prefix once,
// and each arm continues from a copy of the base's state (Simulation::fork).
// What may be shared is decided conservatively, from the scenarios alone:
//
//   * the people as built (step 0) when the scenarios agree on everything the
//     build reads: seed, precision, population, network, media, the convener,
//     and the contact settings' everyday conditions and positive-tie line
//     (futures and sweep points that move only dynamics share their build);
//   * when, besides, the scenarios differ only in their interventions: every
//     step before the first round of an intervention they declare
//     differently, if they declare the same interventions by name and order
//     (the arm takes the base's convener state for the ones declared alike:
//     budget accounts, cohorts under way, triggers; Portfolio::follow), or
//     else every step before the first round of any intervention of either;
//     a different budget, outputs or any other key shares step 0 only.
//
// Results are the same bits as running each arm from step 0 (tested in
// tests/unit/experiment/test_fork.cpp at one and two threads).
//
//   std::vector<const scenario::Scenario*> arms = {&base, &episodic, &none};
//   std::vector<ReplicateOutput> out;
//   run_forked(arms, /*replicate=*/0, nullptr, out);   // out[i] as run_replicate(*arms[i])
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "experiment/replicate.hpp"
#include "scenario/scenario.hpp"

namespace detente {

class Simulation;

// Whether a simulation of `b` may start from the people a simulation of `a`
// built (the same replicate).
bool shares_build(const scenario::Scenario& a, const scenario::Scenario& b);

// The steps `arm` shares with `base` in the same replicate: nullopt for none
// (not even the build), 0 for the build only, k for the state after k steps
// (the scenario's steps when they run the same interventions).
std::optional<std::int64_t> shared_steps(const scenario::Scenario& base,
                                         const scenario::Scenario& arm);

// One replicate of every scenario in `arms` ([0] leads, the others fork from
// it where shared_steps allows; the rest run on their own, in parallel).
// `built`, when not null, is an unstepped simulation of the same replicate
// whose build arms[0] may share (shares_build), so that many futures or
// sweep points build their people once. out[i] receives what
// run_replicate(*arms[i], replicate) would have recorded.
void run_forked(std::span<const scenario::Scenario* const> arms, std::uint32_t replicate,
                const Simulation* built, std::vector<ReplicateOutput>& out);

}  // namespace detente

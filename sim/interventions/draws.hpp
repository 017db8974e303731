#pragma once
// The draw indices of an intervention's sub-stream. An intervention draws
// with Streams::uniforms(Purpose::intervention, stream_key(name), step, agent,
// draw); the draw index says what the number decides, so two decisions about
// the same agent in the same step never share a number.
#include <cstdint>

namespace detente::interventions {

inline constexpr std::uint32_t kDrawSelect = 0;  // order of candidates for a cohort
inline constexpr std::uint32_t kDrawTeam = 1;    // order in which a cohort is split into teams
inline constexpr std::uint32_t kDrawFollow = 2;  // whether an agent follows a message (step 0)
inline constexpr std::uint32_t kDrawExpose = 3;  // exposure and backlash of a message
inline constexpr std::uint32_t kDrawPartner =
    4;  // partners of mingling and centre ties (4 per draw)
inline constexpr std::uint32_t kDrawTurnover = 8;  // whether a trained person leaves this step
inline constexpr std::uint32_t kDrawReview = 9;    // whether a peer review finds a fault
inline constexpr std::uint32_t kDrawVisible = 10;  // whether a covered agent sees a shared benefit
// Releases of co-produced works: kDrawRelease + round % 128, so works on show
// at the same time draw apart.
inline constexpr std::uint32_t kDrawRelease = 64;

}  // namespace detente::interventions

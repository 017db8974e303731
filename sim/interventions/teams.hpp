#pragma once
// Mixed teams (design §2.4 exchange_program, joint_production): a round's
// cohorts, one per targeted group, are shuffled by the intervention's draws
// and dealt round-robin into teams of about `team_size`, so each team mixes
// the groups as evenly as the cohort allows. Every cross-group pair of a team
// gets a programme tie; each member also gets `mingling` ties with
// non-teammates of other groups in the cohort (the camp beyond the bunk).
#include <cstdint>
#include <vector>

#include "core/network.hpp"
#include "core/rng.hpp"
#include "interventions/programme_layer.hpp"

namespace detente::interventions {

struct TeamSpec {
  std::int64_t team_size = 6;
  double tie_strength = 1.0;
  std::int64_t mingling = 0;
  double mingling_strength = 0.3;
};

// One number for an unordered pair of people, the same whichever end comes
// first: how rounds and reunions recognise a tie they already made.
inline std::uint64_t pair_id(AgentId a, AgentId b) {
  return (static_cast<std::uint64_t>(a < b ? a : b) << 32) | (a < b ? b : a);
}

// A programme tie a round formed, with the strength it started at.
struct FormedTie {
  AgentId a = 0;
  AgentId b = 0;
  float strength = 0.0f;
};

// What a round of teams made.
struct Teams {
  std::vector<AgentId> members;     // every member, group by group
  std::vector<std::uint32_t> team;  // per member
  std::vector<FormedTie> ties;      // team ties first, then mingling ties
  std::size_t team_ties = 0;
  std::size_t mingling_ties = 0;
};

// `cohorts[k]` are the members drawn from one group (k over targeted groups).
Teams form_teams(const std::vector<std::vector<AgentId>>& cohorts, const TeamSpec& spec,
                 std::uint32_t key, std::int64_t step, const Streams& rng, std::uint16_t setting,
                 ProgrammeLayer& programmes);

}  // namespace detente::interventions

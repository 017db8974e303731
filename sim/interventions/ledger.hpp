#pragma once
// What the convener's work leaves behind, shared by the interventions and read
// by the metrics: who took part, who graduated and who became an ambassador;
// who was trained; which contact settings belong to which programme and how
// fast their ties fade this step; money spent and messages delivered.
#include <cstdint>
#include <vector>

namespace detente::interventions {

// The mixed teams of one programme round (exchange, joint production):
// members group by group, and each member's team.
struct TeamRound {
  std::size_t intervention = 0;
  std::int64_t step = 0;
  std::vector<std::uint32_t> members;
  std::vector<std::uint32_t> team;
};

// Per-agent flags (Ledger::trained).
inline constexpr std::uint8_t kTrainedJournalist = 1;
inline constexpr std::uint8_t kTrainedFacilitator = 2;

// A contact setting no intervention owns (everyday contact).
inline constexpr std::int32_t kNoOwner = -1;

struct Ledger {
  // Per agent. `participant`: took part in an exchange, a joint production, a
  // curriculum or a training (not the audiences of messages, nor the
  // catchment of a shared investment).
  std::vector<std::uint8_t> participant;
  std::vector<std::uint8_t> alumnus;
  std::vector<std::uint8_t> ambassador;
  std::vector<std::uint8_t> trained;

  // Per contact setting: the intervention that made it (index in the
  // scenario's list) and the share of the usual tie decay that applies this
  // step (coordination lowers it).
  std::vector<std::int32_t> setting_owner;
  std::vector<float> decay_factor;

  // Conditions of programmes set up from now on rise by this share of the way
  // to 1 (trained facilitators, capacity_building).
  double condition_boost = 0.0;
  // Per group: share of hostile slant removed from outlets serving it
  // (trained journalists, capacity_building).
  std::vector<double> slant_relief;

  // Per intervention, cumulative.
  std::vector<double> spending;
  std::vector<std::uint64_t> exposures;

  // Every programme round's teams, in the order they were formed.
  std::vector<TeamRound> teams;

  Ledger() = default;
  Ledger(std::size_t agents, std::size_t groups, std::size_t interventions)
      : participant(agents, 0),
        alumnus(agents, 0),
        ambassador(agents, 0),
        trained(agents, 0),
        setting_owner(1, kNoOwner),
        decay_factor(1, 1.0f),
        slant_relief(groups, 0.0),
        spending(interventions, 0.0),
        exposures(interventions, 0) {}
};

}  // namespace detente::interventions

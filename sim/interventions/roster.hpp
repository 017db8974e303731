#pragma once
// Who the convener's work has touched, person by person: who took part, who
// graduated from a programme, who became an ambassador (and how much more
// their voice weighs among their peers) and who was trained. The metrics read
// it (participants, ambassadors); interventions write it through its methods.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/network.hpp"

namespace detente::interventions {

// What a person was trained as (Roster::trained, a bit set).
inline constexpr std::uint8_t kTrainedJournalist = 1;
inline constexpr std::uint8_t kTrainedFacilitator = 2;

class Roster {
 public:
  Roster() = default;
  explicit Roster(std::size_t agents)
      : participant_(agents, 0), alumnus_(agents, 0), ambassador_(agents, 0), trained_(agents, 0) {}

  // Took part in an exchange, a joint production, a curriculum or a training
  // (not the audiences of messages, nor the catchment of a shared investment).
  void took_part(AgentId i) { participant_[i] = 1; }
  void graduated(AgentId i) { alumnus_[i] = 1; }
  // An ambassador's voice weighs `weight` times a peer's (at least 1).
  void make_ambassador(AgentId i, double weight) {
    ambassador_[i] = 1;
    if (weight <= 1.0) return;  // they speak like anyone else
    if (speaker_weight_.empty()) speaker_weight_.assign(participant_.size(), 1.0f);
    speaker_weight_[i] = std::max(speaker_weight_[i], static_cast<float>(weight));
  }
  void trained_as(AgentId i, std::uint8_t what) { trained_[i] |= what; }
  // The trained person left (turnover): whoever takes their place is untrained.
  void untrained(AgentId i, std::uint8_t what) {
    trained_[i] = static_cast<std::uint8_t>(trained_[i] & ~what);
  }

  // Someone new took place i (population turnover): what the roster held of
  // the one who left (taking part, graduating, being an ambassador, being
  // trained) goes with them, and the place remembers when its occupant came.
  void replaced(AgentId i, std::int64_t step) {
    participant_[i] = alumnus_[i] = ambassador_[i] = trained_[i] = 0;
    if (!speaker_weight_.empty()) speaker_weight_[i] = 1.0f;
    if (arrived_.empty()) arrived_.assign(participant_.size(), kFirstOccupant);
    arrived_[i] = step;
  }
  // The step at which place i's occupant arrived; kFirstOccupant for the
  // people the run began with. A programme's record of place i from before
  // then was about someone else.
  static constexpr std::int64_t kFirstOccupant = -1;
  std::int64_t arrived(AgentId i) const { return arrived_.empty() ? kFirstOccupant : arrived_[i]; }
  // Whether any place has changed occupant so far.
  bool anyone_replaced() const { return !arrived_.empty(); }

  const std::vector<std::uint8_t>& participant() const { return participant_; }
  const std::vector<std::uint8_t>& alumnus() const { return alumnus_; }
  const std::vector<std::uint8_t>& ambassador() const { return ambassador_; }
  const std::vector<std::uint8_t>& trained() const { return trained_; }
  // Per agent, the weight of its voice among its peers; empty while every voice weighs 1.
  const std::vector<float>& speaker_weight() const { return speaker_weight_; }

  std::size_t bytes() const {
    return participant_.capacity() + alumnus_.capacity() + ambassador_.capacity() +
           trained_.capacity() + speaker_weight_.capacity() * sizeof(float) +
           arrived_.capacity() * sizeof(std::int64_t);
  }

 private:
  std::vector<std::uint8_t> participant_, alumnus_, ambassador_, trained_;
  std::vector<float> speaker_weight_;
  std::vector<std::int64_t> arrived_;  // per place; empty while nobody has been replaced
};

// The mixed teams of one programme round (exchange, joint production):
// members group by group, and each member's team.
struct TeamRound {
  std::size_t intervention = 0;
  std::int64_t step = 0;
  std::vector<std::uint32_t> members;
  std::vector<std::uint32_t> team;
};

}  // namespace detente::interventions

#pragma once
// The programme layer (design §2.2) as interventions see it: the contact
// settings programmes open, with their conditions, their owner and how fast
// their ties fade this step; the programme ties in them; the conditions that
// trained facilitators add; and every round's teams.
//
// `SettingBook` is the layer's own record, kept by the world; `ProgrammeLayer`
// is the door through which interventions change settings and programme
// ties, and nothing else of the world.
//
// A tie's key, which names its random stream in the contact rule, is a hash of
// (intervention, round, pair) with bit 55 set, so it never equals the key of a
// static tie (their index) and creating it shifts no other tie's draws.
#include <cstdint>
#include <vector>

#include "core/network.hpp"
#include "interventions/roster.hpp"
#include "scenario/scenario.hpp"

namespace detente::interventions {

// A contact setting no intervention owns (everyday contact).
inline constexpr std::int32_t kNoOwner = -1;

struct SettingBook {
  // Per contact setting: the intervention that opened it (index in the
  // scenario's list) and the share of the usual tie decay that applies this
  // step (coordination lowers it; reset to 1 at the start of every step).
  std::vector<std::int32_t> owner{kNoOwner};
  std::vector<float> decay_factor{1.0f};
  // Conditions of programmes set up from now on rise by this share of the
  // way to 1 (trained facilitators, capacity_building).
  double facilitation = 0.0;
  std::vector<TeamRound> teams;
};

// Whether `setting` belongs to an intervention that `cared_owner` (one flag
// per intervention of the scenario) selects.
bool owned_by(const SettingBook& book, const std::vector<std::uint8_t>& cared_owner,
              std::uint16_t setting);

std::uint64_t programme_tie_key(std::uint32_t intervention_key, std::int64_t step, AgentId a,
                                AgentId b);

// Conditions raised toward 1 by `boost` (trained facilitators); framing and
// intensity unchanged.
scenario::Conditions facilitated(const scenario::Conditions& conditions, double boost);

class ProgrammeLayer {
 public:
  ProgrammeLayer(std::vector<scenario::Conditions>& settings, CrossTies& ties, SettingBook& book)
      : settings_(settings), ties_(ties), book_(book) {}

  // Opens a contact setting owned by intervention `owner`; returns its index.
  std::uint16_t open_setting(const scenario::Conditions& conditions, std::size_t owner);
  // Gives a setting of the same owner new conditions (a reused cohort setting).
  void reset_setting(std::uint16_t setting, const scenario::Conditions& conditions);
  void add_tie(AgentId a, AgentId b, double strength, std::uint64_t key, std::uint16_t setting);
  // Raises programme tie `e` to at least `strength` (a meeting place's regulars).
  void strengthen_to(std::size_t e, double strength);
  // Moves every programme tie in setting `from` to setting `to` (a cohort's
  // ties when its programme ends).
  void move_ties(std::uint16_t from, std::uint16_t to);
  // Moves programme tie `e` to setting `to` (a reconvened cohort's tie).
  void move_tie(std::size_t e, std::uint16_t to);
  // Every programme tie whose setting `cared` (per setting owner) selects
  // moves `share` of the way back to full strength.
  void renew_ties(const std::vector<std::uint8_t>& cared_owner, double share);
  // Those ties fade this step by at most `factor` of the usual tie decay.
  void slow_decay(const std::vector<std::uint8_t>& cared_owner, float factor);
  void raise_facilitation(double level);
  void record_teams(TeamRound round) { book_.teams.push_back(std::move(round)); }

  const CrossTies& ties() const { return ties_; }
  const SettingBook& book() const { return book_; }

 private:
  std::vector<scenario::Conditions>& settings_;
  CrossTies& ties_;
  SettingBook& book_;
};

}  // namespace detente::interventions

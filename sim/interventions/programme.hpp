#pragma once
// What exchanges and joint productions share: each round draws a cohort from
// every targeted group, mixes it into teams (teams.hpp) whose ties meet in a
// setting of their own at the conditions' intensity for `duration` steps;
// then the cohort graduates: its ties move to the programme's alumni setting
// (same conditions, everyday intensity), where they persist, fade and can be
// renewed, and its members become alumni. Subclasses add what graduation
// means to them (ambassadors; a release of the work).
//
// Reunions (repeated contact of the same people): with `reunions` = K > 0, a
// newly drawn cohort comes back for the programme's next K rounds before a
// new one is drawn. A reunion reconvenes the members still there in the same
// teams: the ties they kept move to the round's setting (so they meet at its
// intensity again, deepening or souring from where they stand), ties that
// faded away are formed again at their starting strength. Each reunion is a
// round: it is paid per participant like any other.
#include <cstdint>
#include <vector>

#include "interventions/intervention.hpp"
#include "interventions/targeting.hpp"
#include "interventions/teams.hpp"

namespace detente::interventions {

template <class Real>
class Programme : public Intervention<Real> {
 public:
  Plan prepare(const View<Real>& world) override;
  void act(const View<Real>& world, Changes<Real>& changes) override;
  void carry_on(const View<Real>& world, Changes<Real>& changes) override;

 protected:
  struct Cohort {
    std::int64_t began = 0;
    std::int64_t ends = 0;  // the step it graduates, before that step's rounds
    std::uint16_t setting = 0;
    std::vector<AgentId> members;
  };

  Programme(const Setup& setup, const TeamSpec& teams, const scenario::Conditions& conditions,
            std::int64_t duration, std::int64_t cohort, std::int64_t reunions);
  virtual void graduate(const Cohort& cohort, const View<Real>& world, Changes<Real>& changes) = 0;

  std::uint32_t key() const { return key_; }
  std::size_t index() const { return index_; }
  // The cohort the last prepare() chose, group by group.
  const std::vector<std::vector<AgentId>>& chosen() const { return chosen_; }

 private:
  // The cohort reunions reconvene: the last newly drawn one, as drawn.
  struct Reunion {
    std::int64_t began = 0;  // the step it was drawn
    std::int64_t held = 0;   // reunions held since
    std::vector<std::vector<AgentId>> cohorts;
    Teams teams;
  };

  std::uint16_t setting_for_round(const View<Real>& world, ProgrammeLayer& programmes);
  // Whether place i still holds the member the reunion's cohort drew.
  bool stayed(const View<Real>& world, AgentId i) const {
    return world.roster.arrived(i) < reunion_.began;
  }
  void reconvene(const View<Real>& world, ProgrammeLayer& programmes, std::uint16_t setting);

  std::uint32_t key_;
  std::size_t index_;
  Selector selector_;
  TeamSpec teams_;
  scenario::Conditions conditions_;
  std::int64_t duration_;
  std::int64_t cohort_;
  std::vector<std::uint8_t> taken_;     // per agent: in an earlier round
  std::vector<std::int64_t> taken_at_;  // per agent: the step of that round (once any ran)
  std::vector<std::vector<AgentId>> chosen_;
  std::vector<Cohort> running_;
  std::vector<std::uint16_t> free_settings_;  // settings of graduated cohorts, for reuse
  std::int32_t alumni_setting_ = -1;
  std::int64_t reunions_;
  Reunion reunion_;
  bool reconvening_ = false;  // whether the last prepare() chose a reunion
};

}  // namespace detente::interventions

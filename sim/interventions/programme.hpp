#pragma once
// What exchanges and joint productions share: each round draws a cohort from
// every targeted group, mixes it into teams (teams.hpp) whose ties meet in a
// setting of their own at the conditions' intensity for `duration` steps;
// then the cohort graduates: its ties move to the programme's alumni setting
// (same conditions, everyday intensity), where they persist, fade and can be
// renewed, and its members become alumni. Subclasses add what graduation
// means to them (ambassadors; a release of the work).
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
            std::int64_t duration, std::int64_t cohort);
  virtual void graduate(const Cohort& cohort, const View<Real>& world, Changes<Real>& changes) = 0;

  std::uint32_t key() const { return key_; }
  std::size_t index() const { return index_; }
  // The cohort the last prepare() chose, group by group.
  const std::vector<std::vector<AgentId>>& chosen() const { return chosen_; }

 private:
  std::uint16_t setting_for_round(const View<Real>& world, ProgrammeLayer& programmes);

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
};

}  // namespace detente::interventions

#pragma once
// The convener's interventions (design §2.4): one small interface, one file per
// type. Interventions act in the first phase of a step ("scheduled events",
// before media, contact and influence), through a narrow view of the state;
// they never see YAML, files or the command line.
//
// A round runs in two halves so the budget can decide in between:
//   Plan plan = intervention.prepare(world);  // choose participants, draw exposures
//   if (budget covers cost(plan)) intervention.act(world);
// prepare() changes nothing in the world (its draws are pure functions of
// their keys), so an unfunded round leaves no trace. carry_on() runs every
// step for work already paid for: a cohort still together, a work still on
// show, a curriculum still taught.
//
// Randomness comes from the intervention's own sub-stream (Purpose::intervention,
// stream_key(name)), and the ties it makes are keyed by its name, so adding one
// never shifts anybody else's draws (common random numbers across arms).
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/network.hpp"
#include "core/population.hpp"
#include "core/rng.hpp"
#include "interventions/ledger.hpp"
#include "rules/media.hpp"
#include "scenario/scenario.hpp"

namespace detente::interventions {

// What an intervention may read and change in the first phase of a step.
template <class Real>
struct InterventionContext {
  std::int64_t step = 0;
  const Streams* rng = nullptr;
  Population<Real>* population = nullptr;  // trust written here is seen by the step's later phases
  const SocialNetwork* network = nullptr;
  CrossTies* ties = nullptr;                              // programme ties are appended here
  std::vector<scenario::Conditions>* settings = nullptr;  // contact settings (0 = everyday)
  std::vector<rules::ResolvedOutlet>* outlets = nullptr;  // the media rule's outlets
  std::vector<std::uint64_t>* backlash = nullptr;         // backlash events per group, cumulative
  std::vector<float>* speaker_weight = nullptr;           // empty until there are ambassadors
  Ledger* ledger = nullptr;
};

// What a prepared round will use, for its cost (scenario::Costs).
struct Plan {
  std::uint64_t participants = 0;
  std::uint64_t exposures = 0;
};

template <class Real>
class Intervention {
 public:
  virtual ~Intervention() = default;
  const std::string& name() const { return name_; }
  // Work already under way from earlier rounds; every step, before rounds.
  virtual void carry_on(InterventionContext<Real>& /*world*/) {}
  // Chooses the round's participants and draws its exposures; no change to
  // the world. Returns what the round will use.
  virtual Plan prepare(const InterventionContext<Real>& world) = 0;
  // Carries out the round prepare() chose.
  virtual void act(InterventionContext<Real>& world) = 0;

 protected:
  explicit Intervention(std::string name) : name_(std::move(name)) {}

 private:
  std::string name_;
};

// True when `spec`'s schedule (start, end or rounds, every) covers `step`.
bool scheduled(const scenario::Intervention& spec, std::int64_t step);

// What an intervention is built from: its declaration, the scenario it
// belongs to (group and role names, rules' parameters) and its index in the
// scenario's list (which keys its entries in the ledger).
struct Setup {
  const scenario::Scenario* scenario = nullptr;
  const scenario::Intervention* spec = nullptr;
  std::size_t index = 0;
  std::vector<std::string> role_names;  // the population's, in role-id order
};

// Builds the interventions a scenario declares, in declaration order. The
// loader has already checked every name they refer to.
template <class Real>
std::vector<std::unique_ptr<Intervention<Real>>> make_interventions(
    const scenario::Scenario& scenario, const std::vector<std::string>& role_names);

}  // namespace detente::interventions

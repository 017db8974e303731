#pragma once
// The convener's interventions (design §2.4): one small interface, one file per
// type. Interventions act in the first phase of a step ("scheduled events",
// before media, contact and influence), through a narrow view of the state;
// they never see YAML, files or the command line.
//
// An intervention reads the world through a View and changes it only through
// the doors of Changes: people's attitudes, the roster of who took part, the
// programme layer and the media desk. A round runs in two halves so the
// budget can decide in between:
//   Plan plan = intervention.prepare(view);  // choose participants, draw exposures
//   if (budget covers cost(plan)) intervention.act(view, changes);
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
#include "interventions/attitudes.hpp"
#include "interventions/programme_layer.hpp"
#include "interventions/roster.hpp"
#include "rules/media.hpp"
#include "scenario/scenario.hpp"

namespace detente::interventions {

// What every intervention may read in the first phase of a step: the state
// the previous step left, with what earlier interventions of this step changed.
template <class Real>
struct View {
  std::int64_t step;
  const Streams& rng;
  const Population<Real>& people;
  const SocialNetwork& network;
  const CrossTies& ties;    // static ties first, then the programme layer
  const Roster& roster;     // who took part, graduated, was trained
  const SettingBook& book;  // the programme layer's settings and teams
};

// The media as interventions change them: reactions against a message
// counted per group, and the hostile slant that trained journalists take off
// the outlets serving their group.
class MediaDesk {
 public:
  MediaDesk(std::vector<rules::ResolvedOutlet>& outlets,
            const std::vector<scenario::Outlet>& declared, std::vector<std::uint64_t>& backlash,
            std::vector<double>& relief)
      : outlets_(outlets), declared_(declared), backlash_(backlash), relief_(relief) {}

  void count_backlash(std::size_t group) { ++backlash_[group]; }
  // Training `source` (an intervention's index) now relieves outlets serving
  // `group` of `share` of their hostile slant; it replaces that source's
  // earlier relief, which may have been larger (turnover, fading). A group's
  // relief is the sum over sources (each counts its own trainees), at most 1.
  // Call apply_relief() after.
  void relieve(std::size_t source, std::size_t group, double share);
  // Outlets take the slants the reliefs give, at once.
  void apply_relief();

 private:
  std::vector<rules::ResolvedOutlet>& outlets_;
  const std::vector<scenario::Outlet>& declared_;
  std::vector<std::uint64_t>& backlash_;
  std::vector<double>& relief_;  // [source · groups + group], grown as sources relieve
};

// What an intervention may change, each through its own door.
template <class Real>
struct Changes {
  Attitudes<Real>& attitudes;
  Roster& roster;
  ProgrammeLayer& programmes;
  MediaDesk& media;
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
  virtual void carry_on(const View<Real>& /*world*/, Changes<Real>& /*changes*/) {}
  // Chooses the round's participants and draws its exposures; no change to
  // the world. Returns what the round will use.
  virtual Plan prepare(const View<Real>& world) = 0;
  // Carries out the round prepare() chose.
  virtual void act(const View<Real>& world, Changes<Real>& changes) = 0;
  // Messages this intervention has delivered so far (its own account).
  std::uint64_t exposures() const { return exposures_; }
  // Takes the state of `from`, an intervention of the same class built from
  // the same declaration in another simulation of the same replicate (an arm
  // forked from the base: experiment/fork.hpp). Each class copies itself.
  virtual void take_state(const Intervention& from) = 0;

 protected:
  explicit Intervention(std::string name) : name_(std::move(name)) {}
  void count_exposures(std::uint64_t n) { exposures_ += n; }

 private:
  std::string name_;
  std::uint64_t exposures_ = 0;
};

// True when `spec`'s schedule (start, end or rounds, every) covers `step`.
bool scheduled(const scenario::Intervention& spec, std::int64_t step);

// What an intervention is built from: its declaration, the scenario it
// belongs to (group and role names, rules' parameters) and its index in the
// scenario's list (which names it as a setting's owner).
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

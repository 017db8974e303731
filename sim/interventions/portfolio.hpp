#pragma once
// The convener's work in one replicate: its interventions with their
// schedules or triggers (governance among them), the budget, and the
// accounts of money spent and messages delivered. The engine's convener phase
// calls step() first in every step (design §2: scheduled events come before
// media, contact and influence):
//
//   1. work under way goes on (cohorts together, releases on show, classes,
//      governance practices while funded);
//   2. rounds due now (schedule or trigger) are prepared on the state at the
//      start of the step, paid in funding order (budget.hpp) and carried out
//      in declaration order;
//
//   interventions::Portfolio<float> portfolio(scenario, population);
//   portfolio.step(view, changes, probe);
#include <memory>
#include <string>
#include <vector>

#include "core/events.hpp"
#include "interventions/budget.hpp"
#include "interventions/intervention.hpp"
#include "interventions/triggers.hpp"

namespace detente::interventions {

template <class Real>
class Portfolio {
 public:
  // Whether the constructor applies the convener's alignment to the
  // population's trust in it: a world forked from another (engine/world.hpp)
  // takes people whose alignment was applied when they were built.
  enum class Alignment { apply, already_applied };
  Portfolio(const scenario::Scenario& scenario, Population<Real>& population,
            Alignment alignment = Alignment::apply);

  void step(const View<Real>& world, Changes<Real>& changes, const Probe& probe);

  // Whether this portfolio can take `from`'s state: the same budget, and the
  // same interventions by name in the same order (their declarations may
  // differ).
  bool can_follow(const Portfolio& from) const {
    return names_ == from.names_ && scenario_.budget == from.scenario_.budget;
  }
  // Takes `from`'s state (a portfolio of another arm of the same replicate,
  // can_follow): the budget's accounts, and the state of every intervention
  // declared alike in both. One declared differently keeps its own state,
  // which is right only while it has not acted in either (the fork's shared
  // prefix ends before its first round: experiment/fork.hpp).
  void follow(const Portfolio& from);

  bool empty() const { return interventions_.empty(); }
  const std::vector<std::string>& names() const { return names_; }
  // Per intervention, cumulative: money spent and messages delivered.
  std::vector<double> spending() const;
  std::vector<std::uint64_t> exposures() const;
  // Times each intervention's trigger has fired (0 for scheduled ones).
  std::vector<std::int64_t> fired() const;
  // What happened since the last call, in order (core/events.hpp): moved to
  // the end of `out`. Pure observation: nothing here reads the events back.
  void take_events(std::vector<Event>& out);

 private:
  // The events of intervention k's round in `step`: paid (or not, and why).
  void note_paid(std::size_t k, double cost, std::int64_t step);
  void note_unpaid(std::size_t k, double cost, double reserve, Budget::Shortfall why,
                   std::int64_t step);
  void note(std::int64_t step, std::string event, std::string subject, std::string detail);

  const scenario::Scenario& scenario_;
  std::vector<std::unique_ptr<Intervention<Real>>> interventions_;
  std::vector<Schedule> schedules_;
  std::vector<std::string> names_;
  Budget budget_;
  std::vector<std::int64_t> rounds_paid_;
  std::vector<std::uint8_t> paused_;  // stopped until next budget year
  bool exhausted_ = false;            // budget_exhausted noted
  std::vector<Event> events_;
};

}  // namespace detente::interventions

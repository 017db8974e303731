#pragma once
// What a scenario's programmes would cost as planned, before anything runs:
// each round's expected size (cohorts capped by who can take part, shares of
// the eligible, a campaign's expected audience), its rounds within the run,
// and what the budget would pay of it. For the workshop's "planned cost"
// before Play and for the warnings of `detente check`.
//
// Expected sizes, not draws: a round's real cost may differ a little (a
// campaign's audience is drawn). The budget is walked step by step with
// the rules of interventions/budget.hpp (funding order, one round kept in
// reserve for each programme paid before, the yearly cap); a test holds it
// to what a real run's events.csv reports.
//
//   const scenario::CostPlan plan = scenario::plan_costs(s);
//   for (const auto& p : plan.programmes) if (p.stops_at) …
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace detente::scenario {

struct ProgrammePlan {
  std::size_t index = 0;  // in scenario.interventions
  std::string name;
  bool triggered = false;         // rounds depend on its trigger: counted as if it fired every time
  std::int64_t first_round = -1;  // step of its first scheduled round; -1: none within the run
  std::int64_t rounds = 0;        // rounds scheduled within the run
  double first_round_cost = 0.0;  // expected
  double planned_cost = 0.0;      // every scheduled round, expected
  double funded_cost = 0.0;       // what the budget would pay
  std::int64_t funded_rounds = 0;
  std::optional<std::int64_t> stops_at;  // the step the budget would stop it, if it does
  std::string stop_reason;               // "budget", "cut" (reserve for others) or "year"
  std::int64_t cut_rank = 0;  // 1 = the first the budget cuts among the programmes switched on
  std::int64_t eligible = 0;  // people who can take part (smallest targeted group), cohort types
  std::int64_t cohort = 0;    // its cohort per group, cohort types (0 otherwise)
};

struct CostPlan {
  std::vector<ProgrammePlan> programmes;  // switched-on ones, in declaration order
  std::optional<double> budget;           // budget.total
  std::optional<double> per_year;
  double planned_total = 0.0;
  double funded_total = 0.0;
};

CostPlan plan_costs(const Scenario& scenario);

// Intervention indices in the order the budget pays them (the first paid
// first, the last cut): budget.cut_order reversed after the rest, the rest
// from the first declared.
std::vector<std::size_t> funding_order(const Scenario& scenario);

}  // namespace detente::scenario

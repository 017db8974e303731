#include "interventions/portfolio.hpp"

#include <cmath>
#include <cstdio>

#include "interventions/convener.hpp"

namespace detente::interventions {
namespace {

// Money and readings in words: whole numbers as such, others to two decimals.
std::string amount(double value) {
  char buffer[48];
  if (!std::isfinite(value)) return "unlimited";
  if (std::fabs(value - std::round(value)) < 1e-9)
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  else
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

std::string rounds_text(std::int64_t n) {
  return std::to_string(n) + (n == 1 ? " round" : " rounds");
}

}  // namespace

template <class Real>
Portfolio<Real>::Portfolio(const scenario::Scenario& scenario, Population<Real>& population,
                           Alignment alignment)
    : scenario_(scenario),
      interventions_(make_interventions<Real>(scenario, population.role_names)),
      budget_(scenario) {
  rounds_paid_.assign(scenario.interventions.size(), 0);
  paused_.assign(scenario.interventions.size(), 0);
  for (const auto& spec : scenario.interventions) {
    schedules_.emplace_back(spec);
    names_.push_back(spec.name);
  }
  if (alignment == Alignment::apply) apply_alignment(scenario, population);
}

template <class Real>
void Portfolio<Real>::follow(const Portfolio& from) {
  budget_ = from.budget_;
  rounds_paid_ = from.rounds_paid_;
  paused_ = from.paused_;
  exhausted_ = from.exhausted_;
  events_ = from.events_;
  for (std::size_t k = 0; k < interventions_.size(); ++k) {
    if (!(scenario_.interventions[k] == from.scenario_.interventions[k])) continue;
    interventions_[k]->take_state(*from.interventions_[k]);
    schedules_[k].take_state(from.schedules_[k]);
  }
}

template <class Real>
std::vector<std::int64_t> Portfolio<Real>::fired() const {
  std::vector<std::int64_t> out;
  for (const Schedule& s : schedules_)
    out.push_back(s.fired());
  return out;
}

template <class Real>
std::vector<double> Portfolio<Real>::spending() const {
  std::vector<double> out;
  for (std::size_t k = 0; k < interventions_.size(); ++k)
    out.push_back(budget_.spent(k));
  return out;
}

template <class Real>
std::vector<std::uint64_t> Portfolio<Real>::exposures() const {
  std::vector<std::uint64_t> out;
  for (const auto& intervention : interventions_)
    out.push_back(intervention->exposures());
  return out;
}

template <class Real>
void Portfolio<Real>::take_events(std::vector<Event>& out) {
  for (Event& e : events_)
    if (out.size() < kMaxEventsPerRun) out.push_back(std::move(e));
  events_.clear();
}

template <class Real>
void Portfolio<Real>::note(std::int64_t step, std::string event, std::string subject,
                           std::string detail) {
  events_.push_back({step, std::move(event), std::move(subject), std::move(detail)});
}

template <class Real>
void Portfolio<Real>::note_paid(std::size_t k, double cost, std::int64_t step) {
  const std::string& name = names_[k];
  ++rounds_paid_[k];
  if (rounds_paid_[k] == 1)
    note(step, "programme_started", name, "first round, cost " + amount(cost));
  else if (paused_[k])
    note(step, "programme_resumed", name,
         "a new budget year: round " + std::to_string(rounds_paid_[k]) + ", cost " + amount(cost));
  paused_[k] = 0;
  if (schedules_[k].rounds_ahead(step)) return;
  const Schedule& s = schedules_[k];
  if (!s.triggered())
    note(step, "programme_stopped", name,
         "schedule ended: " + rounds_text(rounds_paid_[k]) + " done, " + amount(budget_.spent(k)) +
             " spent");
  else if (s.fired() >= scenario_.interventions[k].when.repeat)
    note(step, "programme_stopped", name,
         "its trigger has fired all " + std::to_string(s.fired()) + " times it may; " +
             rounds_text(rounds_paid_[k]) + " done, " + amount(budget_.spent(k)) + " spent");
}

template <class Real>
void Portfolio<Real>::note_unpaid(std::size_t k, double cost, double reserve, Budget::Shortfall why,
                                  std::int64_t step) {
  const std::string& name = names_[k];
  const std::string so_far = rounds_paid_[k] == 0 ? "before its first round"
                                                  : "after " + rounds_text(rounds_paid_[k]) + " (" +
                                                        amount(budget_.spent(k)) + " spent)";
  const std::string of_total = budget_.total() ? " of " + amount(*budget_.total()) : "";
  switch (why) {
    case Budget::Shortfall::total:
      note(step, "programme_stopped", name,
           "budget ran out " + so_far + ": a round costs " + amount(cost) + ", " +
               amount(budget_.total_left()) + of_total + " left");
      if (!exhausted_) {
        exhausted_ = true;
        note(step, "budget_exhausted", "budget",
             amount(budget_.spent_total()) + of_total + " spent; " + name +
                 " could not pay a round of " + amount(cost));
      }
      break;
    case Budget::Shortfall::reserve:
      note(step, "programme_stopped", name,
           "cut " + so_far + " to keep " + amount(reserve) +
               " for the next rounds of programmes funded before it: " +
               amount(budget_.total_left()) + of_total + " left, a round costs " + amount(cost));
      break;
    case Budget::Shortfall::year:
      paused_[k] = 1;
      note(step, "programme_stopped", name,
           "this year's cap of " + amount(budget_.per_year().value_or(0.0)) +
               " is reached: paused " + so_far + " until step " +
               std::to_string(budget_.stopped_until(k) + 1));
      break;
  }
}

template <class Real>
void Portfolio<Real>::step(const View<Real>& world, Changes<Real>& changes, const Probe& probe) {
  const std::int64_t t = world.step;
  if (interventions_.empty()) return;

  for (auto& intervention : interventions_)
    intervention->carry_on(world, changes);

  const std::size_t n = interventions_.size();
  std::vector<std::uint8_t> due(n, 0), paid(n, 0);
  std::vector<double> cost(n, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    if (!scenario_.interventions[k].enabled || budget_.stopped(k, t)) continue;
    const std::int64_t fired_before = schedules_[k].fired();
    const bool is_due = schedules_[k].due(t, probe);
    if (schedules_[k].fired() != fired_before) {
      const auto& when = scenario_.interventions[k].when;
      const bool below = when.below.has_value();
      note(t, "trigger_fired", names_[k],
           when.metric + " " + when.subject + " = " + amount(schedules_[k].fired_value()) +
               (below ? " below " + amount(*when.below)
                      : " above " + amount(when.above.value_or(0))) +
               "; rounds from step " + std::to_string(schedules_[k].response_start()));
    }
    if (!is_due) continue;
    due[k] = 1;
    const Plan plan = interventions_[k]->prepare(world);
    cost[k] = round_cost(scenario_.interventions[k].cost, plan.participants, plan.exposures);
  }

  // Paying in funding order; each round keeps money for one more round of
  // every intervention already paid that has rounds ahead.
  double reserve = 0.0;
  for (const std::size_t k : budget_.funding_order()) {
    if (due[k]) {
      if (budget_.can_pay(cost[k], reserve, t)) {
        budget_.pay(k, cost[k], t);
        paid[k] = 1;
        note_paid(k, cost[k], t);
      } else {
        note_unpaid(k, cost[k], reserve, budget_.stop(k, cost[k], reserve, t), t);
      }
    }
    if (!budget_.stopped(k, t) && schedules_[k].rounds_ahead(t)) reserve += budget_.last_cost(k);
  }

  for (std::size_t k = 0; k < n; ++k)
    if (paid[k]) interventions_[k]->act(world, changes);
}

template class Portfolio<float>;
template class Portfolio<double>;

}  // namespace detente::interventions

#include "interventions/portfolio.hpp"

#include "interventions/convener.hpp"

namespace detente::interventions {

template <class Real>
Portfolio<Real>::Portfolio(const scenario::Scenario& scenario, Population<Real>& population)
    : scenario_(scenario),
      interventions_(make_interventions<Real>(scenario, population.role_names)),
      budget_(scenario) {
  for (const auto& spec : scenario.interventions) {
    schedules_.emplace_back(spec);
    names_.push_back(spec.name);
  }
  apply_alignment(scenario, population);
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
void Portfolio<Real>::step(const View<Real>& world, Changes<Real>& changes, const Probe& probe) {
  const std::int64_t t = world.step;
  apply_governance(scenario_.convener, t, changes.attitudes);
  if (interventions_.empty()) return;

  for (auto& intervention : interventions_)
    intervention->carry_on(world, changes);

  const std::size_t n = interventions_.size();
  std::vector<std::uint8_t> due(n, 0), paid(n, 0);
  std::vector<double> cost(n, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    if (!scenario_.interventions[k].enabled || budget_.stopped(k, t)) continue;
    if (!schedules_[k].due(t, probe)) continue;
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
      } else {
        budget_.stop(k, cost[k], reserve, t);
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

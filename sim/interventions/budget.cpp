#include "interventions/budget.hpp"

#include <algorithm>

namespace detente::interventions {

Budget::Budget(const scenario::Scenario& scenario)
    : total_(scenario.budget.total),
      per_year_(scenario.budget.per_year),
      year_(scenario.budget.year) {
  const auto& all = scenario.interventions;
  const auto& cut = scenario.budget.cut_order;
  // Not listed: the first declared is cut last, so it is paid first.
  for (std::size_t k = 0; k < all.size(); ++k)
    if (std::find(cut.begin(), cut.end(), all[k].name) == cut.end()) order_.push_back(k);
  // Listed: the first listed is cut first, so it is paid last.
  for (auto it = cut.rbegin(); it != cut.rend(); ++it)
    for (std::size_t k = 0; k < all.size(); ++k)
      if (all[k].name == *it && std::find(order_.begin(), order_.end(), k) == order_.end())
        order_.push_back(k);
  spent_.assign(all.size(), 0.0);
  last_cost_.assign(all.size(), 0.0);
  stopped_until_.assign(all.size(), std::numeric_limits<std::int64_t>::min());
}

double Budget::left_this_year(std::int64_t step) const {
  if (!per_year_) return std::numeric_limits<double>::infinity();
  return *per_year_ - (year_of(step) == current_year_ ? spent_this_year_ : 0.0);
}

double Budget::total_left() const {
  return total_ ? *total_ - spent_total_ : std::numeric_limits<double>::infinity();
}

bool Budget::can_pay(double cost, double reserve, std::int64_t step) const {
  return cost + reserve <= std::min(total_left(), left_this_year(step));
}

void Budget::pay(std::size_t k, double cost, std::int64_t step) {
  if (year_of(step) != current_year_) {
    current_year_ = year_of(step);
    spent_this_year_ = 0.0;
  }
  spent_[k] += cost;
  last_cost_[k] = cost;
  spent_total_ += cost;
  spent_this_year_ += cost;
}

Budget::Shortfall Budget::stop(std::size_t k, double cost, double reserve, std::int64_t step) {
  const double left = total_left();
  if (cost + reserve > left) {
    stopped_until_[k] = std::numeric_limits<std::int64_t>::max();
    return cost > left ? Shortfall::total : Shortfall::reserve;
  }
  stopped_until_[k] = (year_of(step) + 1) * year_;  // the last step of this budget year
  return Shortfall::year;
}

double round_cost(const scenario::Costs& costs, std::uint64_t participants,
                  std::uint64_t exposures) {
  return costs.fixed + costs.per_participant * static_cast<double>(participants) +
         costs.per_exposure * static_cast<double>(exposures);
}

}  // namespace detente::interventions

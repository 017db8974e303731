#pragma once
// The convener's money (scenario `budget`): a total for the run and/or an
// amount per budget year (unspent money does not carry over).
//
// Rounds due in a step are paid in funding order: the reverse of the cut
// order (budget.cut_order first, then the interventions not listed from the
// last declared to the first). A round is paid when the money left, in total
// and this year, covers it plus one round (at its last cost) of every
// intervention paid before it that has rounds ahead; otherwise the
// intervention stops: for the rest of the run when the total runs short, for
// the rest of the year when only the year's money does. So when money runs
// out the interventions stop in the order the scenario declares.
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "scenario/scenario.hpp"

namespace detente::interventions {

class Budget {
 public:
  explicit Budget(const scenario::Scenario& scenario);

  // Intervention indices, the first paid first (the last to be cut).
  const std::vector<std::size_t>& funding_order() const { return order_; }

  // Whether intervention k can pay `cost` in `step` while keeping `reserve`
  // for the rounds of interventions ahead of it.
  bool can_pay(double cost, double reserve, std::int64_t step) const;
  void pay(std::size_t k, double cost, std::int64_t step);
  // Why a round could not be paid.
  enum class Shortfall {
    total,    // the total left is less than the round's cost
    reserve,  // the total covers it, but not with the money kept for programmes funded before it
    year,     // this budget year's money is spent (it may resume next year)
  };
  // k could not pay in `step`: it stops (until next year if only the year's
  // money is short). Returns why.
  Shortfall stop(std::size_t k, double cost, double reserve, std::int64_t step);
  // The last step k is stopped until (meaningful after stop()).
  std::int64_t stopped_until(std::size_t k) const { return stopped_until_[k]; }
  double total_left() const;
  double spent_total() const { return spent_total_; }
  const std::optional<double>& total() const { return total_; }
  const std::optional<double>& per_year() const { return per_year_; }
  bool stopped(std::size_t k, std::int64_t step) const { return step <= stopped_until_[k]; }

  double last_cost(std::size_t k) const { return last_cost_[k]; }
  double spent(std::size_t k) const { return spent_[k]; }

 private:
  std::int64_t year_of(std::int64_t step) const { return (step - 1) / year_; }
  double left_this_year(std::int64_t step) const;

  std::optional<double> total_;
  std::optional<double> per_year_;
  std::int64_t year_;
  std::vector<std::size_t> order_;
  std::vector<double> spent_;
  std::vector<double> last_cost_;
  std::vector<std::int64_t> stopped_until_;
  double spent_total_ = 0.0;
  std::int64_t current_year_ = 0;
  double spent_this_year_ = 0.0;
};

// The cost of a round (scenario::Costs).
double round_cost(const scenario::Costs& costs, std::uint64_t participants,
                  std::uint64_t exposures);

}  // namespace detente::interventions

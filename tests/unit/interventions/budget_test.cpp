// The budget (interventions/budget.hpp): funding order from the cut order,
// the reserve for interventions paid first, stops for the year or for good;
// and a run under a cap.
#include <catch2/catch.hpp>

#include "interventions/budget.hpp"
#include "world.hpp"

using namespace detente;
using interventions::Budget;

namespace {

scenario::Scenario three(std::optional<double> total, std::optional<double> per_year,
                         std::vector<std::string> cut_order = {}) {
  scenario::Scenario s;
  for (const char* name : {"a", "b", "c"}) {
    scenario::Intervention i;
    i.name = name;
    s.interventions.push_back(i);
  }
  s.budget.total = total;
  s.budget.per_year = per_year;
  s.budget.year = 10;
  s.budget.cut_order = std::move(cut_order);
  return s;
}

}  // namespace

TEST_CASE("rounds are paid last-cut first", "[budget]") {
  CHECK(Budget(three({}, {})).funding_order() == std::vector<std::size_t>{0, 1, 2});
  // Listed ones are cut first, in the listed order: paid last, in reverse.
  CHECK(Budget(three({}, {}, {"a", "c"})).funding_order() == std::vector<std::size_t>{1, 2, 0});
}

TEST_CASE("a round is paid when it leaves money for those paid before it", "[budget]") {
  Budget b(three(100.0, {}));
  CHECK(b.can_pay(60, 0, 1));
  b.pay(0, 60, 1);
  CHECK(b.spent(0) == 60);
  CHECK(b.last_cost(0) == 60);
  CHECK(b.can_pay(40, 0, 2));
  CHECK_FALSE(b.can_pay(40, 0.01, 2));  // the reserve counts
  CHECK_FALSE(b.can_pay(41, 0, 2));
  CHECK(b.stop(1, 41, 0, 2) == Budget::Shortfall::total);  // the total is short: for good
  CHECK(b.stopped(1, 2));
  CHECK(b.stopped(1, 1000000));
  CHECK_FALSE(b.stopped(2, 2));
  // 40 is left: a round of 30 fits, but not with 20 kept for those paid before it.
  CHECK(b.stop(2, 30, 20, 2) == Budget::Shortfall::reserve);
  CHECK(b.stopped(2, 2));
}

TEST_CASE("a year's money renews; a stop for lack of it lasts the year", "[budget]") {
  Budget b(three({}, 50.0));
  b.pay(0, 45, 3);  // year 0 = steps 1..10
  CHECK_FALSE(b.can_pay(10, 0, 7));
  CHECK(b.stop(1, 10, 0, 7) == Budget::Shortfall::year);  // only the year's money is short
  CHECK(b.stopped(1, 10));
  CHECK(b.stopped_until(1) == 10);
  CHECK_FALSE(b.stopped(1, 11));  // year 1 begins
  CHECK(b.can_pay(50, 0, 11));
  b.pay(1, 50, 11);
  CHECK_FALSE(b.can_pay(1, 0, 20));
  CHECK(b.can_pay(50, 0, 21));
}

TEST_CASE("under a cap, spending stays within it and the first cut stops first", "[budget]") {
  // Two programmes costing 100 + 2 per participant a round; 3000 covers
  // about 12 rounds of the 16 scheduled. The campaign is cut first.
  const std::string yaml =
      test::world_yaml(800, 40) +
      "interventions:\n"
      "  - {name: camp, type: exchange_program, start: 1, every: 5, cohort: 20,\n"
      "     cost: {fixed: 100, per_participant: 2}}\n"
      "  - {name: spots, type: media_campaign, start: 1, every: 5, reach: 0.2,\n"
      "     cost: {fixed: 100, per_exposure: 1}}\n"
      "budget: {total: 3000, cut_order: [spots]}\n";
  const auto sim = test::run(test::load(yaml));
  const auto m = test::metrics_of(*sim);
  CHECK(m.at("spending/all") <= 3000);
  CHECK(m.at("spending/all") > 2500);
  CHECK(m.at("spending/camp") == 8 * (100 + 2 * 40));  // every round paid
  CHECK(m.at("spending/spots") < 8 * (100 + 0.2 * 0.3 * 1600));
  // Without the cap both run every round.
  const auto free = test::metrics_of(*test::run(test::load(yaml, {"budget.total=null"})));
  CHECK(free.at("spending/spots") > m.at("spending/spots"));
  CHECK(free.at("spending/camp") == m.at("spending/camp"));
}

#include "scenario/plan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

namespace detente::scenario {
namespace {

bool targets(const std::vector<std::string>& names, const std::string& name) {
  return names.empty() || std::find(names.begin(), names.end(), name) != names.end();
}

// People of group g whose role the intervention targets (expected count).
std::int64_t eligible_in(const Group& g, const Targeting& target) {
  double share = 0.0;
  for (const RoleShare& r : g.roles)
    if (targets(target.roles, r.name)) share += r.share;
  return static_cast<std::int64_t>(std::floor(static_cast<double>(g.size) * share + 1e-9));
}

// The steps of the intervention's scheduled rounds within the run (a
// triggered one: as if it fired at `start` and after each cooldown).
std::vector<std::int64_t> round_steps(const Intervention& p, std::int64_t steps) {
  std::vector<std::int64_t> out;
  const std::int64_t last = std::min(steps, p.end.value_or(steps));
  if (p.when.metric.empty()) {
    for (std::int64_t t = std::max<std::int64_t>(p.start, 1); t <= last; ++t) {
      if (t < p.start || (t - p.start) % p.every != 0) continue;
      if (p.rounds && static_cast<std::int64_t>(out.size()) >= *p.rounds) break;
      out.push_back(t);
    }
    return out;
  }
  std::int64_t t = std::max<std::int64_t>(p.start, 1) + p.when.delay;
  for (std::int64_t fire = 0; fire < p.when.repeat && t <= steps; ++fire) {
    std::int64_t at = t;
    for (std::int64_t r = 0; r < p.rounds.value_or(1) && at <= steps; ++r, at += p.every)
      out.push_back(at);
    t = at - p.every + p.when.cooldown + 1;
  }
  return out;
}

struct Size {
  std::int64_t participants = 0;
  double exposures = 0.0;
};

// Expected participants and exposures of each scheduled round.
std::vector<Size> round_sizes(const Scenario& s, const Intervention& p, std::size_t rounds,
                              std::int64_t& eligible, std::int64_t& cohort) {
  std::vector<Size> out(rounds);
  std::vector<const Group*> groups;
  for (const Group& g : s.population.groups)
    if (targets(p.target.groups, g.name)) groups.push_back(&g);
  eligible = std::numeric_limits<std::int64_t>::max();
  for (const Group* g : groups)
    eligible = std::min(eligible, eligible_in(*g, p.target));
  if (groups.empty()) eligible = 0;
  // Cohorts drawn round after round from who has not taken part yet.
  const auto cohorts = [&](auto per_round) {
    std::vector<std::int64_t> left;
    for (const Group* g : groups)
      left.push_back(eligible_in(*g, p.target));
    for (Size& r : out)
      for (std::size_t k = 0; k < groups.size(); ++k) {
        const std::int64_t wanted = per_round(k);
        const std::int64_t take = std::min(wanted, left[k]);
        r.participants += take;
        if (!p.target.repeat) left[k] -= take;
      }
  };
  std::visit(
      [&](const auto& params) {
        using P = std::decay_t<decltype(params)>;
        if constexpr (std::is_same_v<P, ExchangeProgram> || std::is_same_v<P, JointProduction> ||
                      std::is_same_v<P, CapacityBuilding>) {
          cohort = params.cohort;
          cohorts([&](std::size_t) { return params.cohort; });
        } else if constexpr (std::is_same_v<P, Curriculum>) {
          cohorts([&](std::size_t k) {
            return static_cast<std::int64_t>(std::llround(
                params.coverage * static_cast<double>(eligible_in(*groups[k], p.target))));
          });
        } else if constexpr (std::is_same_v<P, SharedInvestment>) {
          std::int64_t covered = 0;
          for (const Group* g : groups)
            covered += static_cast<std::int64_t>(
                std::llround(params.coverage * static_cast<double>(eligible_in(*g, p.target))));
          for (Size& r : out)
            r.participants = covered;
        } else if constexpr (std::is_same_v<P, MediaCampaign>) {
          double audience = 0.0;
          for (const Group& g : s.population.groups)
            if (targets(params.audience, g.name)) audience += static_cast<double>(g.size);
          for (Size& r : out)
            r.exposures = audience * params.reach * params.exposure;
        }
        // Coordination: its participants are other programmes' alumni, unknown
        // before the run; its fixed cost is counted.
      },
      p.params);
  return out;
}

double cost_of(const Costs& c, const Size& size) {
  return c.fixed + c.per_participant * static_cast<double>(size.participants) +
         c.per_exposure * size.exposures;
}

}  // namespace

std::vector<std::size_t> funding_order(const Scenario& scenario) {
  const auto& all = scenario.interventions;
  const auto& cut = scenario.budget.cut_order;
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < all.size(); ++k)
    if (std::find(cut.begin(), cut.end(), all[k].name) == cut.end()) order.push_back(k);
  for (auto it = cut.rbegin(); it != cut.rend(); ++it)
    for (std::size_t k = 0; k < all.size(); ++k)
      if (all[k].name == *it && std::find(order.begin(), order.end(), k) == order.end())
        order.push_back(k);
  return order;
}

CostPlan plan_costs(const Scenario& s) {
  CostPlan plan;
  plan.budget = s.budget.total;
  plan.per_year = s.budget.per_year;
  const std::size_t n = s.interventions.size();
  std::vector<std::vector<std::int64_t>> steps(n);
  std::vector<std::vector<double>> costs(n);
  std::vector<std::int64_t> slot(n, -1);  // index into plan.programmes
  for (std::size_t k = 0; k < n; ++k) {
    const Intervention& p = s.interventions[k];
    if (!p.enabled) continue;
    ProgrammePlan pp;
    pp.index = k;
    pp.name = p.name;
    pp.triggered = !p.when.metric.empty();
    steps[k] = round_steps(p, s.steps);
    const auto sizes = round_sizes(s, p, steps[k].size(), pp.eligible, pp.cohort);
    for (const Size& size : sizes)
      costs[k].push_back(cost_of(p.cost, size));
    pp.rounds = static_cast<std::int64_t>(steps[k].size());
    pp.first_round = steps[k].empty() ? -1 : steps[k].front();
    pp.first_round_cost = costs[k].empty() ? cost_of(p.cost, {}) : costs[k].front();
    for (const double c : costs[k])
      pp.planned_cost += c;
    plan.planned_total += pp.planned_cost;
    slot[k] = static_cast<std::int64_t>(plan.programmes.size());
    plan.programmes.push_back(std::move(pp));
  }

  // The budget, step by step, as interventions/budget.hpp pays it.
  const auto order = funding_order(s);
  const double inf = std::numeric_limits<double>::infinity();
  double spent = 0.0, spent_year = 0.0;
  std::int64_t year = 0;
  std::vector<std::size_t> next(n, 0);
  std::vector<double> last_cost(n, 0.0);
  std::vector<std::int64_t> stopped_until(n, std::numeric_limits<std::int64_t>::min());
  std::int64_t cuts = 0;
  for (std::int64_t t = 1; t <= s.steps; ++t) {
    const std::int64_t y = (t - 1) / s.budget.year;
    double reserve = 0.0;
    for (const std::size_t k : order) {
      if (slot[k] < 0) continue;
      ProgrammePlan& pp = plan.programmes[static_cast<std::size_t>(slot[k])];
      const bool stopped = t <= stopped_until[k];
      while (next[k] < steps[k].size() && steps[k][next[k]] < t)
        ++next[k];  // rounds skipped while stopped
      const bool due = !stopped && next[k] < steps[k].size() && steps[k][next[k]] == t;
      if (due) {
        const double cost = costs[k][next[k]];
        const double total_left = s.budget.total ? *s.budget.total - spent : inf;
        const double year_left =
            s.budget.per_year ? *s.budget.per_year - (y == year ? spent_year : 0.0) : inf;
        if (cost + reserve <= std::min(total_left, year_left)) {
          if (y != year) year = y, spent_year = 0.0;
          spent += cost, spent_year += cost;
          last_cost[k] = cost;
          pp.funded_cost += cost;
          ++pp.funded_rounds;
          ++next[k];
        } else {
          if (!pp.stops_at) {
            pp.stops_at = t;
            pp.cut_rank = ++cuts;
            pp.stop_reason =
                cost + reserve > total_left ? (cost > total_left ? "budget" : "cut") : "year";
          }
          stopped_until[k] = cost + reserve > total_left ? std::numeric_limits<std::int64_t>::max()
                                                         : (y + 1) * s.budget.year;
        }
      }
      const bool ahead = next[k] < steps[k].size();
      if (t > stopped_until[k] && ahead) reserve += last_cost[k];
    }
  }
  for (const auto& pp : plan.programmes)
    plan.funded_total += pp.funded_cost;
  return plan;
}

}  // namespace detente::scenario

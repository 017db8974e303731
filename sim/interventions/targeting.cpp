#include "interventions/targeting.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "interventions/draws.hpp"

namespace detente::interventions {

Selector::Selector(const scenario::Targeting& target, const scenario::Scenario& scenario,
                   const std::vector<std::string>& role_names)
    : target_(target) {
  const auto& groups = scenario.population.groups;
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (target.groups.empty() || std::find(target.groups.begin(), target.groups.end(),
                                           groups[g].name) != target.groups.end())
      groups_.push_back(g);
  roles_.assign(role_names.size(), target.roles.empty() ? 1 : 0);
  for (std::size_t r = 0; r < role_names.size(); ++r)
    if (std::find(target.roles.begin(), target.roles.end(), role_names[r]) != target.roles.end())
      roles_[r] = 1;
}

template <class Real>
double outgroup_trust(const Population<Real>& population, std::size_t i) {
  const std::size_t own = population.group[i];
  double sum = 0.0;
  for (std::size_t h = 0; h < population.groups(); ++h)
    if (h != own) sum += population.trust[h][i];
  return population.groups() > 1 ? sum / static_cast<double>(population.groups() - 1) : 0.0;
}

template <class Real>
std::vector<AgentId> Selector::choose(std::size_t g, Amount amount,
                                      const Population<Real>& population,
                                      const SocialNetwork& network, const Streams& rng,
                                      std::uint32_t key, std::int64_t step,
                                      std::span<const std::uint8_t> taken) const {
  std::vector<AgentId> candidates;
  std::size_t eligible = 0;
  for (AgentId i = population.group_begin[g]; i < population.group_begin[g + 1]; ++i) {
    if (!role_ok(population.role[i])) continue;
    ++eligible;
    if (!target_.repeat && !taken.empty() && taken[i] != 0) continue;
    candidates.push_back(i);
  }
  const auto wanted = static_cast<std::size_t>(
      amount.by_share ? std::llround(amount.share * static_cast<double>(eligible))
                      : std::max<std::int64_t>(amount.count, 0));

  if (target_.attitude != scenario::Attitude::any && !candidates.empty()) {
    // Split at the median: the upper half is willing, the lower sceptical.
    std::vector<std::pair<double, AgentId>> by_trust;
    by_trust.reserve(candidates.size());
    for (const AgentId i : candidates)
      by_trust.emplace_back(outgroup_trust(population, i), i);
    std::sort(by_trust.begin(), by_trust.end());
    const std::size_t half = (by_trust.size() + 1) / 2;
    const bool willing = target_.attitude == scenario::Attitude::willing;
    const auto first =
        willing ? by_trust.end() - static_cast<std::ptrdiff_t>(half) : by_trust.begin();
    candidates.clear();
    for (auto it = first; it != first + static_cast<std::ptrdiff_t>(half); ++it)
      candidates.push_back(it->second);
  }

  // Order by position, then by the intervention's draw (then id, for ties of the draw).
  struct Ranked {
    std::int64_t position;
    float draw;
    AgentId id;
  };
  std::vector<Ranked> ranked;
  ranked.reserve(candidates.size());
  for (const AgentId i : candidates) {
    const auto degree = static_cast<std::int64_t>(network.offsets[i + 1] - network.offsets[i]);
    const std::int64_t position = target_.position == scenario::Position::central      ? -degree
                                  : target_.position == scenario::Position::peripheral ? degree
                                                                                       : 0;
    ranked.push_back({position,
                      rng.uniforms(Purpose::intervention, key, static_cast<std::uint64_t>(step), i,
                                   kDrawSelect)[0],
                      i});
  }
  const auto before = [](const Ranked& x, const Ranked& y) {
    return std::tie(x.position, x.draw, x.id) < std::tie(y.position, y.draw, y.id);
  };
  const std::size_t n = std::min(wanted, ranked.size());
  const auto quota = static_cast<std::size_t>(
      std::ceil(target_.marginalised_quota * static_cast<double>(n) - 1e-9));
  // Only the front of the ranking is read: a cohort of ten from ten thousand
  // need not sort them all (a full sort was 4% of a library run). The order
  // is total (ids break ties), so the front is the same as a full sort's.
  // Four cohorts' worth holds the cohort however the quota falls, unless
  // the quota must look further for marginalised people: then sort it all.
  std::size_t sorted = std::min(ranked.size(), std::max<std::size_t>(4 * n, 64));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(sorted),
                    ranked.end(), before);
  const auto marginalised_in_front = static_cast<std::size_t>(
      std::count_if(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(sorted),
                    [&](const Ranked& r) { return population.marginalised[r.id] != 0; }));
  if (marginalised_in_front < quota && sorted < ranked.size()) {
    std::sort(ranked.begin() + static_cast<std::ptrdiff_t>(sorted), ranked.end(), before);
    sorted = ranked.size();
  }
  ranked.resize(sorted);
  std::vector<AgentId> chosen;
  std::vector<std::uint8_t> picked(ranked.size(), 0);
  for (std::size_t k = 0; k < ranked.size() && chosen.size() < quota; ++k)
    if (population.marginalised[ranked[k].id] != 0) {
      chosen.push_back(ranked[k].id);
      picked[k] = 1;
    }
  for (std::size_t k = 0; k < ranked.size() && chosen.size() < n; ++k)
    if (picked[k] == 0) chosen.push_back(ranked[k].id);
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

template double outgroup_trust(const Population<float>&, std::size_t);
template double outgroup_trust(const Population<double>&, std::size_t);
template std::vector<AgentId> Selector::choose(std::size_t, Amount, const Population<float>&,
                                               const SocialNetwork&, const Streams&, std::uint32_t,
                                               std::int64_t, std::span<const std::uint8_t>) const;
template std::vector<AgentId> Selector::choose(std::size_t, Amount, const Population<double>&,
                                               const SocialNetwork&, const Streams&, std::uint32_t,
                                               std::int64_t, std::span<const std::uint8_t>) const;

}  // namespace detente::interventions

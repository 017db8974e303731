#include "interventions/teams.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_set>

#include "interventions/draws.hpp"

namespace detente::interventions {

Teams form_teams(const std::vector<std::vector<AgentId>>& cohorts, const TeamSpec& spec,
                 std::uint32_t key, std::int64_t step, const Streams& rng, std::uint16_t setting,
                 ProgrammeLayer& programmes) {
  const auto u_step = static_cast<std::uint64_t>(step);
  Teams out;
  std::vector<std::uint32_t> side;  // per member: index of its cohort
  for (std::size_t k = 0; k < cohorts.size(); ++k) {
    std::vector<std::pair<float, AgentId>> shuffled;
    for (const AgentId i : cohorts[k])
      shuffled.emplace_back(rng.uniforms(Purpose::intervention, key, u_step, i, kDrawTeam)[0], i);
    std::sort(shuffled.begin(), shuffled.end());
    for (const auto& [draw, i] : shuffled) {
      out.members.push_back(i);
      side.push_back(static_cast<std::uint32_t>(k));
    }
  }
  const std::size_t m = out.members.size();
  if (m < 2) return out;
  const auto count = static_cast<std::size_t>(std::max<long long>(
      1, std::llround(static_cast<double>(m) / static_cast<double>(spec.team_size))));
  out.team.resize(m);
  for (std::size_t j = 0; j < m; ++j)
    out.team[j] = static_cast<std::uint32_t>(j % count);

  std::unordered_set<std::uint64_t> linked;
  // Teammates: members j < l of one team from different cohorts. Members of
  // team t are t, t + count, t + 2·count, …
  for (std::size_t t = 0; t < count; ++t)
    for (std::size_t j = t; j < m; j += count)
      for (std::size_t l = j + count; l < m; l += count) {
        if (side[j] == side[l]) continue;
        const AgentId a = out.members[j], b = out.members[l];
        programmes.add_tie(a, b, spec.tie_strength, programme_tie_key(key, step, a, b), setting);
        out.ties.push_back({a, b, static_cast<float>(spec.tie_strength)});
        linked.insert(pair_id(a, b));
        ++out.team_ties;
      }

  // Mingling: partners drawn uniformly from the other cohorts' members.
  for (std::size_t j = 0; j < m && spec.mingling > 0; ++j) {
    const AgentId a = out.members[j];
    const std::size_t others = m - cohorts[side[j]].size();
    if (others == 0) break;
    std::array<float, 4> u{};
    for (std::int64_t k = 0; k < spec.mingling; ++k) {
      if (k % 4 == 0)
        u = rng.uniforms(Purpose::intervention, key, u_step, a,
                         kDrawPartner + static_cast<std::uint32_t>(k / 4));
      // The pick-th member outside a's cohort.
      auto pick = static_cast<std::size_t>(u[k % 4] * static_cast<float>(others));
      pick = std::min(pick, others - 1);
      std::size_t l = 0;
      for (;; ++l) {
        if (side[l] == side[j]) continue;
        if (pick == 0) break;
        --pick;
      }
      const AgentId b = out.members[l];
      if (out.team[l] == out.team[j] || !linked.insert(pair_id(a, b)).second) continue;
      programmes.add_tie(a, b, spec.mingling_strength, programme_tie_key(key, step, a, b), setting);
      out.ties.push_back({a, b, static_cast<float>(spec.mingling_strength)});
      ++out.mingling_ties;
    }
  }
  return out;
}

}  // namespace detente::interventions

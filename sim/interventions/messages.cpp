#include "interventions/messages.hpp"

#include <algorithm>

#include "interventions/draws.hpp"
#include "rules/message.hpp"

namespace detente::interventions {

std::vector<AgentId> followers(std::uint32_t audience_mask, double reach,
                               const std::vector<std::uint8_t>& group, const Streams& rng,
                               std::uint32_t key) {
  std::vector<AgentId> out;
  for (std::size_t i = 0; i < group.size(); ++i)
    if (((audience_mask >> group[i]) & 1u) &&
        rng.uniforms(Purpose::intervention, key, 0, i, kDrawFollow)[0] < reach)
      out.push_back(static_cast<AgentId>(i));
  return out;
}

std::vector<Exposure> exposed(const std::vector<AgentId>& followers, double exposure,
                              const Streams& rng, std::uint32_t key, std::int64_t step,
                              std::uint32_t draw) {
  std::vector<Exposure> out;
  for (const AgentId i : followers) {
    const auto u =
        rng.uniforms(Purpose::intervention, key, static_cast<std::uint64_t>(step), i, draw);
    if (u[0] < exposure) out.push_back({i, u[1]});
  }
  return out;
}

template <class Real>
bool deliver(const scenario::MediaRule& params, double slant, double credibility,
             Attitudes<Real>& attitudes, const Exposure& exposure, double norm_shift) {
  const auto& population = attitudes.people();
  const AgentId i = exposure.agent;
  const std::size_t own = population.group[i];
  const double target = 0.5 * (slant + 1.0);
  const double pull = rules::message_pull(params, slant, credibility, population.susceptibility[i],
                                          static_cast<double>(population.literacy[i]));
  bool backlash = false;
  for (std::size_t h = 0; h < population.groups(); ++h) {
    if (h == own) continue;
    const double x = population.trust[h][i];
    const rules::MessageEffect effect =
        rules::message_effect(params, target, pull, credibility, x, exposure.backlash_draw);
    backlash = backlash || effect.backlash;
    if (norm_shift > 0.0 && !effect.backlash && attitudes.holds_norms()) {
      const double p = attitudes.perceived_norm(h, i);
      // The message portrays the group: its norm moves toward the slant's
      // target as trust would, by this share of the pull.
      attitudes.perceived_norm(h, i) =
          static_cast<Real>(std::clamp(p + norm_shift * pull * (target - p), 0.0, 1.0));
      attitudes.trust(h, i) =
          static_cast<Real>(std::clamp(x + (1.0 - norm_shift) * effect.change, 0.0, 1.0));
      continue;
    }
    attitudes.trust(h, i) = static_cast<Real>(std::clamp(x + effect.change, 0.0, 1.0));
  }
  return backlash;
}

std::uint32_t audience_mask(const scenario::Scenario& scenario,
                            const std::vector<std::string>& names) {
  std::uint32_t mask = 0;
  const auto& groups = scenario.population.groups;
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (names.empty() || std::find(names.begin(), names.end(), groups[g].name) != names.end())
      mask |= 1u << g;
  return mask;
}

template bool deliver(const scenario::MediaRule&, double, double, Attitudes<float>&,
                      const Exposure&, double);
template bool deliver(const scenario::MediaRule&, double, double, Attitudes<double>&,
                      const Exposure&, double);

}  // namespace detente::interventions

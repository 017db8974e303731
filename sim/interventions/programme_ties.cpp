#include "interventions/programme_ties.hpp"

#include <stdexcept>

namespace detente::interventions {

std::uint64_t programme_tie_key(std::uint32_t intervention_key, std::int64_t step, AgentId a,
                                AgentId b) {
  const std::uint64_t pair = (static_cast<std::uint64_t>(a) << 32) | b;
  std::uint64_t h = splitmix64(pair);
  h = splitmix64(h ^ static_cast<std::uint64_t>(step));
  h = splitmix64(h ^ intervention_key);
  constexpr std::uint64_t kProgramme = 1ull << 55;  // Streams use 56 bits of an entity
  return kProgramme | (h & (kProgramme - 1));
}

void add_tie(CrossTies& ties, AgentId a, AgentId b, double strength, std::uint64_t key,
             std::uint16_t setting) {
  ties.a.push_back(a);
  ties.b.push_back(b);
  ties.strength.push_back(static_cast<float>(strength));
  ties.key.push_back(key);
  ties.setting.push_back(setting);
}

scenario::Conditions facilitated(const scenario::Conditions& conditions, double boost) {
  scenario::Conditions out = conditions;
  for (double* c :
       {&out.equal_status, &out.common_goal, &out.cooperation, &out.institutional_support})
    *c += boost * (1.0 - *c);
  return out;
}

template <class Real>
std::uint16_t add_setting(InterventionContext<Real>& world, const scenario::Conditions& conditions,
                          std::size_t owner) {
  auto& settings = *world.settings;
  if (settings.size() >= 0xFFFF)
    throw std::runtime_error(
        "too many programme rounds at once: contact settings are numbered in 16 bits");
  settings.push_back(conditions);
  world.ledger->setting_owner.push_back(static_cast<std::int32_t>(owner));
  world.ledger->decay_factor.push_back(1.0f);
  return static_cast<std::uint16_t>(settings.size() - 1);
}

void move_ties(CrossTies& ties, std::uint16_t from, std::uint16_t to) {
  for (std::size_t e = ties.static_count; e < ties.size(); ++e)
    if (ties.setting[e] == from) ties.setting[e] = to;
}

template std::uint16_t add_setting(InterventionContext<float>&, const scenario::Conditions&,
                                   std::size_t);
template std::uint16_t add_setting(InterventionContext<double>&, const scenario::Conditions&,
                                   std::size_t);

}  // namespace detente::interventions

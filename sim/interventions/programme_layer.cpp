#include "interventions/programme_layer.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/rng.hpp"

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

scenario::Conditions facilitated(const scenario::Conditions& conditions, double boost) {
  scenario::Conditions out = conditions;
  for (double* c :
       {&out.equal_status, &out.common_goal, &out.cooperation, &out.institutional_support})
    *c += boost * (1.0 - *c);
  return out;
}

std::uint16_t ProgrammeLayer::open_setting(const scenario::Conditions& conditions,
                                           std::size_t owner) {
  if (settings_.size() >= 0xFFFF)
    throw std::runtime_error(
        "too many programme rounds at once: contact settings are numbered in 16 bits");
  settings_.push_back(conditions);
  book_.owner.push_back(static_cast<std::int32_t>(owner));
  book_.decay_factor.push_back(1.0f);
  return static_cast<std::uint16_t>(settings_.size() - 1);
}

void ProgrammeLayer::reset_setting(std::uint16_t setting, const scenario::Conditions& conditions) {
  settings_.at(setting) = conditions;
}

void ProgrammeLayer::add_tie(AgentId a, AgentId b, double strength, std::uint64_t key,
                             std::uint16_t setting) {
  ties_.a.push_back(a);
  ties_.b.push_back(b);
  ties_.strength.push_back(static_cast<float>(strength));
  ties_.key.push_back(key);
  ties_.setting.push_back(setting);
}

void ProgrammeLayer::strengthen_to(std::size_t e, double strength) {
  if (e < ties_.static_count || e >= ties_.size()) throw std::out_of_range("not a programme tie");
  ties_.strength[e] = std::max(ties_.strength[e], static_cast<float>(strength));
}

void ProgrammeLayer::move_ties(std::uint16_t from, std::uint16_t to) {
  for (std::size_t e = ties_.static_count; e < ties_.size(); ++e)
    if (ties_.setting[e] == from) ties_.setting[e] = to;
}

void ProgrammeLayer::move_tie(std::size_t e, std::uint16_t to) {
  if (e < ties_.static_count || e >= ties_.size()) throw std::out_of_range("not a programme tie");
  ties_.setting[e] = to;
}

bool owned_by(const SettingBook& book, const std::vector<std::uint8_t>& cared_owner,
              std::uint16_t setting) {
  const std::int32_t owner = book.owner[setting];
  return owner != kNoOwner && cared_owner[static_cast<std::size_t>(owner)] != 0;
}

void ProgrammeLayer::renew_ties(const std::vector<std::uint8_t>& cared_owner, double share) {
  for (std::size_t e = ties_.static_count; e < ties_.size(); ++e)
    if (owned_by(book_, cared_owner, ties_.setting[e]))
      ties_.strength[e] += static_cast<float>(share * (1.0 - ties_.strength[e]));
}

void ProgrammeLayer::slow_decay(const std::vector<std::uint8_t>& cared_owner, float factor) {
  for (std::size_t s = 0; s < book_.decay_factor.size(); ++s)
    if (owned_by(book_, cared_owner, static_cast<std::uint16_t>(s)))
      book_.decay_factor[s] = std::min(book_.decay_factor[s], factor);
}

void ProgrammeLayer::raise_facilitation(double level) {
  book_.facilitation = std::max(book_.facilitation, level);
}

}  // namespace detente::interventions

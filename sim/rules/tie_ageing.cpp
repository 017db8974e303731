#include "rules/tie_ageing.hpp"

namespace detente::rules {

bool age_programme_ties(const scenario::Contact& params, std::span<const float> decay_factor,
                        CrossTies& ties) {
  std::size_t kept = ties.static_count;
  for (std::size_t e = ties.static_count; e < ties.size(); ++e) {
    const float s = ties.strength[e] *
                    static_cast<float>(1.0 - params.tie_decay * decay_factor[ties.setting[e]]);
    if (s < params.tie_floor) continue;
    ties.a[kept] = ties.a[e], ties.b[kept] = ties.b[e], ties.key[kept] = ties.key[e];
    ties.setting[kept] = ties.setting[e], ties.strength[kept] = s;
    ++kept;
  }
  if (kept == ties.size()) return false;
  ties.a.resize(kept), ties.b.resize(kept), ties.key.resize(kept);
  ties.setting.resize(kept), ties.strength.resize(kept);
  return true;
}

}  // namespace detente::rules

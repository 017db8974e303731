#include <algorithm>

#include "interventions/intervention.hpp"

namespace detente::interventions {

void MediaDesk::relieve(std::size_t source, std::size_t group, double share) {
  const std::size_t groups = backlash_.size();
  if (relief_.size() < (source + 1) * groups) relief_.resize((source + 1) * groups, 0.0);
  relief_[source * groups + group] = share;
}

namespace {

// The relief of `group` from every source: each source's share comes from its
// own trainees among the group's journalists, so the shares add up (capped at
// 1, in case one journalist was trained by two programmes).
double group_relief(const std::vector<double>& relief, std::size_t groups, std::size_t group) {
  double total = 0.0;
  for (std::size_t k = group; k < relief.size(); k += groups)
    total += relief[k];
  return std::min(total, 1.0);
}

}  // namespace

// Every outlet's slant from its declared slant: a hostile slant (σ < 0)
// shrinks to σ·(1 − relief), relief the mean over the outlet's audience groups.
void MediaDesk::apply_relief() {
  for (std::size_t k = 0; k < outlets_.size() && k < declared_.size(); ++k) {
    const double declared = declared_[k].slant;
    if (declared >= 0.0) continue;
    double relief = 0.0;
    std::size_t served = 0;
    const std::size_t groups = backlash_.size();
    for (std::size_t g = 0; g < groups; ++g)
      if ((outlets_[k].audience_mask >> g) & 1u) {
        relief += group_relief(relief_, groups, g);
        ++served;
      }
    outlets_[k].slant =
        declared * (1.0 - (served > 0 ? relief / static_cast<double>(served) : 0.0));
  }
}

}  // namespace detente::interventions

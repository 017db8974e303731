#include <algorithm>

#include "interventions/intervention.hpp"

namespace detente::interventions {

void MediaDesk::relieve(std::size_t group, double share) {
  relief_[group] = std::max(relief_[group], share);
}

// Every outlet's slant from its declared slant: a hostile slant (σ < 0)
// shrinks to σ·(1 − relief), relief the mean over the outlet's audience groups.
void MediaDesk::apply_relief() {
  for (std::size_t k = 0; k < outlets_.size() && k < declared_.size(); ++k) {
    const double declared = declared_[k].slant;
    if (declared >= 0.0) continue;
    double relief = 0.0;
    std::size_t served = 0;
    for (std::size_t g = 0; g < relief_.size(); ++g)
      if ((outlets_[k].audience_mask >> g) & 1u) {
        relief += relief_[g];
        ++served;
      }
    outlets_[k].slant =
        declared * (1.0 - (served > 0 ? relief / static_cast<double>(served) : 0.0));
  }
}

}  // namespace detente::interventions

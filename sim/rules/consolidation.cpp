// Consolidation of anchors (design §2.3 rule 4); see consolidation.hpp.
// Element-wise and in place: each anchor entry depends on itself and the
// matching trust and disposition entries only.
#include "rules/consolidation.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "rules/detail/state_shape.hpp"

namespace detente::rules {

template <class Real>
void apply_consolidation(const scenario::Consolidation& params, Population<Real>& population) {
  detail::check_population(population, "apply_consolidation");
  if (!params.enabled || (params.rate == 0.0 && params.disposition == 0.0)) return;
  const auto rate = static_cast<Real>(params.rate);
  const auto back = static_cast<Real>(params.disposition);
  const std::size_t groups = population.trust.size();
  for (std::size_t h = 0; h < groups; ++h) {
    const Real* x = population.trust[h].data();
    Real* a = population.anchor[h].data();
    const Real* d = population.disposition[h].data();
    // Agents are numbered group by group: the agents of every group g ≠ h are
    // one contiguous range, and h's own members (entry unused) are skipped.
    for (std::size_t g = 0; g < groups; ++g) {
      if (g == h) continue;
      tbb::parallel_for(tbb::blocked_range<std::size_t>(population.group_begin[g],
                                                        population.group_begin[g + 1], 16384),
                        [&](const tbb::blocked_range<std::size_t>& r) {
                          for (std::size_t i = r.begin(); i != r.end(); ++i) {
                            a[i] += rate * (x[i] - a[i]) + back * (d[i] - a[i]);
                          }
                        });
    }
  }
}

template void apply_consolidation<float>(const scenario::Consolidation&, Population<float>&);
template void apply_consolidation<double>(const scenario::Consolidation&, Population<double>&);

}  // namespace detente::rules

#include "interventions/convener.hpp"

namespace detente::interventions {

template <class Real>
void apply_alignment(const scenario::Scenario& scenario, Population<Real>& population) {
  const auto& convener = scenario.convener;
  if (convener.alignment.empty() || convener.alignment_penalty == 0.0) return;
  for (std::size_t i = 0; i < population.size(); ++i)
    if (population.group_names[population.group[i]] != convener.alignment)
      population.convener_trust[i] =
          static_cast<Real>(population.convener_trust[i] * (1.0 - convener.alignment_penalty));
}

template void apply_alignment(const scenario::Scenario&, Population<float>&);
template void apply_alignment(const scenario::Scenario&, Population<double>&);

}  // namespace detente::interventions

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

double governance_gain(const scenario::Convener& convener, std::int64_t step) {
  const auto& g = convener.governance;
  double keep = 1.0;  // share of the distance to 1 that remains
  if (g.rotating_leadership) keep *= 1.0 - convener.practice_gain;
  if (g.shared_reporting) keep *= 1.0 - convener.practice_gain;
  if (g.peer_review_every > 0 && step % g.peer_review_every == 0)
    keep *= 1.0 - convener.review_gain;
  return 1.0 - keep;
}

template <class Real>
void apply_governance(const scenario::Convener& convener, std::int64_t step,
                      Attitudes<Real>& attitudes) {
  const double gain = governance_gain(convener, step);
  if (gain == 0.0) return;
  for (AgentId i = 0; i < attitudes.people().size(); ++i) {
    Real& trust = attitudes.convener_trust(i);
    trust = static_cast<Real>(trust + gain * (1.0 - trust));
  }
}

template void apply_alignment(const scenario::Scenario&, Population<float>&);
template void apply_alignment(const scenario::Scenario&, Population<double>&);
template void apply_governance(const scenario::Convener&, std::int64_t, Attitudes<float>&);
template void apply_governance(const scenario::Convener&, std::int64_t, Attitudes<double>&);

}  // namespace detente::interventions

#include "experiment/classic_world.hpp"

#include "metrics/opinion_metrics.hpp"

namespace detente {

template <class Real>
ClassicWorld<Real>::ClassicWorld(const scenario::Scenario& scenario,
                                 const Population<Real>& population,
                                 const rules::classic::Graph& graph,
                                 std::span<const NodeColumn> columns, const Streams& rng)
    : scenario_(scenario),
      population_(population),
      graph_(graph),
      state_(rules::classic::initial_state<Real>(scenario, population.group_begin, columns, rng)),
      rule_(rules::classic::make_rule<Real>(scenario.dynamics, graph, population, rng)) {}

template <class Real>
void ClassicWorld<Real>::step(const rules::StepContext& context) {
  rule_->step(context, state_);
  if (scenario_.stop_when == scenario::StopWhen::converged && !converged_at_ &&
      rule_->converged(state_, scenario_.dynamics.classic.tolerance))
    converged_at_ = context.step;
}

template <class Real>
void ClassicWorld<Real>::record(std::int64_t step, std::vector<metrics::MetricRow>& out) const {
  if (scenario_.dynamics.classic.model == scenario::ClassicModel::axelrod) {
    metrics::record_culture_metrics({state_.culture, state_.features, graph_.network}, step, out);
  } else {
    metrics::OpinionInput<Real> input;
    input.group_names = population_.group_names;
    input.group_begin = population_.group_begin;
    input.opinion = state_.opinion;
    input.cluster_gap = scenario_.outputs.cluster_gap;
    input.binary = scenario_.dynamics.classic.model == scenario::ClassicModel::voter;
    metrics::record_opinion_metrics(input, step, out);
  }
  if (converged_at_)
    out.push_back({step, "converged_step", "all", static_cast<double>(*converged_at_)});
}

template <class Real>
std::vector<std::string> ClassicWorld<Real>::subjects() const {
  if (state_.features == 0) return {"all"};
  std::vector<std::string> names;
  for (std::size_t k = 0; k < state_.features; ++k)
    names.push_back("feature_" + std::to_string(k + 1));
  return names;
}

template <class Real>
void ClassicWorld<Real>::snapshot(std::int64_t step, std::vector<metrics::AgentRow>& out) const {
  const std::size_t n = population_.size();
  const std::size_t f = state_.features;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t id = population_.external_id[i];
    const std::uint32_t group = population_.group[i];
    if (f == 0) {
      out.push_back({step, id, group, 0, static_cast<double>(state_.opinion[i])});
      continue;
    }
    for (std::size_t k = 0; k < f; ++k)
      out.push_back({step, id, group, static_cast<std::uint32_t>(k),
                     static_cast<double>(state_.culture[i * f + k])});
  }
}

template <class Real>
std::size_t ClassicWorld<Real>::bytes() const {
  return state_.opinion.capacity() * sizeof(Real) + state_.anchor.capacity() * sizeof(Real) +
         state_.culture.capacity() * sizeof(std::uint16_t);
}

template class ClassicWorld<float>;
template class ClassicWorld<double>;

}  // namespace detente

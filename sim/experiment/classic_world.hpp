#pragma once
// A classic model inside a simulation (rules/classic.hpp): its state, its
// rule, the stopping test and its outcomes. Simulation::step() hands a step to
// it when the scenario sets dynamics.classic.model.
//
//   ClassicWorld<float> world(scenario, population, graph, columns, rng);
//   world.step(context);
//   if (world.converged()) ...             // only with stop_when: converged
//   world.record(step, rows);
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/network_file.hpp"
#include "core/population.hpp"
#include "metrics/agent_rows.hpp"
#include "metrics/metric_row.hpp"
#include "rules/classic.hpp"
#include "scenario/scenario.hpp"

namespace detente {

template <class Real>
class ClassicWorld {
 public:
  // `population` and `graph`'s network must outlive the world.
  ClassicWorld(const scenario::Scenario& scenario, const Population<Real>& population,
               const rules::classic::Graph& graph, std::span<const NodeColumn> columns,
               const Streams& rng);

  // One step of the model; with stop_when: converged, also tests convergence.
  void step(const rules::StepContext& context);
  bool converged() const { return converged_at_.has_value(); }

  // The outcomes (metrics/opinion_metrics.hpp), and converged_step / all
  // once the run has converged.
  void record(std::int64_t step, std::vector<metrics::MetricRow>& out) const;

  // Every agent's opinion (subject `all`) or traits (`feature_k`), labelled `step`.
  void snapshot(std::int64_t step, std::vector<metrics::AgentRow>& out) const;
  std::vector<std::string> subjects() const;

  std::size_t bytes() const;
  const rules::classic::State<Real>& state() const { return state_; }

 private:
  const scenario::Scenario& scenario_;
  const Population<Real>& population_;
  rules::classic::Graph graph_;
  rules::classic::State<Real> state_;
  std::unique_ptr<rules::classic::Rule<Real>> rule_;
  std::optional<std::int64_t> converged_at_;
};

extern template class ClassicWorld<float>;
extern template class ClassicWorld<double>;

}  // namespace detente

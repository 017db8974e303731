#include "engine/classic_model.hpp"

#include <chrono>
#include <optional>

#include "engine/world.hpp"
#include "metrics/metric_table.hpp"
#include "metrics/opinion_metrics.hpp"
#include "rules/classic.hpp"

namespace detente::engine {
namespace {

template <class Real>
class ClassicModel final : public Simulation {
 public:
  ClassicModel(const scenario::Scenario& scenario, std::uint32_t replicate);

  void step() override;
  std::int64_t now() const override { return step_; }
  bool converged() const override { return converged_at_.has_value(); }
  // The outcomes (metrics/opinion_metrics.hpp), and converged_step / all
  // once the run has converged.
  void record(std::vector<metrics::MetricRow>& out) const override;
  // Every agent's opinion (subject `all`) or traits (`feature_k`).
  void snapshot(std::int64_t step, std::vector<metrics::AgentRow>& out) const override;
  metrics::AgentNames agent_names() const override;
  Footprint footprint() const override;

 private:
  std::vector<std::string> subjects() const;
  std::size_t bytes() const;

  const scenario::Scenario& scenario_;
  Streams rng_;
  People<Real> people_;
  rules::classic::Graph graph_;
  rules::classic::State<Real> state_;
  std::unique_ptr<rules::classic::Rule<Real>> rule_;
  std::optional<std::int64_t> converged_at_;
  std::int64_t step_ = 0;
  double seconds_ = 0.0;
};

template <class Real>
ClassicModel<Real>::ClassicModel(const scenario::Scenario& scenario, std::uint32_t replicate)
    : scenario_(scenario),
      rng_(scenario.seed, replicate),
      people_(build_people<Real>(scenario, rng_)),
      graph_{implicit_complete_graph(scenario) ? nullptr : &people_.network,
             people_.population.size()},
      state_(rules::classic::initial_state<Real>(scenario, people_.population.group_begin,
                                                 people_.columns, rng_)),
      rule_(rules::classic::make_rule<Real>(scenario.dynamics, graph_, people_.population, rng_)) {
  people_.columns.clear();  // the state has taken what it needs
}

template <class Real>
void ClassicModel<Real>::step() {
  const auto start = std::chrono::steady_clock::now();
  const std::int64_t t = step_ + 1;
  const rules::StepContext context{t, &rng_};
  rule_->step(context, state_);
  if (scenario_.stop_when == scenario::StopWhen::converged && !converged_at_ &&
      rule_->converged(state_, scenario_.dynamics.classic.tolerance))
    converged_at_ = t;
  step_ = t;
  seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

template <class Real>
void ClassicModel<Real>::record(std::vector<metrics::MetricRow>& out) const {
  const std::int64_t step = step_;
  const auto& population_ = people_.population;
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
    out.push_back({step, std::string(metrics::name(metrics::Metric::converged_step)), "all",
                   static_cast<double>(*converged_at_)});
}

template <class Real>
metrics::AgentNames ClassicModel<Real>::agent_names() const {
  return {people_.population.group_names, subjects(), people_.population.role_names};
}

template <class Real>
Footprint ClassicModel<Real>::footprint() const {
  return {
      people_.population.size(), people_.network.edges(), 0, bytes(), {{"classic rule", seconds_}}};
}

template <class Real>
std::vector<std::string> ClassicModel<Real>::subjects() const {
  if (state_.features == 0) return {"all"};
  std::vector<std::string> names;
  for (std::size_t k = 0; k < state_.features; ++k)
    names.push_back("feature_" + std::to_string(k + 1));
  return names;
}

template <class Real>
void ClassicModel<Real>::snapshot(std::int64_t step, std::vector<metrics::AgentRow>& out) const {
  const auto& population_ = people_.population;
  const std::size_t n = population_.size();
  const std::size_t f = state_.features;
  // On the implicit complete graph everyone is everyone's neighbour.
  const bool complete = implicit_complete_graph(scenario_);
  const auto& net = people_.network;
  for (std::size_t i = 0; i < n; ++i) {
    metrics::AgentRow row{step, population_.external_id[i], population_.group[i], 0, 0.0};
    row.role = population_.role[i];
    row.marginalised = population_.marginalised[i];
    row.degree = static_cast<std::uint32_t>(complete ? n - 1 : net.offsets[i + 1] - net.offsets[i]);
    if (f == 0) {
      row.value = static_cast<double>(state_.opinion[i]);
      out.push_back(row);
      continue;
    }
    for (std::size_t k = 0; k < f; ++k) {
      row.subject = static_cast<std::uint32_t>(k);
      row.value = static_cast<double>(state_.culture[i * f + k]);
      out.push_back(row);
    }
  }
}

// The classic state, and the people and network it lives on.
template <class Real>
std::size_t ClassicModel<Real>::bytes() const {
  std::size_t total = 0;
  auto add = [&total](const auto& v) { total += v.capacity() * sizeof(v[0]); };
  const auto& pop = people_.population;
  for (const auto& v : pop.trust)
    add(v);
  for (const auto& v : pop.anchor)
    add(v);
  add(pop.susceptibility), add(pop.literacy), add(pop.convener_trust), add(pop.stubbornness);
  add(pop.group), add(pop.role), add(pop.marginalised), add(pop.external_id);
  const auto& net = people_.network;
  add(net.offsets), add(net.neighbours), add(net.weights), add(net.in_group_begin),
      add(net.in_group_end);
  add(state_.opinion), add(state_.anchor), add(state_.culture);
  return total;
}

}  // namespace

template <class Real>
std::unique_ptr<Simulation> make_classic_model(const scenario::Scenario& scenario,
                                               std::uint32_t replicate) {
  return std::make_unique<ClassicModel<Real>>(scenario, replicate);
}

template std::unique_ptr<Simulation> make_classic_model<float>(const scenario::Scenario&,
                                                               std::uint32_t);
template std::unique_ptr<Simulation> make_classic_model<double>(const scenario::Scenario&,
                                                                std::uint32_t);

}  // namespace detente::engine

// The trust model (design §2): a World stepped by the phases of step_order.cpp.
#include <chrono>
#include <limits>
#include <string_view>
#include <type_traits>

#include "engine/classic_model.hpp"
#include "engine/simulation.hpp"
#include "engine/step_order.hpp"
#include "engine/world.hpp"
#include "interventions/targeting.hpp"
#include "metrics/intervention_metrics.hpp"
#include "metrics/leader_metrics.hpp"
#include "metrics/metrics.hpp"

namespace detente {
namespace {

// Adds the time since construction to a phase's total.
class PhaseClock {
 public:
  explicit PhaseClock(double& total) : total_(total), start_(std::chrono::steady_clock::now()) {}
  ~PhaseClock() {
    total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  PhaseClock(const PhaseClock&) = delete;
  PhaseClock& operator=(const PhaseClock&) = delete;

 private:
  double& total_;
  std::chrono::steady_clock::time_point start_;
};

template <class Real>
class TrustModel final : public Simulation, public TrustState {
 public:
  TrustModel(const scenario::Scenario& s, std::uint32_t replicate)
      : world_(s, replicate),
        phases_(engine::step_order<Real>(engine::PhaseSetup{
            s, [this](std::string_view metric,
                      std::string_view subject) { return probe(metric, subject); }})),
        seconds_(phases_.size(), 0.0) {}

  TrustModel(const scenario::Scenario& s, const TrustModel& from)
      : world_(s, from.world_),
        phases_(engine::step_order<Real>(engine::PhaseSetup{
            s, [this](std::string_view metric,
                      std::string_view subject) { return probe(metric, subject); }})),
        seconds_(phases_.size(), 0.0),
        step_(from.step_) {}

  std::unique_ptr<Simulation> fork(const scenario::Scenario& s) const override {
    return std::make_unique<TrustModel>(s, *this);
  }

  void follow(const Simulation& from) override {
    const auto& other = dynamic_cast<const TrustModel&>(from);
    world_.follow(other.world_);
    step_ = other.step_;
    probed_step_ = -1;
  }

  void step() override {
    const std::int64_t t = step_ + 1;
    const rules::StepContext context{t, &world_.rng};
    for (std::size_t k = 0; k < phases_.size(); ++k) {
      const PhaseClock clock(seconds_[k]);
      phases_[k].phase->run(world_, context);
    }
    step_ = t;
  }

  std::int64_t now() const override { return step_; }
  bool converged() const override { return false; }

  void record(std::vector<metrics::MetricRow>& out) const override {
    const auto& w = world_;
    metrics::MetricInput<Real> input;
    input.population = &w.population;
    input.outputs = &w.scenario.outputs;
    input.positive_ties = w.tie_summary.positive_ties;
    input.any_ties = w.tie_summary.any_ties;
    input.ties = &w.ties;
    input.positive_tie_threshold = w.scenario.dynamics.contact.positive_tie;
    input.backlash_per_group = w.backlash;
    input.good_verdicts = w.good_verdicts;
    input.bad_verdicts = w.bad_verdicts;
    metrics::record_metrics(input, step_, out);

    metrics::InterventionMetricInput<Real> convener;
    convener.population = &w.population;
    const auto spending = w.convener->spending();
    const auto exposures = w.convener->exposures();
    if (!w.convener->empty()) {
      convener.interventions = w.convener->names();
      convener.spending = spending;
      convener.exposures = exposures;
      convener.participant = w.roster.participant();
      convener.ambassador = w.roster.ambassador();
      convener.programme_ties = w.ties.size() - w.ties.static_count;
    }
    metrics::record_intervention_metrics(convener, step_, out);

    // Written only while leaders are on, as the convener's metrics only with programmes.
    if (w.scenario.dynamics.leaders.enabled) {
      metrics::LeaderMetricInput<Real> leaders;
      leaders.population = &w.population;
      leaders.trusting_threshold = w.scenario.outputs.trusting_threshold;
      leaders.support_needed = w.scenario.dynamics.leaders.support_needed;
      leaders.per_group = w.leaders.per_group;
      leaders.stance = w.leaders.stance;
      metrics::record_leader_metrics(leaders, step_, out);
    }
  }

  void snapshot(std::int64_t step, std::vector<metrics::AgentRow>& out) const override {
    // Trust toward each out-group; subjects are the directed pairs, g then h.
    const auto& pop = world_.population;
    const std::size_t groups = pop.groups();
    const auto rounds = participation();
    for (std::size_t i = 0; i < pop.size(); ++i) {
      const std::size_t g = pop.group[i];
      metrics::AgentRow row{step, pop.external_id[i], static_cast<std::uint32_t>(g), 0, 0.0};
      row.role = pop.role[i];
      row.marginalised = pop.marginalised[i];
      row.participant = world_.roster.participant()[i];
      row.degree =
          static_cast<std::uint32_t>(world_.network.offsets[i + 1] - world_.network.offsets[i]);
      row.cross_ties = world_.tie_summary.any_ties[i];
      row.participation = rounds[i];
      for (std::size_t h = 0; h < groups; ++h) {
        if (h == g) continue;
        row.subject = static_cast<std::uint32_t>(g * (groups - 1) + h - (h > g ? 1 : 0));
        row.value = static_cast<double>(pop.trust[h][i]);
        out.push_back(row);
      }
    }
  }

  metrics::AgentNames agent_names() const override {
    const auto& pop = world_.population;
    metrics::AgentNames names{pop.group_names, {}, pop.role_names};
    for (const auto& from : pop.group_names)
      for (const auto& to : pop.group_names)
        if (from != to) names.subjects.push_back(metrics::pair_subject(from, to));
    return names;
  }

  Footprint footprint() const override {
    Footprint f{
        world_.population.size(), world_.network.edges(), world_.ties.size(), world_.bytes(), {}};
    for (std::size_t k = 0; k < phases_.size(); ++k)
      f.phases.push_back({phases_[k].phase->info().name, seconds_[k]});
    return f;
  }

  const TrustState* trust_state() const override { return this; }
  const std::vector<Event>& events() const override { return world_.events; }

  std::vector<double> outgroup_trust() const override {
    const auto& pop = world_.population;
    std::vector<double> out(pop.size());
    for (std::size_t i = 0; i < pop.size(); ++i)
      out[i] = interventions::outgroup_trust(pop, i);
    return out;
  }
  const CrossTies& ties() const override { return world_.ties; }
  const interventions::Roster& roster() const override { return world_.roster; }
  const std::vector<interventions::TeamRound>& teams() const override { return world_.book.teams; }
  PopulationView population() const override {
    PopulationView view;
    if constexpr (std::is_same_v<Real, float>) {
      view.f32 = &world_.population;
    } else {
      view.f64 = &world_.population;
    }
    return view;
  }
  const SocialNetwork& network() const override { return world_.network; }
  std::vector<double> outlet_slants() const override {
    std::vector<double> out;
    for (const auto& outlet : world_.outlets)
      out.push_back(outlet.slant);
    return out;
  }

 private:
  // Per agent, the programme rounds (exchange, joint production teams) it was a member of.
  std::vector<std::uint32_t> participation() const {
    std::vector<std::uint32_t> rounds(world_.population.size(), 0);
    for (const auto& round : world_.book.teams)
      for (const std::uint32_t member : round.members)
        ++rounds[member];
    return rounds;
  }

  // A trigger's reading of one metric on the state the previous step left.
  // Every metric is recorded at most once per step, however many triggers
  // are watching: recording sorts each group's trust for its percentiles.
  double probe(std::string_view metric, std::string_view subject) {
    if (probed_step_ != step_) {
      probed_.clear();
      record(probed_);
      probed_step_ = step_;
    }
    for (const auto& row : probed_)
      if (row.metric == metric && row.subject == subject) return row.value;
    return std::numeric_limits<double>::quiet_NaN();
  }

  engine::World<Real> world_;
  std::vector<engine::OrderedPhase<Real>> phases_;
  std::vector<double> seconds_;             // per phase, so far
  std::vector<metrics::MetricRow> probed_;  // probe()'s rows, for step probed_step_
  std::int64_t probed_step_ = -1;
  std::int64_t step_ = 0;
};

}  // namespace

double Footprint::phase_seconds(std::string_view phase) const {
  for (const auto& p : phases)
    if (p.phase == phase) return p.seconds;
  return 0.0;
}

double Footprint::total_seconds() const {
  double total = 0.0;
  for (const auto& p : phases)
    total += p.seconds;
  return total;
}

std::unique_ptr<Simulation> make_simulation(const scenario::Scenario& scenario,
                                            std::uint32_t replicate) {
  const bool classic = scenario.dynamics.classic.model != scenario::ClassicModel::none;
  if (scenario.precision == scenario::Precision::float64) {
    if (classic) return engine::make_classic_model<double>(scenario, replicate);
    return std::make_unique<TrustModel<double>>(scenario, replicate);
  }
  if (classic) return engine::make_classic_model<float>(scenario, replicate);
  return std::make_unique<TrustModel<float>>(scenario, replicate);
}

bool is_output_step(const scenario::Scenario& scenario, std::int64_t step) {
  return step == 0 || step == scenario.steps || step % scenario.outputs.every == 0;
}

}  // namespace detente

#include "experiment/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <limits>
#include <optional>
#include <string_view>

#include "core/network_builders.hpp"
#include "core/network_file.hpp"
#include "core/node_columns.hpp"
#include "core/population_builder.hpp"
#include "experiment/classic_world.hpp"
#include "interventions/portfolio.hpp"
#include "interventions/targeting.hpp"
#include "metrics/intervention_metrics.hpp"
#include "rules/consolidation.hpp"
#include "rules/contact.hpp"
#include "rules/influence.hpp"
#include "rules/media.hpp"
#include "rules/shocks.hpp"

namespace detente {
namespace {

// Adds the time since construction to a phase's total.
class PhaseClock {
 public:
  explicit PhaseClock(double& total) : total_(total), start_(std::chrono::steady_clock::now()) {}
  ~PhaseClock() {
    total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  double& total_;
  std::chrono::steady_clock::time_point start_;
};

std::uint32_t group_mask(const std::vector<std::string>& names,
                         const std::vector<std::string>& selected) {
  if (selected.empty()) return (names.size() >= 32) ? ~0u : ((1u << names.size()) - 1u);
  std::uint32_t mask = 0;
  for (const auto& s : selected) {
    const auto it = std::find(names.begin(), names.end(), s);
    mask |= 1u << (it - names.begin());
  }
  return mask;
}

std::string resolve_path(const scenario::Scenario& s, const std::string& file) {
  if (file.empty()) return file;
  std::filesystem::path p(file);
  if (p.is_absolute() || s.source_path.empty()) return file;
  return (std::filesystem::path(s.source_path).parent_path() / p).string();
}

template <class Real>
class SimulationImpl final : public Simulation {
 public:
  SimulationImpl(const scenario::Scenario& s, std::uint32_t replicate)
      : scenario_(s), rng_(s.seed, replicate) {
    build_world();
    for (const auto& g : scenario_.population.groups)
      group_names_.push_back(g.name);
    for (const auto& outlet : scenario_.media)
      outlets_.push_back(resolve(outlet));
    for (const auto& event : scenario_.dynamics.shocks.events)
      shock_masks_.push_back(group_mask(group_names_, event.groups));
    settings_.push_back(scenario_.dynamics.contact.everyday);
    portfolio_ = std::make_unique<interventions::Portfolio<Real>>(scenario_, pop_);
    backlash_.assign(pop_.groups(), 0);
    next_ = pop_.trust;
    rules::summarise_ties(ties_, pop_.group, scenario_.dynamics.contact.positive_tie, summary_);
    if (scenario_.dynamics.classic.model != scenario::ClassicModel::none) {
      const rules::classic::Graph graph{implicit_complete_graph(scenario_) ? nullptr : &network_,
                                        pop_.size()};
      classic_ = std::make_unique<ClassicWorld<Real>>(scenario_, pop_, graph, node_columns_, rng_);
    }
    node_columns_.clear();
  }

  // One step, in the order of design §2. Every phase reads the state the
  // previous phase left and writes a fresh buffer, so the result depends on
  // neither agent order nor thread count.
  void step() override {
    const std::int64_t t = step_ + 1;
    const rules::StepContext context{t, &rng_};
    const auto& dynamics = scenario_.dynamics;
    // A classic model (dynamics.classic) is the only rule of its scenario.
    if (classic_) {
      classic_->step(context);
      step_ = t;
      return;
    }

    // 1. Scheduled events. Interventions first: a programme running when a
    //    crisis hits is already in place. Then shocks, whose resilience counts
    //    the positive ties as they stand.
    std::optional<PhaseClock> clock(std::in_place, times_.events);
    interventions::InterventionContext<Real> world{
        t, &rng_, &pop_, &network_, &ties_, &settings_, &outlets_, &backlash_, &speaker_weight_};
    const std::size_t ties_before = ties_.size();
    portfolio_->step(world, [this](std::string_view metric, std::string_view subject) {
      return probe(metric, subject);
    });
    // New programme teams add ties: shocks and extended contact must see them.
    if (ties_.size() != ties_before)
      rules::summarise_ties(ties_, pop_.group, dynamics.contact.positive_tie, summary_);
    if (dynamics.shocks.enabled) {
      for (const auto& hit :
           rules::shocks_at(dynamics.shocks, shock_masks_, pop_.groups(), context)) {
        rules::apply_shock(dynamics.shocks, hit, summary_, pop_, next_);
        swap_trust();
        if (hit.surge_steps > 0) surge_until_ = std::max(surge_until_, t + hit.surge_steps - 1);
      }
    }

    // 2. Media: what people see this week, hostile surge included.
    clock.emplace(times_.media);
    if (dynamics.media.enabled && !outlets_.empty()) {
      const rules::Surge surge{t <= surge_until_, dynamics.shocks.surge_slant_shift,
                               dynamics.shocks.surge_exposure_factor};
      const auto backlash =
          rules::apply_media(dynamics.media, outlets_, surge, pop_, context, next_);
      for (std::size_t g = 0; g < backlash.size(); ++g)
        backlash_[g] += backlash[g];
      swap_trust();
    }

    // 3. Contact across groups (and extended contact), then the tie summary
    //    that extended contact, shocks and metrics read next.
    clock.emplace(times_.contact);
    if (dynamics.contact.enabled && ties_.size() > 0) {
      const auto counts = rules::apply_contact(dynamics.contact, settings_, network_, pop_,
                                               summary_, ties_, context, next_);
      swap_trust();
      if (ties_.size() == ties_.static_count) {
        // Only the ties that crossed the threshold change the summary.
        rules::update_tie_summary(ties_, pop_.group, dynamics.contact.positive_tie,
                                  counts.flipped_ties, summary_);
      } else {
        age_programme_ties();  // decay moves every programme tie
        rules::summarise_ties(ties_, pop_.group, dynamics.contact.positive_tie, summary_);
      }
    }

    // 4. Social influence among peers: people talk over what happened.
    clock.emplace(times_.influence);
    if (dynamics.influence.enabled) {
      rules::apply_influence(dynamics.influence, network_, pop_, speaker_weight_, next_);
      swap_trust();
    }

    // 5. Consolidation: what lasted becomes the new normal.
    clock.emplace(times_.consolidation);
    if (dynamics.consolidation.enabled) rules::apply_consolidation(dynamics.consolidation, pop_);

    step_ = t;
  }

  std::int64_t now() const override { return step_; }

  void record(std::vector<metrics::MetricRow>& out) const override {
    if (classic_) return classic_->record(step_, out);
    metrics::MetricInput<Real> input;
    input.population = &pop_;
    input.outputs = &scenario_.outputs;
    input.positive_ties = summary_.positive_ties;
    input.any_ties = summary_.any_ties;
    input.ties = &ties_;
    input.positive_tie_threshold = scenario_.dynamics.contact.positive_tie;
    input.backlash_per_group = backlash_;
    metrics::record_metrics(input, step_, out);

    const auto& ledger = portfolio_->ledger();
    metrics::InterventionMetricInput<Real> convener;
    convener.population = &pop_;
    if (!portfolio_->empty()) {
      convener.interventions = portfolio_->names();
      convener.spending = ledger.spending;
      convener.exposures = ledger.exposures;
      convener.participant = ledger.participant;
      convener.ambassador = ledger.ambassador;
      convener.programme_ties = ties_.size() - ties_.static_count;
    }
    metrics::record_intervention_metrics(convener, step_, out);
  }

  std::vector<double> outgroup_trust() const override {
    std::vector<double> out(pop_.size());
    for (std::size_t i = 0; i < pop_.size(); ++i)
      out[i] = interventions::outgroup_trust(pop_, i);
    return out;
  }
  const CrossTies& ties() const override { return ties_; }
  const interventions::Ledger& ledger() const override { return portfolio_->ledger(); }
  bool converged() const override { return classic_ && classic_->converged(); }

  void snapshot(std::int64_t step, std::vector<metrics::AgentRow>& out) const override {
    if (classic_) return classic_->snapshot(step, out);
    // Trust toward each out-group; subjects are the directed pairs, g then h.
    const std::size_t groups = pop_.groups();
    for (std::size_t i = 0; i < pop_.size(); ++i) {
      const std::size_t g = pop_.group[i];
      for (std::size_t h = 0; h < groups; ++h)
        if (h != g)
          out.push_back({step, pop_.external_id[i], static_cast<std::uint32_t>(g),
                         static_cast<std::uint32_t>(g * (groups - 1) + h - (h > g ? 1 : 0)),
                         static_cast<double>(pop_.trust[h][i])});
    }
  }

  metrics::AgentNames agent_names() const override {
    metrics::AgentNames names{pop_.group_names, {}};
    if (classic_) {
      names.subjects = classic_->subjects();
      return names;
    }
    for (const auto& from : pop_.group_names)
      for (const auto& to : pop_.group_names)
        if (from != to) names.subjects.push_back(metrics::pair_subject(from, to));
    return names;
  }

  std::size_t agents() const override { return pop_.size(); }
  std::size_t cross_ties() const override { return ties_.size(); }
  PhaseTimes phase_times() const override { return times_; }
  std::size_t edges() const override { return network_.edges(); }
  std::size_t bytes() const override {
    std::size_t total = 0;
    auto add = [&total](const auto& v) { total += v.capacity() * sizeof(v[0]); };
    for (const auto& v : pop_.trust)
      add(v);
    for (const auto& v : pop_.anchor)
      add(v);
    for (const auto& v : next_)
      add(v);
    add(pop_.susceptibility), add(pop_.literacy), add(pop_.convener_trust), add(pop_.stubbornness);
    add(pop_.group), add(pop_.role), add(pop_.marginalised), add(pop_.external_id);
    add(network_.offsets), add(network_.neighbours), add(network_.weights);
    add(network_.in_group_begin), add(network_.in_group_end);
    add(ties_.a), add(ties_.b), add(ties_.strength), add(ties_.key), add(ties_.setting);
    add(ties_.offsets), add(ties_.incident);
    add(summary_.positive_ties), add(summary_.positive_mask), add(summary_.any_ties);
    if (classic_) total += classic_->bytes();
    return total;
  }

 private:
  void build_world() {
    const auto& spec = scenario_.network;
    std::vector<std::uint32_t> group_begin;
    if (!spec.file.empty()) {
      std::vector<std::string> names;
      for (const auto& g : scenario_.population.groups)
        names.push_back(g.name);
      auto imported = read_network_files(resolve_path(scenario_, spec.file),
                                         resolve_path(scenario_, spec.nodes_file), names,
                                         spec.directed, spec.between.strength);
      group_begin = std::move(imported.group_begin);
      network_ = std::move(imported.social);
      ties_ = std::move(imported.cross);
      pop_ = build_population<Real>(scenario_.population, group_begin, rng_);
      pop_.external_id = std::move(imported.external_id);
      apply_node_columns<Real>(imported.columns, pop_);
      node_columns_ = std::move(imported.columns);
    } else if (implicit_complete_graph(scenario_)) {
      // The classic models meet on the complete graph without its edges.
      group_begin = group_ranges(scenario_.population);
      network_ = build_csr(group_begin.back(), group_begin, {}, {}, false);
      pop_ = build_population<Real>(scenario_.population, group_begin, rng_);
    } else {
      group_begin = group_ranges(scenario_.population);
      auto generated = generate_network(spec, group_begin, rng_);
      network_ = std::move(generated.social);
      ties_ = std::move(generated.cross);
      pop_ = build_population<Real>(scenario_.population, group_begin, rng_);
    }
  }

  // The value of a metric as timeseries.csv would record it now (for triggers).
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

  rules::ResolvedOutlet resolve(const scenario::Outlet& outlet) const {
    rules::ResolvedOutlet r;
    r.key = stream_key(outlet.name);
    r.audience_mask = group_mask(group_names_, outlet.audience);
    r.reach = outlet.reach;
    r.exposure = outlet.exposure;
    r.slant = outlet.slant;
    r.credibility = outlet.credibility;
    r.convener_sponsored = outlet.sponsor == "convener";
    // Who follows an outlet is drawn once (step 0); cache it for every step.
    r.followers = rules::resolve_followers(r, pop_.group, rng_);
    return r;
  }

  // Programme ties (after the static social ties) fade unless contact renews
  // them, and are dropped under the floor (design §2.2). Coordination slows
  // the fading of its programmes' ties (the ledger's per-setting factor).
  void age_programme_ties() {
    if (ties_.size() == ties_.static_count) return;
    const auto& c = scenario_.dynamics.contact;
    const auto& factor = portfolio_->ledger().decay_factor;
    std::size_t kept = ties_.static_count;
    for (std::size_t e = ties_.static_count; e < ties_.size(); ++e) {
      const float s =
          ties_.strength[e] * static_cast<float>(1.0 - c.tie_decay * factor[ties_.setting[e]]);
      if (s < c.tie_floor) continue;
      ties_.a[kept] = ties_.a[e], ties_.b[kept] = ties_.b[e], ties_.key[kept] = ties_.key[e];
      ties_.setting[kept] = ties_.setting[e], ties_.strength[kept] = s;
      ++kept;
    }
    if (kept != ties_.size()) {
      ties_.a.resize(kept), ties_.b.resize(kept), ties_.key.resize(kept);
      ties_.setting.resize(kept), ties_.strength.resize(kept);
      ties_.rebuild_incidence(pop_.size());
    }
  }

  void swap_trust() { std::swap(pop_.trust, next_); }

  const scenario::Scenario& scenario_;
  Streams rng_;
  Population<Real> pop_;
  SocialNetwork network_;
  CrossTies ties_;
  rules::TieSummary summary_;
  std::vector<std::string> group_names_;
  std::vector<rules::ResolvedOutlet> outlets_;
  std::vector<std::uint32_t> shock_masks_;
  std::vector<scenario::Conditions> settings_;
  std::unique_ptr<interventions::Portfolio<Real>> portfolio_;
  std::vector<metrics::MetricRow> probed_;  // probe()'s rows, for step probed_step_
  std::int64_t probed_step_ = -1;
  std::vector<NodeColumn> node_columns_;  // from a nodes file, until the classic world takes them
  std::unique_ptr<ClassicWorld<Real>> classic_;
  std::vector<float> speaker_weight_;  // empty: every speaker weighs 1
  rules::TrustArrays<Real> next_;
  std::vector<std::uint64_t> backlash_;
  std::int64_t step_ = 0;
  std::int64_t surge_until_ = -1;
  PhaseTimes times_;
};

}  // namespace

std::unique_ptr<Simulation> make_simulation(const scenario::Scenario& scenario,
                                            std::uint32_t replicate) {
  if (scenario.precision == scenario::Precision::float64)
    return std::make_unique<SimulationImpl<double>>(scenario, replicate);
  return std::make_unique<SimulationImpl<float>>(scenario, replicate);
}

bool is_output_step(const scenario::Scenario& scenario, std::int64_t step) {
  return step == 0 || step == scenario.steps || step % scenario.outputs.every == 0;
}

}  // namespace detente

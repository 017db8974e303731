#pragma once
// The typed, validated scenario: what a YAML file means, with every default
// filled in. Plain immutable data — no YAML type appears here or past the
// loader (scenario/load.hpp). The engine is built from these structs only.
//
// Defaults live in the member initialisers below and nowhere else: the
// parameter table (scenario/parameters.hpp) reads them from a
// default-constructed struct, so validation, the resolved scenario.yaml and
// scenarios/README.md all show the same numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/arms.hpp"
#include "scenario/interventions.hpp"  // Conditions, Intervention, Convener, Budget

namespace detente::scenario {

// A distribution of an agent attribute over [0,1]. In YAML either a number
// (constant) or a map `{dist: uniform|beta|normal, ...}`.
struct Distribution {
  enum class Kind { constant, uniform, beta, normal };
  Kind kind = Kind::constant;
  double value = 0.5;  // constant
  double low = 0.0;    // uniform
  double high = 1.0;   // uniform
  double a = 2.0;      // beta shape α
  double b = 2.0;      // beta shape β
  double mean = 0.5;   // normal, clipped to [0,1]
  double sd = 0.1;     // normal

  static Distribution constant(double v) {
    Distribution d;
    d.value = v;
    return d;
  }
  static Distribution uniform(double lo, double hi) {
    Distribution d;
    d.kind = Kind::uniform;
    d.low = lo;
    d.high = hi;
    return d;
  }
  friend bool operator==(const Distribution&, const Distribution&) = default;
};

struct RoleShare {
  std::string name;
  double share = 1.0;
  friend bool operator==(const RoleShare&, const RoleShare&) = default;
};

struct Group {
  std::string name;
  std::int64_t size = 1000;
  std::vector<RoleShare> roles = {{"public", 1.0}};
  double marginalised_share = 0.1;
  Distribution trust = Distribution::constant(0.5);  // toward every out-group
  Distribution susceptibility = Distribution::constant(0.5);
  Distribution literacy = Distribution::constant(0.3);
  Distribution convener_trust = Distribution::constant(0.5);
  Distribution stubbornness = Distribution::constant(0.1);  // λ of Friedkin–Johnsen
  Distribution opinion = Distribution::uniform(0.0, 1.0);   // initial opinion, classic models
  friend bool operator==(const Group&, const Group&) = default;
};

struct Population {
  std::vector<Group> groups;
  friend bool operator==(const Population&, const Population&) = default;
};

enum class NetworkModel {
  complete,
  erdos_renyi,
  watts_strogatz,
  barabasi_albert,
  ring_lattice,
  grid,
};

struct WithinNetwork {
  NetworkModel model = NetworkModel::watts_strogatz;
  double mean_degree = 10.0;
  double rewire = 0.1;       // Watts–Strogatz rewiring probability
  std::int64_t columns = 0;  // grid: agents per row; 0 = a square grid
  friend bool operator==(const WithinNetwork&, const WithinNetwork&) = default;
};

struct BetweenNetwork {
  double mean_degree = 0.5;  // cross-group ties per agent
  double strength = 0.5;     // initial strength of a cross-group tie
  friend bool operator==(const BetweenNetwork&, const BetweenNetwork&) = default;
};

struct Network {
  WithinNetwork within;
  BetweenNetwork between;
  std::string file;        // CSV edge list source,target[,weight]; empty = generate
  std::string nodes_file;  // CSV id,group
  bool directed = false;   // only for `file`: edges as given, weights as given
  friend bool operator==(const Network&, const Network&) = default;
};

enum class Peers { in_group, all };

struct Influence {
  bool enabled = true;
  double rate = 0.1;                          // μ
  double confidence = 0.3;                    // ε; 1 or more means unbounded
  std::optional<double> repulsion_threshold;  // ρ > ε; unset = no repulsion
  double repulsion_rate = 0.05;
  Peers peers = Peers::in_group;
  double self_weight = 0.0;
  friend bool operator==(const Influence&, const Influence&) = default;
};

struct Contact {
  bool enabled = true;
  double rate = 0.1;             // meetings per tie per step at strength 1
  double base_positive = 0.55;   // q0
  double anxiety = 0.3;          // lowers q by anxiety·(1 − x)
  double condition_bonus = 0.1;  // added to q per unit of each condition
  double competitive_penalty = 0.35;
  double positive_step = 0.05;   // α⁺
  double negative_step = 0.065;  // α⁻ (1.3 × α⁺, Banas et al. 2020)
  double generalisation = 0.4;   // share of a meeting's effect that reaches the group
  double depth_weight = 0.0;     // φ: a meeting weighs 1 − φ + φ·(tie strength before it)
  double strengthen = 0.3;
  double weaken = 0.15;
  double positive_tie = 0.6;     // strength at which a tie counts as positive
  double extended_rate = 0.002;  // β of extended contact
  double tie_decay = 0.01;       // programme ties, per step
  double tie_floor = 0.05;       // programme ties below are dropped; social ties stay at it
  Conditions everyday;           // conditions of everyday (social-layer) contact
  friend bool operator==(const Contact&, const Contact&) = default;
};

struct MediaRule {
  bool enabled = true;
  double influence = 0.02;      // κ
  double backlash = 0.2;        // b
  double backlash_step = 0.03;  // κ_b
  friend bool operator==(const MediaRule&, const MediaRule&) = default;
};

struct Consolidation {
  bool enabled = true;
  double rate = 0.01;        // η
  double disposition = 0.0;  // δ: pull of the anchor back to the personal disposition
  friend bool operator==(const Consolidation&, const Consolidation&) = default;
};

// Population turnover (design §2.3, rules/turnover.hpp): each year a share
// of the people leave and young adults take their places, socialised by
// family and school. Off while rate is 0 (the default).
struct Turnover {
  bool enabled = true;
  double rate = 0.0;    // share of the people replaced per year (converted per step)
  double family = 0.5;  // weight of the family: the leaver's in-group neighbours' trust now
  double school = 0.5;  // weight of the school: the dispositions of the group's students
  double spread = 1.0;  // newcomers differ by this × the group's SD of dispositions
  std::string school_role = "student";  // the role whose members are at school
  friend bool operator==(const Turnover&, const Turnover&) = default;
};

// Leaders (rules/leaders.hpp): a few leaders per group, the best-connected
// members at the start, whose stance toward each out-group follows their
// public and their own trust and whose statements pull their public toward
// it; seats change hands each year, and programme alumni may be favoured as
// successors. Off by default.
struct Leaders {
  bool enabled = false;
  std::int64_t count = 5;        // leaders per group
  double turnover = 0.2;         // share of seats that change hands a year (converted per step)
  double alumni_weight = 1.0;    // an alumnus's chance of a vacated seat, × a non-alumnus's
  double responsiveness = 0.05;  // φ: how far a stance moves toward its target a step
  double own_weight = 0.5;       // w: the leader's own trust in the target; 1 − w the public's
  double cue = 0.01;             // pull of the leaders' statements on their public a step
  double support_needed = 0.2;   // public support a leader at stance 0 needs to compromise
  friend bool operator==(const Leaders&, const Leaders&) = default;
};

// Perceived norms and complex contagion (rules/norms.hpp): what people
// believe their own group thinks of an out-group shapes what they say and,
// once enough of the group is seen to be warm, what they privately feel.
// Off by default, so worlds that do not ask for it are unchanged.
struct Norms {
  bool enabled = false;
  double warm = 0.6;    // an expressed attitude at or above this is seen as warm
  double update = 0.1;  // ρ: per step, the perceived norm moves this share toward what is heard
  double conformity = 0.3;  // c: expression e = x + c·(p − x)
  double threshold = 0.25;  // θ: warm share seen among neighbours around which private trust tips
  double width = 0.1;       // width of the ramp around θ (0 below θ − w/2, 1 above θ + w/2)
  double rate = 0.02;       // ν: per step, pull of private trust toward the warm peers seen
  friend bool operator==(const Norms&, const Norms&) = default;
};

// Steps in a year for a step_unit that names a unit of time (day, week,
// fortnight, month, quarter, year, with or without a plural s); none for a
// label that does not, so yearly rates cannot be converted.
inline std::optional<double> steps_per_year(std::string_view unit) {
  if (unit.ends_with('s')) unit.remove_suffix(1);
  if (unit == "day") return 365.0;
  if (unit == "week") return 52.0;
  if (unit == "fortnight") return 26.0;
  if (unit == "month") return 12.0;
  if (unit == "quarter") return 4.0;
  if (unit == "year") return 1.0;
  return std::nullopt;
}

struct ShockEvent {
  std::int64_t step = 0;
  double magnitude = 0.3;           // M
  std::vector<std::string> groups;  // empty = every group
  std::int64_t surge_steps = 0;     // hostile-media surge after the shock
  friend bool operator==(const ShockEvent&, const ShockEvent&) = default;
};

struct Shocks {
  bool enabled = true;
  std::vector<ShockEvent> events;
  double poisson_rate = 0.0;  // random crises per step
  double poisson_magnitude = 0.2;
  std::int64_t poisson_surge_steps = 0;
  double resilience_per_tie = 0.3;     // r = 1 − (1 − this)^(positive cross-group ties)
  double surge_slant_shift = 0.3;      // outlets' slant moves this far toward hostile
  double surge_exposure_factor = 2.0;  // and their exposure is multiplied by this
  friend bool operator==(const Shocks&, const Shocks&) = default;
};

// Classic opinion-dynamics models (design §2.3, §7), for validation and
// teaching. With a model set, each agent holds one opinion (or, for Axelrod,
// a culture) and that model is the only rule that runs (rules/classic.hpp).
enum class ClassicModel { none, influence, deffuant, hegselmann_krause, voter, axelrod };
enum class Schedule { sequential, parallel };

struct Classic {
  ClassicModel model = ClassicModel::none;
  double confidence = 0.2;                   // ε of Deffuant–Weisbuch and Hegselmann–Krause
  double rate = 0.5;                         // μ of Deffuant–Weisbuch
  Schedule schedule = Schedule::sequential;  // Deffuant–Weisbuch and the voter model
  std::int64_t features = 5;                 // F of Axelrod
  std::int64_t traits = 10;                  // q of Axelrod
  double tolerance = 1e-6;                   // of stop_when: converged
  friend bool operator==(const Classic&, const Classic&) = default;
};

struct Dynamics {
  Influence influence;
  Contact contact;
  MediaRule media;
  Consolidation consolidation;
  Turnover turnover;
  Leaders leaders;
  Norms norms;
  Shocks shocks;
  Classic classic;
  friend bool operator==(const Dynamics&, const Dynamics&) = default;
};

struct Outlet {
  std::string name;
  std::vector<std::string> audience;  // group names; empty = every group
  double reach = 0.5;                 // share of the audience that follows it
  double exposure = 0.3;              // chance a follower sees it in a step
  double slant = 0.0;                 // σ ∈ [−1,1] toward the out-group
  double credibility = 0.6;
  std::string sponsor = "independent";  // "independent", "convener" or a group name
  friend bool operator==(const Outlet&, const Outlet&) = default;
};

struct Outputs {
  std::int64_t every = 4;
  double trusting_threshold = 0.6;  // θ of trusting_share
  double hostile_threshold = 0.3;
  double cluster_gap = 1e-3;          // opinions further apart than this start a new cluster
  std::vector<std::int64_t> agents;   // steps with a per-agent snapshot; −1 = the last step
  std::vector<std::int64_t> network;  // steps whose ties edges.csv records; −1 = the last step
  bool graphml = false;               // also network.graphml at those steps
  // The outcomes the scenario's question is about ("metric" for subject all,
  // or "metric/subject"): compare prints and briefs lead with them.
  std::vector<std::string> headline;
  friend bool operator==(const Outputs&, const Outputs&) = default;
};

// What is not known about the world (`uncertain:`): a key whose value nobody
// can pin down, with a prior over it. `detente compare --futures N` draws N
// futures from these priors (a space-filling design) and asks in how many of
// them each strategy beats the base (experiment/futures.hpp).
enum class Prior { uniform, log_uniform, normal, beta };

struct UncertainParameter {
  std::string path;  // a --set path, e.g. dynamics.contact.rate
  Prior prior = Prior::uniform;
  // Bounds, always given: the range of a uniform or log-uniform, the support
  // of a beta (scaled to [low, high]), the truncation of a normal.
  std::optional<double> low;
  std::optional<double> high;
  std::optional<double> mean;  // normal only
  std::optional<double> sd;    // normal only
  std::optional<double> a;     // beta only
  std::optional<double> b;     // beta only
  bool integer = false;        // round drawn values to whole numbers
  friend bool operator==(const UncertainParameter&, const UncertainParameter&) = default;
};

// Fitting the scenario to observations (`detente calibrate`): the keys to fit,
// each with a prior of the `uncertain:` form, a targets CSV
// (metric,subject,step,value,se,source) and the budget of approximate
// Bayesian computation by sequential Monte Carlo (experiment/calibrate_run.hpp).
enum class CalibrationMethod { abc_smc };

struct Calibrate {
  std::string targets;  // the targets CSV, relative to the scenario file's folder
  CalibrationMethod method = CalibrationMethod::abc_smc;
  std::int64_t particles = 200;  // accepted parameter sets per generation
  std::int64_t generations = 8;  // at most, the prior sample (generation 0) included
  std::int64_t replicates = 2;   // simulations per proposed point
  std::int64_t budget = 20000;   // simulations in all (points × replicates), a hard stop
  double quantile = 0.5;         // next tolerance: this quantile of the accepted distances
  double min_acceptance = 0.02;  // stop when a generation would accept fewer
  std::vector<UncertainParameter> parameters;
  friend bool operator==(const Calibrate&, const Calibrate&) = default;
};

// A sweep over scenario keys (`detente sweep`, design of experiments).
enum class SweepDesign { grid, latin_hypercube, morris, sobol };

struct SweepParameter {
  std::string path;           // a --set path, e.g. network.between.mean_degree
  std::optional<double> low;  // a range [low, high] …
  std::optional<double> high;
  std::vector<double> values;  // … or a list of values
  bool integer = false;        // round drawn values to whole numbers
  friend bool operator==(const SweepParameter&, const SweepParameter&) = default;
};

struct SweepOutcome {
  std::string metric;
  std::string subject = "all";
  std::optional<std::int64_t> step;  // unset: the final step
  friend bool operator==(const SweepOutcome&, const SweepOutcome&) = default;
};

struct Sweep {
  SweepDesign design = SweepDesign::grid;
  std::int64_t samples = 10;  // latin_hypercube points, morris trajectories, sobol base rows
  std::int64_t levels = 3;    // grid levels of a range; morris grid levels (even)
  std::int64_t replicates = 1;
  std::int64_t bootstrap = 200;  // resamples behind sensitivity intervals
  std::vector<SweepParameter> parameters;
  std::vector<SweepOutcome> outcomes;
  friend bool operator==(const Sweep&, const Sweep&) = default;
};

enum class Precision { float32, float64 };  // state arrays; float64 for exact special cases

enum class StopWhen { never, converged };  // converged: see Classic::tolerance

struct Scenario {
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  std::int64_t steps = 520;
  std::string step_unit = "week";
  StopWhen stop_when = StopWhen::never;
  Precision precision = Precision::float32;
  Population population;
  Network network;
  Dynamics dynamics;
  std::vector<Outlet> media;
  std::vector<Intervention> interventions;
  Outputs outputs;
  Convener convener;
  Budget budget;
  std::vector<Arm> arms;
  Sweep sweep;
  std::vector<UncertainParameter> uncertain;
  Calibrate calibrate;

  std::string source_path;  // the file it came from (not part of the model)
  friend bool operator==(const Scenario&, const Scenario&) = default;
};

// A classic model on one group with `network.within.model: complete` and no
// network file runs on the complete graph without building its edges.
inline bool implicit_complete_graph(const Scenario& s) {
  return s.dynamics.classic.model != ClassicModel::none && s.network.file.empty() &&
         s.population.groups.size() == 1 && s.network.within.model == NetworkModel::complete;
}

}  // namespace detente::scenario

#pragma once
// THE scenario schema: every YAML key, once, with its unit, range and
// description. Validation, defaults, to_yaml, overrides and the parameter
// table (scenarios/README.md, the workshop's slider bounds) all walk these
// lists, so none of them can drift. Defaults are not here: they are the
// member initialisers of scenario.hpp, read from a default-constructed struct.
//
// To add a key: add the member to scenario.hpp, then one `field(...)` line to
// that struct's list below (the static_asserts fail until you do). Checks
// that involve more than one key go in checks_*.cpp.
#include <array>
#include <string_view>

#include "scenario/detail/field.hpp"
#include "scenario/detail/intervention_schema.hpp"  // interventions, convener, budget, arms
#include "scenario/scenario.hpp"

namespace detente::scenario::detail {

// ---- enums, by name, in enumerator order ----------------------------------

constexpr auto enum_names(Tag<NetworkModel>) {
  return std::array<std::string_view, 6>{"complete",        "erdos_renyi",  "watts_strogatz",
                                         "barabasi_albert", "ring_lattice", "grid"};
}
constexpr auto enum_names(Tag<Peers>) {
  return std::array<std::string_view, 2>{"in_group", "all"};
}
constexpr auto enum_names(Tag<Framing>) {
  return std::array<std::string_view, 2>{"cooperative", "competitive"};
}
constexpr auto enum_names(Tag<Precision>) {
  return std::array<std::string_view, 2>{"float32", "float64"};
}
constexpr auto enum_names(Tag<ClassicModel>) {
  return std::array<std::string_view, 6>{"none",  "influence", "deffuant", "hegselmann_krause",
                                         "voter", "axelrod"};
}
constexpr auto enum_names(Tag<Schedule>) {
  return std::array<std::string_view, 2>{"sequential", "parallel"};
}
constexpr auto enum_names(Tag<StopWhen>) {
  return std::array<std::string_view, 2>{"never", "converged"};
}
constexpr auto enum_names(Tag<SweepDesign>) {
  return std::array<std::string_view, 4>{"grid", "latin_hypercube", "morris", "sobol"};
}
constexpr auto enum_names(Tag<Prior>) {
  return std::array<std::string_view, 4>{"uniform", "log_uniform", "normal", "beta"};
}
constexpr auto enum_names(Tag<CalibrationMethod>) {
  return std::array<std::string_view, 1>{"abc_smc"};
}
constexpr auto enum_names(Tag<Distribution::Kind>) {
  return std::array<std::string_view, 4>{"constant", "uniform", "beta", "normal"};
}

// What one entry of a list is called in messages ("a list of groups").
constexpr std::string_view entry_noun(Tag<Group>) {
  return "group";
}
constexpr std::string_view entry_noun(Tag<Outlet>) {
  return "outlet";
}
constexpr std::string_view entry_noun(Tag<ShockEvent>) {
  return "event";
}
constexpr std::string_view entry_noun(Tag<Intervention>) {
  return "intervention";
}

constexpr std::string_view entry_noun(Tag<SweepParameter>) {
  return "parameter";
}
constexpr std::string_view entry_noun(Tag<SweepOutcome>) {
  return "outcome";
}
constexpr std::string_view entry_noun(Tag<UncertainParameter>) {
  return "uncertain parameter";
}

// Interventions take type-specific keys besides the common ones; the type
// check (intervention_types.cpp) owns them, so reading does not refuse them.
template <class T>
constexpr bool takes_type_keys(Tag<T>) {
  return false;
}
constexpr bool takes_type_keys(Tag<Intervention>) {
  return true;
}

// ---- population ------------------------------------------------------------

constexpr auto fields(Tag<Group>) {
  return std::tuple{
      field(&Group::name, "name")
          .required()
          .text(Text::name)
          .about("Name of the group, unique; used in outputs (`north->south`) and in references to "
                 "the group."),
      field(&Group::size, "size")
          .unit("agents")
          .range(agents_from(1))
          .about("Number of agents in the group."),
      field(&Group::roles, "roles")
          .unit("share")
          .about("Role mix: free role names with shares > 0 that sum to 1, e.g. {public: 0.9, "
                 "student: 0.1}."),
      field(&Group::marginalised_share, "marginalised_share")
          .unit("share")
          .range(unit_interval)
          .about("Share of members flagged as marginalised (for targeting quotas and diversity "
                 "metrics)."),
      field(&Group::trust, "trust")
          .unit("trust")
          .range(unit_interval)
          .about("Initial trust toward every out-group; also the initial anchor."),
      field(&Group::susceptibility, "susceptibility")
          .range(unit_interval)
          .about("Openness to peers and messages (s)."),
      field(&Group::literacy, "literacy")
          .range(unit_interval)
          .about("Media literacy: discounts hostile framing."),
      field(&Group::convener_trust, "convener_trust")
          .unit("trust")
          .range(unit_interval)
          .about("Trust in the convener: the credibility of its campaigns."),
      field(&Group::stubbornness, "stubbornness")
          .range(unit_interval)
          .about("λ of Friedkin–Johnsen: weight of the anchor in each update."),
      field(&Group::opinion, "opinion")
          .range(unit_interval)
          .about("Initial opinion under a classic model (dynamics.classic); for the voter model "
                 "the chance to start at 1. Ignored otherwise."),
  };
}

constexpr auto fields(Tag<Population>) {
  return std::tuple{
      field(&Population::groups, "groups")
          .about("The communities, at least two (one is enough with a network.file or a classic "
                 "model)."),
  };
}

// ---- network ---------------------------------------------------------------

constexpr auto fields(Tag<WithinNetwork>) {
  return std::tuple{
      field(&WithinNetwork::model, "model")
          .about("Generator of each group's internal ties; complete and grid (a 2-D lattice, "
                 "von Neumann neighbours, no wrap-around) ignore mean_degree."),
      field(&WithinNetwork::mean_degree, "mean_degree")
          .unit("ties per agent")
          .range(between(0, kMostAgents))
          .about("Mean number of in-group ties; below the smallest group size; even for "
                 "watts_strogatz, ring_lattice and barabasi_albert (≥ 2)."),
      field(&WithinNetwork::rewire, "rewire")
          .unit("probability")
          .range(unit_interval)
          .about("Watts–Strogatz rewiring probability."),
      field(&WithinNetwork::columns, "columns")
          .unit("agents")
          .range(agents_from(0))
          .about("grid: agents per row (the last row may be shorter); 0 = a square grid, which "
                 "needs square group sizes."),
  };
}

constexpr auto fields(Tag<BetweenNetwork>) {
  return std::tuple{
      field(&BetweenNetwork::mean_degree, "mean_degree")
          .unit("ties per agent")
          .range(between(0, kMostAgents))
          .about("Mean number of cross-group ties per agent (stochastic-block style)."),
      field(&BetweenNetwork::strength, "strength")
          .range(Range{0.0, 1.0, true, false})
          .about("Initial strength of a cross-group tie."),
  };
}

constexpr auto fields(Tag<Network>) {
  return std::tuple{
      field(&Network::within, "within").about("Ties inside each group."),
      field(&Network::between, "between").about("Ties across groups."),
      field(&Network::file, "file")
          .text(Text::path)
          .about("CSV edge list `source,target[,weight]` to load instead of generating; relative "
                 "to the scenario file. Empty = generate."),
      field(&Network::nodes_file, "nodes_file")
          .text(Text::path)
          .about("CSV `id,group` giving each node of `file` its group; relative to the scenario "
                 "file."),
      field(&Network::directed, "directed")
          .about("Only with `file`: keep edges and weights as given instead of symmetrising them."),
  };
}

// ---- dynamics --------------------------------------------------------------

constexpr auto fields(Tag<Influence>) {
  return std::tuple{
      field(&Influence::enabled, "enabled")
          .about("Run social influence (Friedkin–Johnsen with bounded confidence)."),
      field(&Influence::rate, "rate")
          .unit("per step")
          .range(unit_interval)
          .about("μ: how far an agent moves toward its peers."),
      field(&Influence::confidence, "confidence")
          .unit("trust")
          .range(between(0, kMostWeight))
          .about("ε: peers farther than this are ignored; 1 or more = unbounded."),
      field(&Influence::repulsion_threshold, "repulsion_threshold")
          .unit("trust")
          .range(between(0, kMostWeight))
          .about("ρ > ε: peers farther than this push the agent away; unset = no repulsion."),
      field(&Influence::repulsion_rate, "repulsion_rate")
          .unit("per step")
          .range(unit_interval)
          .about("Strength of the push away from peers beyond ρ."),
      field(&Influence::peers, "peers")
          .about("Whose views count: in-group neighbours or all neighbours."),
      field(&Influence::self_weight, "self_weight")
          .range(between(0, kMostWeight))
          .about("Weight of the agent's own view in the peer mean (1 for Hegselmann–Krause)."),
  };
}

constexpr auto fields(Tag<Conditions>) {
  return std::tuple{
      field(&Conditions::equal_status, "equal_status")
          .range(unit_interval)
          .about("Allport: equal status in the setting."),
      field(&Conditions::common_goal, "common_goal")
          .range(unit_interval)
          .about("Allport: a goal both sides share."),
      field(&Conditions::cooperation, "cooperation")
          .range(unit_interval)
          .about("Allport: working together for it."),
      field(&Conditions::institutional_support, "institutional_support")
          .range(unit_interval)
          .about("Allport: support of authorities and institutions."),
      field(&Conditions::framing, "framing")
          .about("Competitive framing (teams against each other) lowers the chance of a positive "
                 "meeting."),
      field(&Conditions::intensity, "intensity")
          .unit("factor")
          .range(between(0, kMostWeight))
          .about("How often ties in this setting meet, as a multiple of dynamics.contact.rate "
                 "(a residential programme meets more often than neighbours do)."),
  };
}

constexpr auto fields(Tag<Contact>) {
  return std::tuple{
      field(&Contact::enabled, "enabled").about("Run intergroup contact."),
      field(&Contact::rate, "rate")
          .unit("per tie per step")
          .range(unit_interval)
          .about("Meeting probability of a tie at strength 1."),
      field(&Contact::base_positive, "base_positive")
          .unit("probability")
          .range(unit_interval)
          .about("q0: chance a meeting is positive before conditions and anxiety. "
                 "Uncalibrated, and a known gap: in the baseline world people judge 0.375 of "
                 "their meetings across groups good (positive_meeting_share), where Graf, "
                 "Paolini and Rubin 2014 (EJSP 44) found positive contact reported three times "
                 "as often as negative (0.75); fitting this key alone breaks other calibrations "
                 "(scenarios/README.md, Calibration)."),
      field(&Contact::anxiety, "anxiety")
          .range(unit_interval)
          .about("Lowers each person's q by anxiety·(1 − their own trust): the warier end of a "
                 "meeting judges it more harshly."),
      field(&Contact::condition_bonus, "condition_bonus")
          .unit("probability")
          .range(unit_interval)
          .about("Added to q per unit of each Allport condition."),
      field(&Contact::competitive_penalty, "competitive_penalty")
          .unit("probability")
          .range(unit_interval)
          .about("Subtracted from q under competitive framing."),
      field(&Contact::positive_step, "positive_step")
          .range(unit_interval)
          .about("α⁺: a positive meeting moves trust by α⁺·(1 − x)."),
      field(&Contact::negative_step, "negative_step")
          .range(unit_interval)
          .about("α⁻: a negative meeting moves trust by −α⁻·x (1.3 × α⁺, Banas et al. 2020)."),
      field(&Contact::generalisation, "generalisation")
          .unit("share")
          .range(unit_interval)
          .about("Share of a meeting's effect that reaches the whole out-group."),
      field(&Contact::depth_weight, "depth_weight")
          .range(unit_interval)
          .about("φ: how much a meeting's effect on trust depends on the tie's depth. A meeting "
                 "moves trust by (1 − φ + φ·s) times the step, s the tie's strength before it: at "
                 "1 an acquaintance of strength 0.5 moves trust half as much as a close friend. "
                 "Direction: time spent with, and disclosure to, out-group friends go with "
                 "warmer attitudes than other friendship measures (Davies et al. 2011, "
                 "meta-analysis); the size is uncalibrated. 0 = every meeting weighs the same."),
      field(&Contact::strengthen, "strengthen")
          .range(unit_interval)
          .about("Tie strength gained by a positive meeting."),
      field(&Contact::weaken, "weaken")
          .range(unit_interval)
          .about("Tie strength lost by a negative meeting."),
      field(&Contact::positive_tie, "positive_tie")
          .range(unit_interval)
          .about("Strength at which a cross-group tie counts as positive."),
      field(&Contact::extended_rate, "extended_rate")
          .unit("per step")
          .range(unit_interval)
          .about(
              "β of extended contact: gain from in-group friends with positive cross-group ties."),
      field(&Contact::tie_decay, "tie_decay")
          .unit("per step")
          .range(unit_interval)
          .about("Decay of programme-tie strength."),
      field(&Contact::tie_floor, "tie_floor")
          .range(unit_interval)
          .about("Programme ties below this are dropped; social ties stay at it."),
      field(&Contact::everyday, "everyday").about("Conditions of everyday (social-layer) contact."),
  };
}

constexpr auto fields(Tag<MediaRule>) {
  return std::tuple{
      field(&MediaRule::enabled, "enabled").about("Run the media rule."),
      field(&MediaRule::influence, "influence")
          .unit("per exposure")
          .range(unit_interval)
          .about("κ: pull of an exposure toward the outlet's slant."),
      field(&MediaRule::backlash, "backlash")
          .unit("probability")
          .range(unit_interval)
          .about("b: scale of the chance to react against a message."),
      field(&MediaRule::backlash_step, "backlash_step")
          .unit("per exposure")
          .range(unit_interval)
          .about("κ_b: move away from the slant on backlash. Not calibrated: at the default "
                 "(0.03) a month of campaigning by the sponsor its audience distrusts backfires "
                 "by about 0.007 SD, under a tenth of the least Bail et al. (2018) found "
                 "for a month of the other side's messages (0.1–0.6 SD); a known gap "
                 "(tests/calibration/campaign_backfire_test.cpp)."),
  };
}

constexpr auto fields(Tag<Consolidation>) {
  return std::tuple{
      field(&Consolidation::enabled, "enabled").about("Let lasting shifts become the new anchor."),
      field(&Consolidation::rate, "rate")
          .unit("per step")
          .range(unit_interval)
          .about("η: anchor ← anchor + η·(trust − anchor) + δ·(disposition − anchor)."),
      field(&Consolidation::disposition, "disposition")
          .unit("per step")
          .range(unit_interval)
          .about("δ: pull of the settled attitude back toward the person's own lasting "
                 "disposition (drawn at the start, moved only by curricula). Keeps people "
                 "different from one another, as surveys find year after year: the person-level "
                 "SD of out-party feeling in the ANES stayed between 0.18 and 0.23 on a 0–1 "
                 "scale from 1978 to 2012 while its mean fell (scenarios/data/README.md). "
                 "0 (the default) turns it off. No survey measures it directly: the baseline "
                 "world's 0.01 is fitted to that spread (SD 0.167 at week 520; "
                 "tests/calibration/world_spread_test.cpp)."),
  };
}

constexpr auto fields(Tag<Turnover>) {
  return std::tuple{
      field(&Turnover::enabled, "enabled").about("Replace people who leave (runs while rate > 0)."),
      field(&Turnover::rate, "rate")
          .unit("per year")
          .range(unit_interval)
          .about("Share of the people who leave each year; a young adult takes each place. "
                 "Converted per step from step_unit (day, week, fortnight, month, quarter or "
                 "year): 1 − (1 − rate)^(1/steps a year). 0 (the default) turns it off. Source "
                 "for a value: the world's crude death rate, 8.6 deaths per 1,000 people a year "
                 "in 2005–2010 (UN World Population Prospects, 2006 revision), i.e. 0.0086; a "
                 "lower bound for the share of adults replaced, since a growing population takes "
                 "in more young adults than it loses."),
      field(&Turnover::family, "family")
          .unit("weight")
          .range(unit_interval)
          .about("Weight of the family in a newcomer's disposition: the mean trust its in-group "
                 "neighbours (the leaver's place in the network) hold now. family + school = 1. "
                 "Uncalibrated."),
      field(&Turnover::school, "school")
          .unit("weight")
          .range(unit_interval)
          .about("Weight of the school: the mean disposition of the group's students (members of "
                 "school_role), which curricula move; the group's mean disposition when it has "
                 "no students. family + school = 1. Uncalibrated."),
      field(&Turnover::spread, "spread")
          .unit("factor")
          .range(between(0.0, 2.0))
          .about("Newcomers differ from the family-and-school mix by a normal draw whose SD is "
                 "this times what the families' differences leave of the group's person-level "
                 "SD of dispositions: at 1 newcomers spread about as the group does (clamping "
                 "to [0, 1] narrows them a little; a family weight whose differences alone "
                 "exceed the group's SD widens them). Uncalibrated."),
      field(&Turnover::school_role, "school_role")
          .text(Text::name)
          .about("The role whose members are at school (their dispositions are what school "
                 "teaches newcomers)."),
  };
}

constexpr auto fields(Tag<Leaders>) {
  return std::tuple{
      field(&Leaders::enabled, "enabled")
          .about("Give each group leaders (off by default): the best-connected members at the "
                 "start, whose stance follows their public and their own trust and whose "
                 "statements move their public. Adds the leader_room metric."),
      field(&Leaders::count, "count")
          .unit("leaders per group")
          .range(between(1, 100))
          .about("Leaders per group, chosen at the start as the members with the most in-group "
                 "ties (ties broken by id); a group smaller than this has every member lead. "
                 "Uncalibrated: a small set, as in a party's or a community's leadership."),
      field(&Leaders::turnover, "turnover")
          .unit("per year")
          .range(between(0.0, 0.99))
          .about("Share of the seats that change hands each year, converted per step from "
                 "step_unit as population turnover's rate is; a place whose occupant population "
                 "turnover replaces also hands its seat on. A vacated seat goes by lot to a "
                 "member who does not lead, with a chance in proportion to 1 + their in-group "
                 "ties (times alumni_weight for programme alumni). 0 keeps the first leaders. "
                 "Uncalibrated (the default 0.2, about one seat in five a year, is an "
                 "assumption)."),
      field(&Leaders::alumni_weight, "alumni_weight")
          .unit("factor")
          .range(between(0.0, 1000.0))
          .about("How many times a non-alumnus's chance a programme alumnus (who graduated from "
                 "an exchange or joint production) has of a vacated seat: above 1 programmes "
                 "train future leaders, 1 (the default) gives alumni no advantage. "
                 "Uncalibrated."),
      field(&Leaders::responsiveness, "responsiveness")
          .unit("per step")
          .range(unit_interval)
          .about("φ: stance ← (1 − φ)·stance + φ·(w·own trust + (1 − w)·the public's mean trust "
                 "toward that out-group). That leaders answer to their public is representation's "
                 "premise; no source found gives a rate. Uncalibrated."),
      field(&Leaders::own_weight, "own_weight")
          .unit("weight")
          .range(unit_interval)
          .about("w: weight of the leader's own trust (which their ties, meetings and "
                 "programmes move) in the stance they move toward; 1 − w is their public's. "
                 "Uncalibrated."),
      field(&Leaders::cue, "cue")
          .unit("per step")
          .range(unit_interval)
          .about("Pull of the leaders' statements: each member's trust toward an out-group moves "
                 "cue × susceptibility of the way to the mean stance of their group's leaders, "
                 "every step. Direction sourced: elite cues move mass opinion (Zaller 1992, The "
                 "Nature and Origins of Mass Opinion), and constituents adopted positions their "
                 "state legislators announced by letter, even unjustified ones (Broockman and "
                 "Butler 2017, AJPS, field experiments); its size per step is uncalibrated."),
      field(&Leaders::support_needed, "support_needed")
          .unit("share")
          .range(unit_interval)
          .about("The room leaders have (the leader_room metric): a leader with stance s toward "
                 "an out-group has room to compromise when the share of their public trusting "
                 "it (at or above outputs.trusting_threshold) is at least support_needed × "
                 "(1 − s); a dove needs less support than a hawk. Uncalibrated."),
  };
}

constexpr auto fields(Tag<Norms>) {
  return std::tuple{
      field(&Norms::enabled, "enabled")
          .about("Perceived norms and complex contagion (rules/norms.hpp): what people believe "
                 "their own group thinks of each out-group shapes what they say and, once enough "
                 "of the group is seen to be warm, what they privately feel. Off by default."),
      field(&Norms::warm, "warm")
          .unit("trust")
          .range(unit_interval)
          .about("An expressed attitude at or above this is seen as warm: the warm share a "
                 "person sees among their in-group neighbours is what tips them. 0.6, the line "
                 "of outputs.trusting_threshold and political_space. A convention, not a "
                 "measurement."),
      field(&Norms::update, "update")
          .unit("per step")
          .range(unit_interval)
          .about("ρ: each step the perceived norm (the attitude one believes one's own group "
                 "holds) moves this share of the way toward the mean attitude one's in-group "
                 "neighbours express: p ← (1 − ρ)·p + ρ·heard. Uncalibrated."),
      field(&Norms::conformity, "conformity")
          .unit("share")
          .range(unit_interval)
          .about("c: people express e = x + c·(p − x), their private trust x pulled toward the "
                 "norm they perceive p; peers see e, not x, so a group can misread itself "
                 "(pluralistic ignorance). Uncalibrated."),
      field(&Norms::threshold, "threshold")
          .unit("share")
          .range(unit_interval)
          .about("θ: the share of one's in-group neighbours seen to be warm around which private "
                 "trust tips toward warmth (complex contagion). Source for 0.25: a committed "
                 "minority of about 25% overturned an established convention in online "
                 "coordination groups (Centola, Becker, Brackbill & Baronchelli 2018, Science "
                 "360:1116); other studies put the critical mass between 10% and 40%, and a "
                 "naming game is not trust between communities."),
      field(&Norms::width, "width")
          .unit("share")
          .range(Range{0.0, 1.0, true, false})
          .about("Width of the ramp g around θ: g(s) = 0 below θ − width/2, 1 above θ + "
                 "width/2, linear between, s the warm share seen; below the ramp a campaign "
                 "that lifts perceived norms stalls. Uncalibrated."),
      field(&Norms::rate, "rate")
          .unit("per step")
          .range(unit_interval)
          .about("ν: Δx = ν·g(s)·max(0, m − x), m the mean expressed attitude of the warm "
                 "in-group neighbours one sees: private trust moves toward the warm peers only, "
                 "and only as far as the warm share seen is past θ. Uncalibrated."),
  };
}

constexpr auto fields(Tag<ShockEvent>) {
  return std::tuple{
      field(&ShockEvent::step, "step")
          .unit("step")
          .range(steps_from(0))
          .about("Step of the crisis; below `steps`."),
      field(&ShockEvent::magnitude, "magnitude")
          .range(unit_interval)
          .about("M: trust ← trust·(1 − M·(1 − resilience))."),
      field(&ShockEvent::groups, "groups").about("Groups hit (names); empty = every group."),
      field(&ShockEvent::surge_steps, "surge_steps")
          .unit("steps")
          .range(steps_from(0))
          .about("Length of the hostile-media surge that follows."),
  };
}

constexpr auto fields(Tag<Shocks>) {
  return std::tuple{
      field(&Shocks::enabled, "enabled").about("Apply shocks."),
      field(&Shocks::events, "events").about("Scheduled crises."),
      field(&Shocks::poisson_rate, "poisson_rate")
          .unit("per step")
          .range(between(0, kMostWeight))
          .about("Rate of random crises."),
      field(&Shocks::poisson_magnitude, "poisson_magnitude")
          .range(unit_interval)
          .about("M of a random crisis."),
      field(&Shocks::poisson_surge_steps, "poisson_surge_steps")
          .unit("steps")
          .range(steps_from(0))
          .about("Hostile-media surge after a random crisis."),
      field(&Shocks::resilience_per_tie, "resilience_per_tie")
          .range(unit_interval)
          .about("r = 1 − (1 − this)^(positive cross-group ties)."),
      field(&Shocks::surge_slant_shift, "surge_slant_shift")
          .unit("slant")
          .range(between(0.0, 2.0))
          .about("During a surge outlets' slant moves this far toward hostile."),
      field(&Shocks::surge_exposure_factor, "surge_exposure_factor")
          .unit("factor")
          .range(between(0, kMostWeight))
          .about("During a surge outlets' exposure is multiplied by this."),
  };
}

constexpr auto fields(Tag<Classic>) {
  return std::tuple{
      field(&Classic::model, "model")
          .about("A classic opinion-dynamics model to run instead of the trust rules: influence "
                 "(DeGroot, Friedkin–Johnsen: dynamics.influence on one opinion), deffuant, "
                 "hegselmann_krause, voter or axelrod; none = the trust model."),
      field(&Classic::confidence, "confidence")
          .unit("opinion")
          .range(Range{0, kMostWeight, true, false})
          .about("ε: Deffuant–Weisbuch pairs meet if |x_i − x_j| < ε; Hegselmann–Krause averages "
                 "over |x_j − x_i| ≤ ε."),
      field(&Classic::rate, "rate")
          .range(Range{0.0, 0.5, true, false})
          .about("μ of Deffuant–Weisbuch: both move this share of their difference toward each "
                 "other."),
      field(&Classic::schedule, "schedule")
          .about("Deffuant–Weisbuch and voter: sequential (one random edge or agent at a time, as "
                 "published) or parallel (disjoint pairs / all agents at once, multi-threaded)."),
      field(&Classic::features, "features")
          .range(between(1, 64))
          .about("F of Axelrod: cultural features per agent."),
      field(&Classic::traits, "traits")
          .range(between(2, 65535))
          .about("q of Axelrod: traits each feature can take."),
      field(&Classic::tolerance, "tolerance")
          .unit("opinion")
          .range(between(0, kMostWeight))
          .about("stop_when converged: no opinion may still move by more than this (no active "
                 "pair left for voter and Axelrod)."),
  };
}

constexpr auto fields(Tag<Dynamics>) {
  return std::tuple{
      field(&Dynamics::influence, "influence").about("Social influence."),
      field(&Dynamics::contact, "contact").about("Intergroup contact."),
      field(&Dynamics::media, "media").about("How outlets move trust."),
      field(&Dynamics::consolidation, "consolidation").about("Drift of anchors toward trust."),
      field(&Dynamics::turnover, "turnover")
          .about("Population turnover: people leave, young adults socialised by family and "
                 "school take their places."),
      field(&Dynamics::leaders, "leaders")
          .about("Leaders whose stance follows their public and their own ties and whose "
                 "statements move their public."),
      field(&Dynamics::norms, "norms")
          .about("Perceived norms and complex contagion: what people believe their own group "
                 "thinks of the other shapes what they say and, past a tipping point, what they "
                 "feel."),
      field(&Dynamics::shocks, "shocks").about("Crises."),
      field(&Dynamics::classic, "classic").about("Classic opinion-dynamics models."),
  };
}

// ---- media, outputs -------------------------------------------

constexpr auto fields(Tag<Outlet>) {
  return std::tuple{
      field(&Outlet::name, "name").required().text(Text::name).about("Name of the outlet, unique."),
      field(&Outlet::audience, "audience").about("Groups it reaches (names); empty = every group."),
      field(&Outlet::reach, "reach")
          .unit("share")
          .range(unit_interval)
          .about("Share of the audience that follows it."),
      field(&Outlet::exposure, "exposure")
          .unit("per step")
          .range(unit_interval)
          .about("Chance a follower sees it in a step."),
      field(&Outlet::slant, "slant")
          .range(between(-1.0, 1.0))
          .about("σ toward the out-group: −1 hostile, +1 friendly."),
      field(&Outlet::credibility, "credibility")
          .range(unit_interval)
          .about("How believable its audience finds it."),
      field(&Outlet::sponsor, "sponsor")
          .text(Text::non_empty)
          .about("`independent`, `convener` or the name of a group."),
  };
}

constexpr auto fields(Tag<Outputs>) {
  return std::tuple{
      field(&Outputs::every, "every")
          .unit("steps")
          .range(steps_from(1))
          .about("Record the outcomes every this many steps."),
      field(&Outputs::trusting_threshold, "trusting_threshold")
          .unit("trust")
          .range(unit_interval)
          .about("θ: trust at or above this counts as trusting."),
      field(&Outputs::hostile_threshold, "hostile_threshold")
          .unit("trust")
          .range(unit_interval)
          .about("Trust at or below this counts as hostile; below θ."),
      field(&Outputs::cluster_gap, "cluster_gap")
          .unit("opinion")
          .range(Range{0, kMostWeight, true, false})
          .about("Classic models: sorted opinions split into clusters at gaps larger than this."),
      field(&Outputs::agents, "agents")
          .unit("steps")
          .range(steps_from(-1))
          .about("Steps at which agents.csv records every agent's state; -1 = the last step."),
      field(&Outputs::network, "network")
          .unit("steps")
          .range(steps_from(-1))
          .about("Steps at which edges.csv records every tie (within-group, between-group, "
                 "programme) with its strength; -1 = the last step. Trust model only."),
      field(&Outputs::graphml, "graphml")
          .about("Also write network.graphml (one graph per arm, replicate and outputs.network "
                 "step; nodes with group and role)."),
      field(&Outputs::headline, "headline")
          .text(Text::outcome)
          .about("The outcomes the scenario's question is about, as metric (subject all) or "
                 "metric/subject, e.g. [political_space, mean/north->south]: `detente compare` "
                 "prints them and the brief leads with them. Empty: the outcomes where the arms "
                 "separate most."),
  };
}

// ---- sweep -----------------------------------------------------------------

constexpr auto fields(Tag<SweepParameter>) {
  return std::tuple{
      field(&SweepParameter::path, "path")
          .required()
          .text(Text::non_empty)
          .about("The key to vary, as in `--set`: network.between.mean_degree, "
                 "population.groups.north.size."),
      field(&SweepParameter::low, "low").about("Lower end of a range (with `high`)."),
      field(&SweepParameter::high, "high").about("Upper end of a range (with `low`)."),
      field(&SweepParameter::values, "values")
          .about("The values to take, instead of a range; designs pick among them."),
      field(&SweepParameter::integer, "integer")
          .about("Round drawn values to whole numbers (for integer keys)."),
  };
}

constexpr auto fields(Tag<SweepOutcome>) {
  return std::tuple{
      field(&SweepOutcome::metric, "metric")
          .required()
          .text(Text::non_empty)
          .about("Outcome metric, e.g. trusting_share (see the outputs in README.md)."),
      field(&SweepOutcome::subject, "subject")
          .text(Text::non_empty)
          .about("Its subject: `all`, a group, or `north->south`."),
      field(&SweepOutcome::step, "step")
          .unit("steps")
          .range(steps_from(0))
          .about("The output step to read; unset = the final step."),
  };
}

constexpr auto fields(Tag<Sweep>) {
  return std::tuple{
      field(&Sweep::design, "design")
          .about("grid: every combination; latin_hypercube: `samples` points; morris: `samples` "
                 "trajectories of elementary effects; sobol: Saltelli sampling with `samples` "
                 "base rows."),
      field(&Sweep::samples, "samples")
          .unit("points")
          .range(count_from(2))
          .about("Points (latin_hypercube), trajectories (morris) or base rows (sobol)."),
      field(&Sweep::levels, "levels")
          .unit("levels")
          .range(count_from(2))
          .about("Values of a range in a grid; grid levels of morris (even)."),
      field(&Sweep::replicates, "replicates")
          .unit("replicates")
          .range(count_from(1))
          .about("Replicates per point; outcomes are averaged over them."),
      field(&Sweep::bootstrap, "bootstrap")
          .unit("resamples")
          .range(count_from(0))
          .about("Bootstrap resamples behind the sensitivity intervals."),
      field(&Sweep::parameters, "parameters").about("The keys to vary (`detente sweep`)."),
      field(&Sweep::outcomes, "outcomes").about("The outcomes to analyse."),
  };
}

// ---- uncertain -------------------------------------------------------------

constexpr auto fields(Tag<UncertainParameter>) {
  return std::tuple{
      field(&UncertainParameter::path, "path")
          .required()
          .text(Text::non_empty)
          .about("The key nobody can pin down, as in `--set`: dynamics.contact.rate."),
      field(&UncertainParameter::prior, "prior")
          .about("uniform or log_uniform on [low, high]; normal (mean, sd) truncated to "
                 "[low, high]; beta (a, b) scaled to [low, high]."),
      field(&UncertainParameter::low, "low").about("Lower bound (always given)."),
      field(&UncertainParameter::high, "high").about("Upper bound (always given)."),
      field(&UncertainParameter::mean, "mean").about("Mean of a normal prior."),
      field(&UncertainParameter::sd, "sd").about("Standard deviation of a normal prior."),
      field(&UncertainParameter::a, "a").about("First shape of a beta prior."),
      field(&UncertainParameter::b, "b").about("Second shape of a beta prior."),
      field(&UncertainParameter::integer, "integer")
          .about("Round drawn values to whole numbers (for integer keys)."),
  };
}

// ---- calibrate -------------------------------------------------------------

// Bounds of the calibration counts (docs/calibration contract): far beyond
// any study this machine can run, small enough that no product overflows.
constexpr double kMostParticles = 100'000;
constexpr double kMostGenerations = 100;
constexpr double kMostCalibrationReplicates = 1'000;
constexpr double kMostSimulations = 10'000'000;

constexpr auto fields(Tag<Calibrate>) {
  return std::tuple{
      field(&Calibrate::targets, "targets")
          .text(Text::path)
          .about("The targets CSV (metric,subject,step,value,se,source), relative to the scenario "
                 "file's folder; `detente calibrate --targets` overrides it."),
      field(&Calibrate::method, "method")
          .about("abc_smc: approximate Bayesian computation by sequential Monte Carlo."),
      field(&Calibrate::particles, "particles")
          .unit("parameter sets")
          .range(between(2, kMostParticles))
          .about("Accepted parameter sets per generation."),
      field(&Calibrate::generations, "generations")
          .unit("generations")
          .range(between(1, kMostGenerations))
          .about("Generations at most, the prior sample (generation 0) included."),
      field(&Calibrate::replicates, "replicates")
          .unit("replicates")
          .range(between(1, kMostCalibrationReplicates))
          .about("Simulations per proposed parameter set; their mean is compared with the "
                 "targets and their spread widens each target's tolerance."),
      field(&Calibrate::budget, "budget")
          .unit("simulations")
          .range(between(1, kMostSimulations))
          .about("Simulations in all (parameter sets × replicates): a hard stop; the last "
                 "complete generation is the posterior."),
      field(&Calibrate::quantile, "quantile")
          .unit("share")
          .range(Range{0, 1, true, true})
          .about("The next generation's tolerance is this quantile of the distances the last "
                 "one accepted (Del Moral et al. 2012), never below 1, the distance of runs "
                 "within the targets' standard errors; the generation at 1 is the last."),
      field(&Calibrate::min_acceptance, "min_acceptance")
          .unit("share")
          .range(Range{0, 1, true, false})
          .about("Stop when a generation would accept less than this share of its proposals."),
      field(&Calibrate::parameters, "parameters")
          .about("The keys to fit, each {path, prior, low, high, ...} as in `uncertain:`."),
  };
}

constexpr auto fields(Tag<Scenario>) {
  return std::tuple{
      field(&Scenario::name, "name")
          .required()
          .text(Text::name)
          .about("Name of the scenario; names its results folder."),
      field(&Scenario::description, "description").about("What the scenario tells."),
      field(&Scenario::seed, "seed").range(at_least(0)).about("Base seed of every random stream."),
      field(&Scenario::steps, "steps").unit("steps").range(steps_from(1)).about("Length of a run."),
      field(&Scenario::stop_when, "stop_when")
          .about("converged: end a classic model's run early once it has converged "
                 "(dynamics.classic.tolerance); the final state then stands for the last step."),
      field(&Scenario::step_unit, "step_unit")
          .text(Text::non_empty)
          .about("What a step is called (a label; rates are per step)."),
      field(&Scenario::precision, "precision")
          .about("Floating-point type of the agent state; float64 for exact special cases."),
      field(&Scenario::population, "population").about("The groups."),
      field(&Scenario::network, "network").about("The social layer."),
      field(&Scenario::dynamics, "dynamics").about("The rules."),
      field(&Scenario::media, "media").about("Media outlets."),
      field(&Scenario::interventions, "interventions").about("The convener's programmes."),
      field(&Scenario::outputs, "outputs").about("What is recorded."),
      field(&Scenario::convener, "convener").about("The convening organisation itself."),
      field(&Scenario::budget, "budget").about("Money for the interventions."),
      field(&Scenario::arms, "arms")
          .about("Variants of the base that `detente run` runs side by side, under the same "
                 "random streams."),
      field(&Scenario::sweep, "sweep").about("A design of experiments for `detente sweep`."),
      field(&Scenario::uncertain, "uncertain")
          .about("Keys whose values are not known, with a prior each: the futures of "
                 "`detente compare --futures`."),
      field(&Scenario::calibrate, "calibrate")
          .about("Fitting keys to observed targets (`detente calibrate`)."),
  };
}

// Every member is in the table (Scenario::source_path is not part of the model).
static_assert(member_count<Group>() == field_count<Group>());
static_assert(member_count<Population>() == field_count<Population>());
static_assert(member_count<WithinNetwork>() == field_count<WithinNetwork>());
static_assert(member_count<BetweenNetwork>() == field_count<BetweenNetwork>());
static_assert(member_count<Network>() == field_count<Network>());
static_assert(member_count<Influence>() == field_count<Influence>());
static_assert(member_count<Conditions>() == field_count<Conditions>());
static_assert(member_count<Contact>() == field_count<Contact>());
static_assert(member_count<MediaRule>() == field_count<MediaRule>());
static_assert(member_count<Consolidation>() == field_count<Consolidation>());
static_assert(member_count<Turnover>() == field_count<Turnover>());
static_assert(member_count<Norms>() == field_count<Norms>());
static_assert(member_count<ShockEvent>() == field_count<ShockEvent>());
static_assert(member_count<Shocks>() == field_count<Shocks>());
static_assert(member_count<Classic>() == field_count<Classic>());
static_assert(member_count<Dynamics>() == field_count<Dynamics>());
static_assert(member_count<Outlet>() == field_count<Outlet>());
static_assert(member_count<Outputs>() == field_count<Outputs>());
static_assert(member_count<SweepParameter>() == field_count<SweepParameter>());
static_assert(member_count<SweepOutcome>() == field_count<SweepOutcome>());
static_assert(member_count<Sweep>() == field_count<Sweep>());
static_assert(member_count<UncertainParameter>() == field_count<UncertainParameter>());
static_assert(member_count<Calibrate>() == field_count<Calibrate>());
static_assert(member_count<Scenario>() == field_count<Scenario>() + 1);
// Distribution and RoleShare have their own YAML forms (distribution.cpp, roles.cpp).
static_assert(member_count<Distribution>() == 8);
static_assert(member_count<RoleShare>() == 2);

}  // namespace detente::scenario::detail

#pragma once
// The schema of the convener's side (scenario/interventions.hpp, arms.hpp):
// the common fields of an intervention, each type's own parameter table, the
// convener, the budget and the arms. Included by schema.hpp; the same
// machinery reads, writes, overrides and documents these keys.
//
// Type-specific keys sit in the intervention's own map next to the common
// ones (`{name: camp, type: exchange_program, cohort: 40}`); the parameter
// table lists them as `interventions[type=exchange_program].cohort`.
// Calibrated defaults name their source in the description.
#include <array>
#include <string_view>
#include <tuple>
#include <variant>

#include "scenario/detail/field.hpp"
#include "scenario/scenario.hpp"

namespace detente::scenario::detail {

constexpr auto enum_names(Tag<Position>) {
  return std::array<std::string_view, 3>{"random", "central", "peripheral"};
}
constexpr auto enum_names(Tag<Attitude>) {
  return std::array<std::string_view, 3>{"any", "willing", "sceptical"};
}
constexpr auto enum_names(Tag<Trainees>) {
  return std::array<std::string_view, 2>{"journalists", "facilitators"};
}

constexpr std::string_view entry_noun(Tag<Arm>) {
  return "arm";
}

// ---- common fields -----------------------------------------------------------

constexpr auto fields(Tag<Targeting>) {
  return std::tuple{
      field(&Targeting::groups, "groups")
          .about("Groups it draws participants from (names); empty = every group."),
      field(&Targeting::roles, "roles")
          .text(Text::name)
          .about("Roles it draws from (names from the groups' role mix); empty = every role."),
      field(&Targeting::marginalised_quota, "marginalised_quota")
          .unit("share")
          .range(unit_interval)
          .about("Least share of each group's cohort that is marginalised (as far as there are "
                 "marginalised candidates)."),
      field(&Targeting::position, "position")
          .about("Network position preferred: random, central (most ties first) or peripheral "
                 "(fewest ties first)."),
      field(&Targeting::attitude, "attitude")
          .about("Attitude preferred: any, willing (the more trusting half of the group) or "
                 "sceptical (the less trusting half)."),
      field(&Targeting::repeat, "repeat")
          .about("Whether agents who took part in an earlier round may be chosen again."),
  };
}

constexpr auto fields(Tag<Costs>) {
  return std::tuple{
      field(&Costs::fixed, "fixed")
          .unit("money per round")
          .range(between(0, kMostMoney))
          .about("Cost of running a round, whoever takes part."),
      field(&Costs::per_participant, "per_participant")
          .unit("money per participant")
          .range(between(0, kMostMoney))
          .about("Cost of each participant of a round (each covered agent for curricula and "
                 "shared investments, each alumnus followed up for coordination)."),
      field(&Costs::per_exposure, "per_exposure")
          .unit("money per exposure")
          .range(between(0, kMostMoney))
          .about("Cost of each agent a message reaches in a step (campaigns, joint productions' "
                 "releases)."),
  };
}

constexpr auto fields(Tag<Trigger>) {
  return std::tuple{
      field(&Trigger::metric, "metric")
          .about("Metric watched (mean, median, p10, p90, sd, trusting_share, hostile_share, "
                 "bimodality, political_space, gap, convener_trust); empty = no trigger, the "
                 "schedule starts at `start`."),
      field(&Trigger::subject, "subject")
          .text(Text::non_empty)
          .about("Subject of the metric: a pair `north->south`, a group (convener_trust) or "
                 "`all`."),
      field(&Trigger::below, "below")
          .range(at_least(0))
          .about("Fire when the metric is below this; give `below` or `above`."),
      field(&Trigger::above, "above")
          .range(at_least(0))
          .about("Fire when the metric is above this."),
      field(&Trigger::delay, "delay")
          .unit("steps")
          .range(steps_from(0))
          .about("Steps between the metric crossing the threshold and the first round."),
      field(&Trigger::cooldown, "cooldown")
          .unit("steps")
          .range(steps_from(0))
          .about("Steps after a response's last round before the trigger watches again."),
      field(&Trigger::repeat, "repeat")
          .range(count_from(1))
          .about("Most times it may fire in a run."),
  };
}

// ---- each type's own keys ----------------------------------------------------

constexpr auto fields(Tag<ExchangeProgram>) {
  return std::tuple{
      field(&ExchangeProgram::cohort, "cohort")
          .unit("agents per group")
          .range(agents_from(1))
          .about("Participants drawn from each targeted group per round."),
      field(&ExchangeProgram::team_size, "team_size")
          .unit("agents")
          .range(agents_from(2))
          .about("Size of the mixed teams the cohort works in; every cross-group pair of a team "
                 "gets a programme tie. With the other defaults, an exchange under good conditions "
                 "moves its participants by about 0.17 control-group SD weeks later in the "
                 "baseline world, inside the 0.1–0.4 the contact experiments span (Paluck, "
                 "Green & Green 2019: about 0.4 pooled, 0.25 for ethnic prejudice, nearer 0.1 "
                 "when preregistered; tests/calibration/exchange_effect_test.cpp)."),
      field(&ExchangeProgram::duration, "duration")
          .unit("steps")
          .range(steps_from(1))
          .about("Steps the cohort spends together; its ties meet at the conditions' intensity "
                 "meanwhile and at everyday rate afterwards."),
      field(&ExchangeProgram::reunions, "reunions")
          .unit("rounds")
          .range(count_from(0))
          .about("Rounds each newly drawn cohort comes back for, before the next round draws "
                 "new people: a reunion reconvenes the members still there in the same teams, "
                 "their kept ties meet at the round's intensity again and faded ones form anew; "
                 "each is paid per participant like any round. 0 = new people every round."),
      field(&ExchangeProgram::conditions, "conditions")
          .about("Setting of the programme's meetings (Allport's conditions, framing, "
                 "intensity)."),
      field(&ExchangeProgram::tie_strength, "tie_strength")
          .range(Range{0.0, 1.0, true, false})
          .about("Initial strength of a teammates' tie. The default, 0.5, is an acquaintance "
                 "below the friendship line (dynamics.contact.positive_tie): teammates become "
                 "friends only through meetings both enjoy."),
      field(&ExchangeProgram::mingling, "mingling")
          .unit("ties per participant")
          .range(count_from(0))
          .about("Ties each participant forms with non-teammates of the other side(s) in the "
                 "cohort. Fitted with mingling_strength so that teammates, who become friends "
                 "only through meetings both enjoy, end up with a positive tie about ten times "
                 "as often as other cohort pairs (Seeds of Peace bunkmates: 11.7×; the model "
                 "gives 13.7: 37.5% of teammate pairs, 2.7% of others, "
                 "tests/calibration/programme_structure_test.cpp)."),
      field(&ExchangeProgram::mingling_strength, "mingling_strength")
          .range(Range{0.0, 1.0, true, false})
          .about("Initial strength of a tie with a non-teammate (see mingling)."),
      field(&ExchangeProgram::ambassador_threshold, "ambassador_threshold")
          .unit("trust")
          .range(unit_interval)
          .about("Alumni whose mean out-group trust is at least this when their programme ends "
                 "become ambassadors. Meant to give about one alumnus in five (Ross & Lazarus "
                 "2015); in the baseline world a default exchange gives 0.31, a known gap: a "
                 "threshold on trust is not the friendship and commitment that made alumni "
                 "active (tests/calibration/programme_structure_test.cpp)."),
      field(&ExchangeProgram::ambassador_weight, "ambassador_weight")
          .unit("factor")
          .range(between(1, kMostWeight))
          .about("Ambassadors' weight as speakers among their in-group peers (mentoring); 1 = "
                 "no ambassadors."),
  };
}

constexpr auto fields(Tag<JointProduction>) {
  return std::tuple{
      field(&JointProduction::cohort, "cohort")
          .unit("agents per group")
          .range(agents_from(1))
          .about("Co-producers drawn from each targeted group per round (set target.roles, e.g. "
                 "[artist, educator, journalist])."),
      field(&JointProduction::team_size, "team_size")
          .unit("agents")
          .range(agents_from(2))
          .about("Size of the mixed production teams."),
      field(&JointProduction::duration, "duration")
          .unit("steps")
          .range(steps_from(1))
          .about("Steps of joint work before the release."),
      field(&JointProduction::reunions, "reunions")
          .unit("rounds")
          .range(count_from(0))
          .about("Rounds each newly drawn cohort comes back for, before the next round draws "
                 "new people: a reunion reconvenes the members still there in the same teams, "
                 "their kept ties meet at the round's intensity again and faded ones form anew; "
                 "each is paid per participant like any round. 0 = new people every round."),
      field(&JointProduction::conditions, "conditions")
          .about("Setting of the joint work: a common goal and cooperation by nature."),
      field(&JointProduction::tie_strength, "tie_strength")
          .range(Range{0.0, 1.0, true, false})
          .about("Initial strength of co-producers' ties."),
      field(&JointProduction::audience, "audience")
          .about("Groups the finished work reaches (names); empty = every group."),
      field(&JointProduction::release_steps, "release_steps")
          .unit("steps")
          .range(steps_from(0))
          .about("Steps the work is shown after production ends."),
      field(&JointProduction::reach, "reach")
          .unit("share")
          .range(unit_interval)
          .about("Share of the audience that sees the work at all."),
      field(&JointProduction::exposure, "exposure")
          .unit("per step")
          .range(unit_interval)
          .about("Chance a viewer meets it in a step of the release."),
      field(&JointProduction::slant, "slant")
          .range(between(-1.0, 1.0))
          .about("σ of the work toward the other side (co-owned stories are friendly)."),
      field(&JointProduction::credibility, "credibility")
          .range(unit_interval)
          .about("Credibility of a co-owned work, on both sides alike."),
  };
}

constexpr auto fields(Tag<MediaCampaign>) {
  return std::tuple{
      field(&MediaCampaign::audience, "audience")
          .about("Groups it addresses (names); empty = every group."),
      field(&MediaCampaign::reach, "reach")
          .unit("share")
          .range(unit_interval)
          .about("Share of the audience that follows the campaign."),
      field(&MediaCampaign::exposure, "exposure")
          .unit("per round")
          .range(unit_interval)
          .about("Chance a follower sees it in a round."),
      field(&MediaCampaign::slant, "slant")
          .range(between(-1.0, 1.0))
          .about("σ of the message toward the other side."),
      field(&MediaCampaign::sponsor, "sponsor")
          .text(Text::non_empty)
          .about("`convener` (credibility = the agent's trust in the convener) or a group name "
                 "(credible to its own members as the convener is; to everyone else, trust in the "
                 "convener times trust toward that group)."),
      field(&MediaCampaign::norm_shift, "norm_shift")
          .unit("share")
          .range(unit_interval)
          .about("Share of a message's pull that moves what recipients believe their own group "
                 "thinks (their perceived norm, dynamics.norms) instead of their own trust: a "
                 "campaign that portrays the group as warmer than people think, as the Rwandan "
                 "radio soap opera moved listeners' perceived norms and behaviour while "
                 "personal beliefs hardly moved (Paluck 2009, JPSP 96:574). Needs "
                 "dynamics.norms on. 0 (the default): all of it moves trust. The share itself "
                 "is uncalibrated."),
  };
}

constexpr auto fields(Tag<Curriculum>) {
  return std::tuple{
      field(&Curriculum::coverage, "coverage")
          .unit("share")
          .range(unit_interval)
          .about("Share of each targeted group's eligible agents (set target.roles, e.g. "
                 "[student]) taught per round."),
      field(&Curriculum::duration, "duration")
          .unit("steps")
          .range(steps_from(1))
          .about("Teaching steps of a round (a school year is about 36 weeks)."),
      field(&Curriculum::literacy_gain, "literacy_gain")
          .unit("per step")
          .range(unit_interval)
          .about("Literacy gained per teaching step, as a share of what is left to 1."),
      field(&Curriculum::susceptibility_gain, "susceptibility_gain")
          .unit("per step")
          .range(unit_interval)
          .about("Openness gained per teaching step, as a share of what is left to 1."),
      field(&Curriculum::anchor_gain, "anchor_gain")
          .unit("per step")
          .range(unit_interval)
          .about("Share of the way to anchor_target an anchor moves per teaching step."),
      field(&Curriculum::anchor_target, "anchor_target")
          .unit("trust")
          .range(unit_interval)
          .about("Settled attitude the curriculum teaches toward."),
  };
}

constexpr auto fields(Tag<CapacityBuilding>) {
  return std::tuple{
      field(&CapacityBuilding::trains, "trains")
          .about("journalists (conflict-sensitive reporting: lowers outlets' hostile slant) or "
                 "facilitators (better conditions in later programmes)."),
      field(&CapacityBuilding::cohort, "cohort")
          .unit("agents per group")
          .range(agents_from(1))
          .about("Trainees per targeted group per round (journalists are drawn from the "
                 "journalist role)."),
      field(&CapacityBuilding::slant_reduction, "slant_reduction")
          .unit("share")
          .range(unit_interval)
          .about("Share of an outlet's hostile slant removed when all journalists of its "
                 "audience are trained; in proportion to the trained share."),
      field(&CapacityBuilding::conditions_gain, "conditions_gain")
          .unit("share")
          .range(unit_interval)
          .about("Share of the way to 1 that the conditions of later programmes rise at full "
                 "facilitation."),
      field(&CapacityBuilding::facilitators_needed, "facilitators_needed")
          .unit("agents")
          .range(agents_from(1))
          .about("Trained facilitators that make full facilitation."),
      field(&CapacityBuilding::turnover, "turnover")
          .unit("per step")
          .range(unit_interval)
          .about("Chance per step that a trained journalist leaves the newsroom and is replaced "
                 "by someone untrained (who may be trained in a later round). Default: 13% a "
                 "year, the annual newsroom turnover of US newspapers (Newspaper Association of "
                 "America survey quoted by Overby 1998, Freedom Forum), per week: "
                 "1 − 0.87^(1/52) ≈ 0.0027; a figure for one country's newspapers, not for "
                 "the rival publics modelled. Journalists only; 0 keeps every trainee."),
      field(&CapacityBuilding::fade, "fade")
          .unit("per step")
          .range(unit_interval)
          .about("Share of a trained journalist's conflict-sensitive practice lost per step "
                 "(their part of the slant relief fades as practice·(1 − fade)). Uncalibrated: "
                 "no figure found for how fast such training fades; 0 (the default) keeps it. "
                 "Journalists only."),
  };
}

constexpr auto fields(Tag<Coordination>) {
  return std::tuple{
      field(&Coordination::programmes, "programmes")
          .text(Text::name)
          .about("Interventions whose alumni ties it looks after (names); empty = every one."),
      field(&Coordination::decay_reduction, "decay_reduction")
          .unit("share")
          .range(unit_interval)
          .about("Share of programme-tie decay prevented while it runs (between start and its "
                 "last round)."),
      field(&Coordination::renew, "renew")
          .unit("share")
          .range(unit_interval)
          .about("Follow-ups: each round moves its programmes' ties this share of the way to "
                 "full strength."),
  };
}

constexpr auto fields(Tag<SharedInvestment>) {
  return std::tuple{
      field(&SharedInvestment::coverage, "coverage")
          .unit("share")
          .range(unit_interval)
          .about("Share of each targeted group living in the catchment (drawn once)."),
      field(&SharedInvestment::anchor_gain, "anchor_gain")
          .unit("per round")
          .range(unit_interval)
          .about("Visible benefits: the anchors of covered agents who see them move this share "
                 "of the way to 1 per round, times how evenly the sides gain (the least covered "
                 "group's share over the most covered one's: 0 when one side gets nothing)."),
      field(&SharedInvestment::convener_gain, "convener_gain")
          .unit("per round")
          .range(unit_interval)
          .about("The trust in the convener of covered agents who see the benefit moves this "
                 "share of the way to 1 per round."),
      field(&SharedInvestment::visibility, "visibility")
          .unit("share")
          .range(unit_interval)
          .about("Share of the covered who see the benefit as shared and who delivered it (drawn "
                 "once per covered agent); the others use the centre without their attitudes "
                 "moving. Uncalibrated: no figure found; 1 (the default) means everyone sees it."),
      field(&SharedInvestment::centre_ties, "centre_ties")
          .unit("ties per covered agent")
          .range(count_from(0))
          .about("Cross-group ties the centre makes per covered agent per round (recurring "
                 "everyday contact)."),
      field(&SharedInvestment::tie_strength, "tie_strength")
          .range(Range{0.0, 1.0, true, false})
          .about("Initial strength of a centre tie."),
      field(&SharedInvestment::conditions, "conditions")
          .about("Setting of meetings at the centre."),
  };
}

constexpr auto fields(Tag<Governance>) {
  return std::tuple{
      field(&Governance::rotating_leadership, "rotating_leadership")
          .about("Leadership rotates between the sides while it is funded: trust in the "
                 "convener rises by practice_gain per step on every side."),
      field(&Governance::shared_reporting, "shared_reporting")
          .about("Both sides report on the convener's work together while it is funded: trust in "
                 "it rises by practice_gain per step on every side."),
      field(&Governance::peer_review, "peer_review")
          .about("Each round after the first publishes a peer review of the cycle before: a clean "
                 "review raises trust in the convener by review_gain, a fault found lowers it by "
                 "fault_loss."),
      field(&Governance::lead_time, "lead_time")
          .unit("steps")
          .range(steps_from(0))
          .about("Steps from the first paid round before the practices are seen and count "
                 "(setting up a rotating board or joint reporting takes time). Uncalibrated."),
      field(&Governance::practice_gain, "practice_gain")
          .unit("per step")
          .range(unit_interval)
          .about("Rise of trust in the convener, as a share of what is left to 1, per step of "
                 "each funded practice. Uncalibrated: no figure found."),
      field(&Governance::review_gain, "review_gain")
          .unit("per review")
          .range(unit_interval)
          .about("Rise of trust in the convener, as a share of what is left to 1, per clean "
                 "review. Uncalibrated."),
      field(&Governance::review_fault, "review_fault")
          .unit("chance")
          .range(unit_interval)
          .about("Chance that a review finds and publishes a fault (one draw per review, seen by "
                 "everyone). Uncalibrated: no figure found; 0 (the default) means governance "
                 "cannot fail, so say what you assume."),
      field(&Governance::fault_loss, "fault_loss")
          .unit("share")
          .range(unit_interval)
          .about("Share of their trust in the convener everyone loses when a review publishes a "
                 "fault. Uncalibrated."),
  };
}

// The variant's alternatives, in order, are the types; their names are kType.
template <std::size_t I = 0>
constexpr std::size_t type_index(std::string_view type) {
  if constexpr (I == std::variant_size_v<InterventionParams>) {
    return I;
  } else {
    return std::variant_alternative_t<I, InterventionParams>::kType == type
               ? I
               : type_index<I + 1>(type);
  }
}

template <std::size_t... I>
constexpr auto type_names(std::index_sequence<I...>) {
  return std::array<std::string_view, sizeof...(I)>{
      std::variant_alternative_t<I, InterventionParams>::kType...};
}
inline constexpr auto kInterventionTypes =
    type_names(std::make_index_sequence<std::variant_size_v<InterventionParams>>{});

// ---- the intervention --------------------------------------------------------

constexpr auto fields(Tag<Intervention>) {
  return std::tuple{
      field(&Intervention::name, "name")
          .required()
          .text(Text::name)
          .about("Name of the intervention, unique; keys its random stream."),
      field(&Intervention::type, "type")
          .required()
          .text(Text::name)
          .about("exchange_program, joint_production, media_campaign, curriculum, "
                 "capacity_building, coordination or shared_investment; each takes its own keys "
                 "(interventions[type=…] rows)."),
      field(&Intervention::enabled, "enabled")
          .about("Whether it runs; an arm's `remove` sets it to false (so references to it "
                 "stay valid and its metrics read 0)."),
      field(&Intervention::start, "start")
          .unit("step")
          .range(steps_from(0))
          .about("First step of the first round (with `when`: the first step watched)."),
      field(&Intervention::end, "end")
          .unit("step")
          .range(steps_from(0))
          .about("Last step it may run (inclusive); or give `rounds`."),
      field(&Intervention::rounds, "rounds")
          .range(steps_from(1))
          .about("Number of rounds (with `when`: per response, default 1); or give `end`."),
      field(&Intervention::every, "every")
          .unit("steps")
          .range(steps_from(1))
          .about("Steps between rounds."),
      field(&Intervention::target, "target").about("Who it reaches."),
      field(&Intervention::cost, "cost").about("What it costs (see budget)."),
      field(&Intervention::when, "when")
          .about("A trigger: run in response to the state of the world instead of from `start`."),
  };
}

// ---- convener, budget, arms -----------------------------------------------------

constexpr auto fields(Tag<Convener>) {
  return std::tuple{
      field(&Convener::alignment, "alignment")
          .text(Text::any)
          .about("The group the convener is seen to serve; empty = neutral."),
      field(&Convener::alignment_penalty, "alignment_penalty")
          .unit("share")
          .range(unit_interval)
          .about("Share of their trust in the convener that the other groups start without when "
                 "it is aligned."),
      field(&Convener::backlash_penalty, "backlash_penalty")
          .unit("share")
          .range(unit_interval)
          .about("Share of its trust in the convener an agent loses each time it reacts against "
                 "one of the convener's campaigns."),
  };
}

constexpr auto fields(Tag<Budget>) {
  return std::tuple{
      field(&Budget::total, "total")
          .unit("money")
          .range(between(0, kMostMoney))
          .about("Money for the whole run; unset = unlimited."),
      field(&Budget::per_year, "per_year")
          .unit("money per year")
          .range(between(0, kMostMoney))
          .about("Money per budget year (unspent money does not carry over); unset = unlimited."),
      field(&Budget::year, "year")
          .unit("steps")
          .range(steps_from(1))
          .about("Steps in a budget year."),
      field(&Budget::cut_order, "cut_order")
          .text(Text::name)
          .about("Interventions in the order they stop when money runs short (names); those not "
                 "listed stop after them, the last declared first."),
  };
}

constexpr auto fields(Tag<Arm>) {
  return std::tuple{
      field(&Arm::name, "name")
          .required()
          .text(Text::name)
          .about("Name of the arm, unique and not `base`; the `arm` column of the results."),
      field(&Arm::set, "set")
          .about("Values that differ from the base, by key path as in --set: "
                 "{interventions.camp.cohort: "
                 "60, dynamics.contact.rate: 0.2}."),
      field(&Arm::remove, "remove")
          .text(Text::name)
          .about("Interventions of the base left out of this arm (names)."),
  };
}

// Every member is in the table (Intervention::params holds the type's keys).
static_assert(member_count<Targeting>() == field_count<Targeting>());
static_assert(member_count<Costs>() == field_count<Costs>());
static_assert(member_count<Trigger>() == field_count<Trigger>());
static_assert(member_count<ExchangeProgram>() == field_count<ExchangeProgram>());
static_assert(member_count<JointProduction>() == field_count<JointProduction>());
static_assert(member_count<MediaCampaign>() == field_count<MediaCampaign>());
static_assert(member_count<Curriculum>() == field_count<Curriculum>());
static_assert(member_count<CapacityBuilding>() == field_count<CapacityBuilding>());
static_assert(member_count<Coordination>() == field_count<Coordination>());
static_assert(member_count<SharedInvestment>() == field_count<SharedInvestment>());
static_assert(member_count<Governance>() == field_count<Governance>());
static_assert(member_count<Intervention>() == field_count<Intervention>() + 1);
static_assert(member_count<Convener>() == field_count<Convener>());
static_assert(member_count<Budget>() == field_count<Budget>());
static_assert(member_count<Arm>() == field_count<Arm>());
static_assert(member_count<ArmSetting>() == 2);

}  // namespace detente::scenario::detail

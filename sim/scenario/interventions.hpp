#pragma once
// The convener's side of a scenario, as typed data (design §2.4): the
// settings of meetings, the interventions with their common fields (schedule,
// targeting, costs, trigger) and each type's own parameters, the convener
// itself and the budget. Plain data like the rest of scenario.hpp; the
// behaviour is in sim/interventions/, one file per type.
//
// Defaults live in the member initialisers below and nowhere else. Where a
// default is calibrated against research, the schema's description says so
// (scenario/detail/intervention_schema.hpp) and tests/unit/interventions/
// calibration_*.cpp checks it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace detente::scenario {

enum class Framing { cooperative, competitive };

// The setting of a meeting (Allport's conditions, each in [0,1]) and how
// often ties in it meet, relative to dynamics.contact.rate.
struct Conditions {
  double equal_status = 0.0;
  double common_goal = 0.0;
  double cooperation = 0.0;
  double institutional_support = 0.0;
  Framing framing = Framing::cooperative;
  double intensity = 1.0;
  friend bool operator==(const Conditions&, const Conditions&) = default;
};

// Allport's four conditions at `level`, cooperative, meeting `intensity`
// times as often as everyday ties.
constexpr Conditions allport(double level, double intensity) {
  return Conditions{level, level, level, level, Framing::cooperative, intensity};
}

// ---- common to every intervention -------------------------------------------

enum class Position { random, central, peripheral };
enum class Attitude { any, willing, sceptical };

// Who an intervention reaches. Participants are drawn per targeted group.
struct Targeting {
  std::vector<std::string> groups;  // empty = every group
  std::vector<std::string> roles;   // empty = every role
  double marginalised_quota = 0.0;  // least share of each cohort that is marginalised
  Position position = Position::random;
  Attitude attitude = Attitude::any;
  bool repeat = false;  // whether past participants of this intervention may be chosen again
  friend bool operator==(const Targeting&, const Targeting&) = default;
};

struct Costs {
  double fixed = 0.0;            // per round
  double per_participant = 0.0;  // per participant per round
  double per_exposure = 0.0;     // per agent reached by a message in a step
  friend bool operator==(const Costs&, const Costs&) = default;
};

// `when:` a metric crosses a threshold, the intervention fires (after
// `delay` steps) and runs its `rounds`; it may fire again after `cooldown`
// steps, at most `repeat` times. An empty metric means no trigger: the
// intervention follows its schedule from `start`.
struct Trigger {
  std::string metric;
  std::string subject = "all";
  std::optional<double> below;
  std::optional<double> above;
  std::int64_t delay = 0;
  std::int64_t cooldown = 26;
  std::int64_t repeat = 1;
  friend bool operator==(const Trigger&, const Trigger&) = default;
};

// ---- the types and their own parameters ---------------------------------------

struct ExchangeProgram {
  static constexpr std::string_view kType = "exchange_program";
  std::int64_t cohort = 30;  // participants per targeted group per round
  std::int64_t team_size = 10;
  std::int64_t duration = 4;  // steps the cohort spends together
  std::int64_t reunions = 0;  // rounds each cohort comes back for before a new one is drawn
  Conditions conditions = allport(0.5, 5.0);
  double tie_strength = 0.5;          // teammates' ties
  std::int64_t mingling = 6;          // ties per participant with non-teammates of the cohort
  double mingling_strength = 0.45;    // their initial strength
  double ambassador_threshold = 0.5;  // alumni trusting this much become ambassadors
  double ambassador_weight = 3.0;     // ambassadors' weight as speakers among peers
  friend bool operator==(const ExchangeProgram&, const ExchangeProgram&) = default;
};

struct JointProduction {
  static constexpr std::string_view kType = "joint_production";
  std::int64_t cohort = 10;
  std::int64_t team_size = 4;
  std::int64_t duration = 12;
  std::int64_t reunions = 0;
  Conditions conditions = {0.5, 1.0, 1.0, 0.5, Framing::cooperative, 3.0};
  double tie_strength = 0.5;
  std::vector<std::string> audience;  // groups the finished work reaches; empty = every group
  std::int64_t release_steps = 8;     // steps the work is shown after production ends
  double reach = 0.3;
  double exposure = 0.2;
  double slant = 0.5;
  double credibility = 0.7;
  friend bool operator==(const JointProduction&, const JointProduction&) = default;
};

struct MediaCampaign {
  static constexpr std::string_view kType = "media_campaign";
  std::vector<std::string> audience;  // empty = every group
  double reach = 0.5;
  double exposure = 0.3;
  double slant = 0.5;
  std::string sponsor = "convener";  // "convener" or a group name
  double norm_shift = 0.0;           // share of the pull that moves the perceived norm instead
  friend bool operator==(const MediaCampaign&, const MediaCampaign&) = default;
};

struct Curriculum {
  static constexpr std::string_view kType = "curriculum";
  double coverage = 0.2;        // share of the eligible agents of each targeted group per round
  std::int64_t duration = 36;   // teaching steps per round
  double literacy_gain = 0.02;  // per teaching step, toward 1
  double susceptibility_gain = 0.005;
  double anchor_gain = 0.002;  // per teaching step, toward anchor_target
  double anchor_target = 0.7;
  friend bool operator==(const Curriculum&, const Curriculum&) = default;
};

enum class Trainees { journalists, facilitators };

struct CapacityBuilding {
  static constexpr std::string_view kType = "capacity_building";
  Trainees trains = Trainees::journalists;
  std::int64_t cohort = 10;
  double slant_reduction = 0.5;  // hostile slant removed when every journalist is trained
  double conditions_gain = 0.3;  // raise of later programmes' conditions at full facilitation
  std::int64_t facilitators_needed = 40;
  // Trained journalists leave their newsroom at this rate per step (replaced by
  // someone untrained): 13% a year in US newspapers (NAA survey quoted by
  // Overby 1998), 1 − 0.87^(1/52) ≈ 0.0027 a week.
  double turnover = 0.0027;
  double fade = 0.0;  // per step, share of a trained journalist's practice lost
  friend bool operator==(const CapacityBuilding&, const CapacityBuilding&) = default;
};

struct Coordination {
  static constexpr std::string_view kType = "coordination";
  std::vector<std::string> programmes;  // whose ties it looks after; empty = every programme
  double decay_reduction = 0.5;         // share of tie decay it prevents while it runs
  double renew = 0.3;                   // strength restored per follow-up round, toward 1
  friend bool operator==(const Coordination&, const Coordination&) = default;
};

struct SharedInvestment {
  static constexpr std::string_view kType = "shared_investment";
  double coverage = 0.1;         // share of each targeted group in the catchment
  double anchor_gain = 0.002;    // per round, toward 1
  double convener_gain = 0.005;  // per round, toward 1
  double visibility = 1.0;  // share of the covered who see the benefit as shared (uncalibrated)
  std::int64_t centre_ties = 1;  // new cross-group ties per covered agent per round
  double tie_strength = 0.5;
  Conditions conditions = {0.5, 0.5, 0.5, 1.0, Framing::cooperative, 1.0};
  friend bool operator==(const SharedInvestment&, const SharedInvestment&) = default;
};

// The convener's own governance, run and paid like a programme: each round
// funds the practices for `every` steps and, after the first, publishes a
// peer review of the cycle before. Gains and faults are uncalibrated.
struct Governance {
  static constexpr std::string_view kType = "governance";
  bool rotating_leadership = true;
  bool shared_reporting = true;
  bool peer_review = true;
  std::int64_t lead_time = 0;    // steps from the first paid round before the practices are seen
  double practice_gain = 0.002;  // per step per practice, toward 1
  double review_gain = 0.02;     // per clean review, toward 1
  double review_fault = 0.0;     // chance a review finds and publishes a fault
  double fault_loss = 0.1;       // share of trust in the convener a published fault costs
  friend bool operator==(const Governance&, const Governance&) = default;
};

// A type's parameters; the alternative matches Intervention::type.
using InterventionParams =
    std::variant<ExchangeProgram, JointProduction, MediaCampaign, Curriculum, CapacityBuilding,
                 Coordination, SharedInvestment, Governance>;

// An intervention as declared (design §2.4).
struct Intervention {
  std::string name;
  std::string type;
  bool enabled = true;  // an arm's `remove` turns it off; it keeps its name and place
  std::int64_t start = 0;
  std::optional<std::int64_t> end;
  std::optional<std::int64_t> rounds;
  std::int64_t every = 1;
  Targeting target;
  Costs cost;
  Trigger when;
  InterventionParams params;  // the keys of `type`, read from the same entry
  friend bool operator==(const Intervention&, const Intervention&) = default;
};

// ---- the convener and the budget ---------------------------------------------

struct Convener {
  std::string alignment;           // the group it is seen to serve; empty = neutral
  double alignment_penalty = 0.3;  // share of trust in it the other groups start without
  double backlash_penalty = 0.05;  // share of trust in it lost by an agent who rejects a campaign
  friend bool operator==(const Convener&, const Convener&) = default;
};

struct Budget {
  std::optional<double> total;
  std::optional<double> per_year;
  std::int64_t year = 52;              // steps in a budget year
  std::vector<std::string> cut_order;  // first cut first; the rest from the last declared
  friend bool operator==(const Budget&, const Budget&) = default;
};

}  // namespace detente::scenario

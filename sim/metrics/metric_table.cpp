#include "metrics/metric_table.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace detente::metrics {
namespace {

constexpr Better kHigher = Better::higher;
constexpr Better kLower = Better::lower;
constexpr std::string_view kTrust = "trust, 0-1";
constexpr std::string_view kShare = "share, 0-1";
constexpr std::string_view kCount = "count";
// Effect-size scales (metric_table.hpp, Scale): a level of trust, a share of
// the public, another share (of participants, of agents), anything else.
constexpr Scale kLevel = Scale::trust_level;
constexpr Scale kPublic = Scale::public_share;
constexpr Scale kPart = Scale::share;
constexpr Scale kOther = Scale::other;

// Lower is better for the signs of division — spread and polarisation (sd,
// bimodality, gap), hostility (hostile_share, backlash_events) — and for
// spending; higher is better for trust, ties, the convener's credibility and
// the reach of its programmes. For the classic models, consensus (fewer
// clusters, regions and cultures; a larger largest region; earlier
// convergence) counts as better; share_one has no natural direction and
// ranks by the larger value.
constexpr std::array kTable = {
    MetricInfo{Metric::mean, "mean", Model::both, Subjects::pairs, kTrust, kHigher, kLevel,
               "Mean trust toward the other group", "mean trust",
               "mean over people of their trust toward the other group (classic models: of "
               "their opinions)",
               true},
    MetricInfo{Metric::median, "median", Model::both, Subjects::pairs, kTrust, kHigher, kLevel,
               "Median trust toward the other group", "median trust",
               "the trust of the person in the middle", true},
    MetricInfo{Metric::p10, "p10", Model::both, Subjects::pairs, kTrust, kHigher, kLevel,
               "Trust of the least trusting tenth (10th percentile)",
               "trust of the least trusting tenth",
               "10th percentile of trust: how the least trusting tenth stands", true},
    MetricInfo{Metric::p90, "p90", Model::both, Subjects::pairs, kTrust, kHigher, kLevel,
               "Trust of the most trusting tenth (90th percentile)",
               "trust of the most trusting tenth",
               "90th percentile of trust: how the most trusting tenth stands", true},
    MetricInfo{Metric::sd, "sd", Model::both, Subjects::pairs, kTrust, kLower, kOther,
               "Spread of trust (standard deviation)", "spread of trust",
               "standard deviation of trust over people", true},
    MetricInfo{Metric::trusting_share, "trusting_share", Model::trust, Subjects::pairs, kShare,
               kHigher, kPublic, "Share who trust the other group", "share trusting",
               "share of people at or above outputs.trusting_threshold (0.6)", true},
    MetricInfo{Metric::hostile_share, "hostile_share", Model::trust, Subjects::pairs, kShare,
               kLower, kPublic, "Share hostile to the other group", "share hostile",
               "share of people at or below outputs.hostile_threshold (0.3)", true},
    MetricInfo{Metric::bimodality, "bimodality", Model::trust, Subjects::pairs,
               "coefficient (5/9 uniform)", kLower, kOther, "Polarisation (bimodality coefficient)",
               "polarisation",
               "Sarle's bimodality coefficient of trust; above 5/9 suggests two camps", true},
    MetricInfo{Metric::gap, "gap", Model::trust, Subjects::all_only, kTrust, kLower, kOther,
               "Gap between the two sides' mean trust", "trust gap",
               "how far apart the two sides' mean trust in each other is (two groups only)", true},
    MetricInfo{Metric::political_space, "political_space", Model::trust, Subjects::all_only, kShare,
               kHigher, kPublic, "Political space (smaller side's share trusting)",
               "political space",
               "the smallest, over the groups, of the share trusting the others: the room "
               "leaders have to compromise",
               true},
    MetricInfo{Metric::perceived_norm, "perceived_norm", Model::trust, Subjects::pairs, kTrust,
               kHigher, kOther, "Trust people believe their own group holds (perceived norm)",
               "perceived norm",
               "mean over people of the trust toward the other group they believe their own "
               "group holds; recorded only with dynamics.norms on",
               false},
    MetricInfo{Metric::cross_tie_share, "cross_tie_share", Model::trust, Subjects::groups, kShare,
               kHigher, kPublic, "Share with a cross-group tie", "share with a cross-group tie",
               "share of people with any tie to the other group", false},
    MetricInfo{Metric::positive_tie_share, "positive_tie_share", Model::trust, Subjects::groups,
               kShare, kHigher, kPublic, "Share with a positive cross-group tie",
               "share with a positive cross-group tie",
               "share of people with a tie to the other group at or above "
               "dynamics.contact.positive_tie",
               false},
    MetricInfo{Metric::backlash_events, "backlash_events", Model::trust, Subjects::groups, kCount,
               kLower, kOther, "Backlash events (cumulative)", "backlash events",
               "reactions against a message (media or campaigns) so far", false},
    MetricInfo{Metric::positive_meeting_share, "positive_meeting_share", Model::trust,
               Subjects::groups, kShare, kHigher, kPart,
               "Share of meetings across groups found good (cumulative)",
               "share of meetings found good",
               "share of people's own verdicts on their meetings with the other side so far "
               "that were positive (each end of a meeting judges it); undefined before the "
               "first meeting",
               false},
    MetricInfo{Metric::cross_ties, "cross_ties", Model::trust, Subjects::all_only, kCount, kHigher,
               kOther, "Cross-group ties", "cross-group ties",
               "number of ties across groups, programme ties included", false},
    MetricInfo{Metric::positive_cross_ties, "positive_cross_ties", Model::trust, Subjects::all_only,
               kCount, kHigher, kOther, "Positive cross-group ties", "positive cross-group ties",
               "number of ties across groups at or above dynamics.contact.positive_tie", false},
    MetricInfo{Metric::convener_trust, "convener_trust", Model::trust, Subjects::groups, kTrust,
               kHigher, kOther, "Trust in the convening organisation", "trust in the convener",
               "mean trust in the convener: the credibility of its campaigns", true},
    MetricInfo{Metric::spending, "spending", Model::trust, Subjects::interventions, "money", kLower,
               kOther, "Spending (cumulative)", "spending", "money spent so far", false},
    MetricInfo{Metric::exposures, "exposures", Model::trust, Subjects::interventions, kCount,
               kHigher, kOther, "Messages delivered (cumulative)", "messages delivered",
               "exposures to the convener's messages so far", false},
    MetricInfo{Metric::participants, "participants", Model::trust, Subjects::groups, kCount,
               kHigher, kOther, "People who took part (cumulative)", "participants",
               "distinct people who took part in an exchange, a joint production, a curriculum "
               "or a training",
               false},
    MetricInfo{Metric::participant_marginalised_share, "participant_marginalised_share",
               Model::trust, Subjects::all_only, kShare, kHigher, kPart,
               "Share of participants from marginalised groups",
               "marginalised share of participants",
               "share of the participants who belong to a marginalised group", false},
    MetricInfo{Metric::participant_role_entropy, "participant_role_entropy", Model::trust,
               Subjects::all_only, "bits", kHigher, kOther,
               "Diversity of participants' roles (entropy)", "diversity of participants' roles",
               "entropy of the participants' roles, in bits: how many walks of life took part",
               false},
    MetricInfo{Metric::ambassadors, "ambassadors", Model::trust, Subjects::groups, kCount, kHigher,
               kOther, "Alumni who became ambassadors", "ambassadors",
               "programme alumni who became ambassadors", false},
    MetricInfo{Metric::programme_ties, "programme_ties", Model::trust, Subjects::all_only, kCount,
               kHigher, kOther, "Ties made by programmes, still alive", "programme ties",
               "cross-group ties made by programmes and not yet faded", false},
    MetricInfo{Metric::leader_room, "leader_room", Model::trust, Subjects::groups, kShare, kHigher,
               kPart, "Leaders' room to compromise", "leaders' room",
               "share of a group's leaders whose public's share trusting the other group reaches "
               "what their stance needs (dynamics.leaders.support_needed); all: the smaller "
               "side's. Recorded only with dynamics.leaders on",
               true},
    MetricInfo{Metric::clusters, "clusters", Model::classic, Subjects::pairs, kCount, kLower,
               kOther, "Opinion clusters", "clusters",
               "pieces of the sorted opinions split at gaps wider than outputs.cluster_gap", false},
    MetricInfo{Metric::major_clusters, "major_clusters", Model::classic, Subjects::pairs, kCount,
               kLower, kOther, "Major opinion clusters", "major clusters",
               "clusters holding more than 1% of the agents", false},
    MetricInfo{Metric::share_one, "share_one", Model::classic, Subjects::pairs, kShare, kHigher,
               kPart, "Share holding opinion 1 (voter model)", "share holding 1",
               "share of agents holding opinion 1 (voter model only)", false},
    MetricInfo{Metric::regions, "regions", Model::classic, Subjects::all_only, kCount, kLower,
               kOther, "Cultural regions (Axelrod)", "regions",
               "connected groups of neighbours sharing every trait", false},
    MetricInfo{Metric::largest_region, "largest_region", Model::classic, Subjects::all_only, kShare,
               kHigher, kPart, "Share in the largest cultural region", "largest region",
               "share of the agents in the largest region", false},
    MetricInfo{Metric::cultures, "cultures", Model::classic, Subjects::all_only, kCount, kLower,
               kOther, "Distinct cultures (Axelrod)", "cultures", "number of distinct cultures",
               false},
    MetricInfo{Metric::converged_step, "converged_step", Model::classic, Subjects::all_only, "step",
               kLower, kOther, "Step of convergence", "step of convergence",
               "the step at which a run with stop_when: converged stopped changing", false},
};

constexpr bool ids_in_order() {
  for (std::size_t k = 0; k < kTable.size(); ++k)
    if (static_cast<std::size_t>(kTable[k].id) != k) return false;
  return true;
}
static_assert(ids_in_order(), "metric_table.cpp: rows must follow the order of enum Metric");
static_assert(static_cast<std::size_t>(Metric::converged_step) + 1 == kTable.size(),
              "metric_table.cpp: every Metric needs its row");

}  // namespace

std::span<const MetricInfo> metric_table() {
  return kTable;
}

const MetricInfo& info(Metric metric) {
  return kTable[static_cast<std::size_t>(metric)];
}

std::string_view name(Metric metric) {
  return info(metric).name;
}

const MetricInfo* find(std::string_view name) {
  for (const auto& m : kTable)
    if (m.name == name) return &m;
  return nullptr;
}

const MetricInfo& require(std::string_view name) {
  if (const MetricInfo* m = find(name)) return *m;
  throw std::invalid_argument("metric \"" + std::string(name) +
                              "\" is not in the metric table (sim/metrics/metric_table.cpp)");
}

std::string_view to_string(Better better) {
  return better == Better::lower ? "lower" : "higher";
}

std::string_view to_string(Subjects subjects) {
  switch (subjects) {
    case Subjects::pairs:
      return "pairs";
    case Subjects::groups:
      return "groups";
    case Subjects::interventions:
      return "interventions";
    case Subjects::all_only:
      return "all";
  }
  return "all";
}

std::string_view to_string(Model model) {
  switch (model) {
    case Model::trust:
      return "trust";
    case Model::classic:
      return "classic";
    case Model::both:
      return "both";
  }
  return "both";
}

std::string_view to_string(Scale scale) {
  switch (scale) {
    case Scale::trust_level:
      return "trust_level";
    case Scale::public_share:
      return "public_share";
    case Scale::share:
      return "share";
    case Scale::other:
      break;
  }
  return "other";
}

std::vector<std::string> trust_model_subjects(const MetricInfo& metric,
                                              std::span<const std::string> groups,
                                              std::span<const std::string> interventions) {
  std::vector<std::string> out;
  switch (metric.subjects) {
    case Subjects::pairs:
      for (const auto& g : groups)
        for (const auto& h : groups)
          if (g != h) out.push_back(g + "->" + h);
      break;
    case Subjects::groups:
      out.assign(groups.begin(), groups.end());
      break;
    case Subjects::interventions:
      out.assign(interventions.begin(), interventions.end());
      break;
    case Subjects::all_only:
      break;
  }
  out.emplace_back("all");
  return out;
}

std::string metric_table_json() {
  nlohmann::ordered_json table = nlohmann::ordered_json::array();
  for (const auto& m : kTable)
    table.push_back({{"name", m.name},
                     {"model", to_string(m.model)},
                     {"subjects", to_string(m.subjects)},
                     {"unit", m.unit},
                     {"better", to_string(m.better)},
                     {"scale", to_string(m.scale)},
                     {"label", m.label},
                     {"short_label", m.short_label},
                     {"meaning", m.meaning},
                     {"watchable", m.watchable}});
  return table.dump(1) + "\n";
}

}  // namespace detente::metrics

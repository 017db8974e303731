// Words for people: a label and a help text for the keys a workshop room
// sees, beside the technical description of the parameter table. No Greek
// letters, no formulas (those stay in the description and the docs); units a
// participant knows. `advanced` keys are folded away on the workshop page
// until asked for, so a team sees the few that matter first.
#include "scenario/detail/plain_words.hpp"

#include <array>

namespace detente::scenario::detail {
namespace {

// Matched against a table path: a whole path, or (starting with '.') the
// end of one, so one entry serves a key every programme type has.
constexpr std::array kWords = {
    // ---- every programme -------------------------------------------------
    PlainWords{".enabled", "Fund this programme", "Switch on to spend money on this programme.", "",
               false},
    PlainWords{"interventions[].start", "Starts", "When the first round happens.", "time", false},
    PlainWords{"interventions[].end", "Ends", "No round after this time.", "time", true},
    PlainWords{"interventions[].rounds", "Number of rounds",
               "How many times the programme runs in all.", "rounds", false},
    PlainWords{"interventions[].every", "Time between rounds",
               "How long from one round to the next.", "time", false},
    PlainWords{
        ".target.marginalised_quota", "Places kept for marginalised people",
        "The share of each group's places kept for people on the margins of their community.",
        "share of places", true},
    PlainWords{
        ".target.position", "Who is invited",
        "random: anyone; central: the best connected first; peripheral: the least connected first.",
        "", true},
    PlainWords{".target.attitude", "Invite by attitude",
               "any: anyone; willing: the more trusting half; sceptical: the less trusting half.",
               "", true},
    PlainWords{".target.repeat", "Same people may come again",
               "Whether someone who took part before can be chosen again.", "", true},
    // ---- meetings (exchanges, joint work, centres) ------------------------
    PlainWords{".cohort", "People per group each round",
               "How many people from each side take part in one round.", "people per side", false},
    PlainWords{".team_size", "Team size", "How many people work together in one mixed team.",
               "people", true},
    PlainWords{".duration", "Length of a round", "How long one round lasts.", "time", true},
    PlainWords{".reunions", "Same group meets again",
               "How many more rounds the same people come back for, in the same teams, before "
               "new people are invited (0: new people every round).",
               "rounds", false},
    PlainWords{".conditions.equal_status", "Equal footing",
               "How far both sides meet as equals (0 not at all, 1 fully).", "0 to 1", true},
    PlainWords{".conditions.common_goal", "Shared goal",
               "How far the participants work toward the same goal (0 not at all, 1 fully).",
               "0 to 1", true},
    PlainWords{".conditions.cooperation", "Working together",
               "How much they must cooperate rather than compete (0 not at all, 1 fully).",
               "0 to 1", true},
    PlainWords{".conditions.institutional_support", "Backing from authorities",
               "How visibly leaders and institutions support the meetings (0 none, 1 full).",
               "0 to 1", true},
    PlainWords{".conditions.framing", "Tone of the meetings",
               "cooperative: partners; competitive: rivals.", "", true},
    PlainWords{
        ".conditions.intensity", "How often they meet",
        "Meetings in the programme compared with everyday contact (3 means three times as often).",
        "times everyday", true},
    PlainWords{".tie_strength", "Closeness of new teammates",
               "How close teammates are when they first meet (0 strangers, 1 close friends); "
               "good meetings bring them closer.",
               "0 to 1", true},
    PlainWords{".mingling", "Friends made outside the team",
               "New acquaintances each participant makes among the rest of the round.",
               "per person", true},
    PlainWords{".mingling_strength", "Strength of those acquaintances",
               "How strong those ties start out (0 weak, 1 strong).", "0 to 1", true},
    PlainWords{
        ".ambassador_threshold", "Trust needed to become an ambassador",
        "Former participants who trust the other side at least this much speak up for it at home.",
        "0 to 1", true},
    PlainWords{".ambassador_weight", "Voice of an ambassador",
               "How much more an ambassador's view counts among friends than an ordinary person's.",
               "times", true},
    PlainWords{".release_steps", "Time the work is shown",
               "How long the finished joint work is shown to the public.", "time", true},
    // ---- messages ----------------------------------------------------------
    PlainWords{".reach", "People who follow it",
               "The share of the audience who follow this message.", "share of people", false},
    PlainWords{".exposure", "How often they see it",
               "The chance that a follower sees it in a given week.", "chance", true},
    PlainWords{".slant", "Tone toward the other side",
               "From -1 (hostile to the other side) to +1 (friendly to it); 0 is neutral.",
               "-1 to +1", false},
    PlainWords{".norm_shift", "Shows one's own side as friendlier",
               "The share of the message that changes what people believe their own side thinks "
               "of the other side, rather than what they think themselves.",
               "share", true},
    PlainWords{".credibility", "Credibility", "How much people believe it (0 not at all, 1 fully).",
               "0 to 1", true},
    // ---- school, training, centres ------------------------------------------
    PlainWords{".coverage", "Share of people reached",
               "The share of each group the programme reaches.", "share of people", false},
    PlainWords{".literacy_gain", "Media skills learnt",
               "How fast pupils learn to question one-sided news.", "per week", true},
    PlainWords{".susceptibility_gain", "Openness learnt",
               "How fast pupils become more open to other views.", "per week", true},
    PlainWords{".anchor_gain", "Lasting change",
               "How fast people's settled view of the other side moves toward trust.", "per round",
               true},
    PlainWords{".anchor_target", "Where the lessons lead",
               "The level of trust the lessons point toward (0 to 1).", "0 to 1", true},
    PlainWords{".trains", "Who is trained", "journalists or meeting facilitators.", "", true},
    PlainWords{".slant_reduction", "Less hostile news",
               "How much of the hostile tone trained journalists remove when all are trained.",
               "share", true},
    PlainWords{".conditions_gain", "Better meetings",
               "How much trained facilitators improve later meetings when enough are trained.",
               "share", true},
    PlainWords{".facilitators_needed", "Facilitators needed",
               "How many trained facilitators give the full improvement.", "people", true},
    PlainWords{".turnover", "Trained journalists leaving",
               "The chance each week that a trained journalist leaves the newsroom; whoever "
               "replaces them has not been trained.",
               "per week", true},
    PlainWords{".fade", "Training wearing off",
               "How much of what trained journalists learned they lose each week.", "per week",
               true},
    PlainWords{".decay_reduction", "Friendships kept alive",
               "How much of the fading of programme friendships follow-up prevents.", "share",
               true},
    PlainWords{".renew", "Friendships renewed",
               "How much strength each follow-up gives back to those friendships.", "share", true},
    PlainWords{".convener_gain", "Trust in the organiser",
               "How much each round raises trust in the neutral organiser.", "per round", true},
    PlainWords{".visibility", "People who see it as shared",
               "The share of the people a centre serves who see that both sides benefit and who "
               "made it happen; only they change their minds because of it.",
               "share", true},
    PlainWords{".centre_ties", "New acquaintances per visitor",
               "New ties across the divide for each person the centres reach, each round.",
               "per person", true},
    PlainWords{".rotating_leadership", "Leaders from both sides take turns",
               "While it is paid for, the organiser's leadership rotates between the sides, which "
               "slowly raises trust in it on both sides.",
               "", false},
    PlainWords{".shared_reporting", "Reports written together",
               "While it is paid for, both sides report on the organiser's work together.", "",
               false},
    PlainWords{".peer_review", "Outside reviews",
               "Each round publishes a review of the work before it: a clean review raises trust "
               "in the organiser, a fault found lowers it.",
               "", false},
    PlainWords{".lead_time", "Time to set up",
               "How long it takes before people notice the new way of running things.", "time",
               true},
    PlainWords{".practice_gain", "Trust earned by good practice",
               "How much each practice raises trust in the organiser each week.", "per week", true},
    PlainWords{".review_gain", "Trust earned by a clean review",
               "How much a clean review raises trust in the organiser.", "per review", true},
    PlainWords{".review_fault", "Chance a review finds a fault",
               "The chance that a review finds something wrong and says so in public.", "chance",
               true},
    PlainWords{".fault_loss", "Trust lost to a fault",
               "How much of their trust in the organiser people lose when a fault is published.",
               "share", true},
    // ---- media, contact, society, crisis ------------------------------------
    PlainWords{"media[].slant", "Tone toward the other side",
               "From -1 (hostile to the other side) to +1 (friendly to it); 0 is neutral.",
               "-1 to +1", false},
    PlainWords{"media[].exposure", "How often people watch",
               "The chance that a follower sees this outlet in a given week.", "chance", false},
    PlainWords{"network.between.mean_degree", "People known across the border",
               "On average, how many people on the other side each person knows.", "per person",
               false},
    PlainWords{"dynamics.contact.depth_weight", "Friends count for more",
               "How much more a meeting with a close friend from the other side changes minds "
               "than one with a stranger (0 the same, 1 in proportion to how close they are).",
               "0 to 1", true},
    PlainWords{"dynamics.contact.rate", "How often acquaintances meet",
               "The chance that two people who know each other across the border meet in a week.",
               "chance a week", false},
    PlainWords{
        "dynamics.influence.confidence", "Open-mindedness",
        "How different a friend's view may be and still be listened to (0 closed, 1 open to all).",
        "0 to 1", false},
    PlainWords{"dynamics.influence.repulsion_threshold", "Disagreement that pushes apart",
               "Friends who disagree more than this drive each other further apart.", "0 to 1",
               true},
    PlainWords{"dynamics.consolidation.rate", "How fast views settle",
               "How quickly what people feel now becomes their lasting view.", "per week", true},
    PlainWords{"dynamics.turnover.rate", "New generations",
               "The share of people who leave each year; young adults raised by their families "
               "and schools take their places; at 0 nobody changes.",
               "per year", true},
    PlainWords{"dynamics.norms.enabled", "People follow what their side seems to think",
               "Switch on so that what people believe their own side thinks of the other side "
               "shapes what they say and, once enough of their side seems friendly, what they "
               "feel.",
               "", true},
    PlainWords{"dynamics.norms.threshold", "Tipping point",
               "How large a share of one's own side must seem friendly to the other side before "
               "people's own views start to follow.",
               "share of one's side", true},
    PlainWords{"dynamics.shocks.enabled", "Crises happen",
               "Switch off to see the world without its crises.", "", false},
    PlainWords{"dynamics.shocks.events[].step", "When it hits", "The week the crisis happens.",
               "time", false},
    PlainWords{"dynamics.shocks.events[].magnitude", "How hard it hits",
               "How much trust the crisis destroys (0 none, 1 all).", "0 to 1", false},
    PlainWords{"dynamics.shocks.events[].surge_steps", "Hostile news after it",
               "How long the news stays hostile after the crisis.", "time", true},
};

bool matches(std::string_view pattern, std::string_view path) {
  if (pattern.front() == '.') return path.ends_with(pattern);
  return path == pattern;
}

}  // namespace

const PlainWords* plain_words(std::string_view table_path) {
  // A whole path wins over an ending.
  for (const PlainWords& w : kWords)
    if (w.pattern.front() != '.' && matches(w.pattern, table_path)) return &w;
  for (const PlainWords& w : kWords)
    if (w.pattern.front() == '.' && matches(w.pattern, table_path)) return &w;
  return nullptr;
}

}  // namespace detente::scenario::detail

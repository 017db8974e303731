#pragma once
// Where each team's strategy ends, against the baseline, and which teams may
// be ranked: the numbers behind the facilitator's view, the revealed results
// and the all-teams debrief.
//
// Every team's replicate r uses the same seed as the baseline's replicate r
// (common random numbers), so a team is compared pair by pair, as `detente
// compare` compares arms (metrics/compare.hpp): d_r = team_r − baseline_r,
// its mean with a 95% Student-t interval over the replicates. The ranking
// follows the policy brief's honesty rule: a team is ranked only when that
// interval lies wholly on the better side of zero (a loss or noise is never
// placed). A ranked team's place is one more than the number of ranked teams
// clearly ahead of it (their interval wholly above its own), so teams that
// nothing orders share a place.
//
//   Finals base{series, baseline_done_event.final_values};
//   Finals team{series, team_done_event.final_values};
//   std::vector<Outcome> o = outcomes_of(team, base);   // headline_series() order
//   std::vector<Place> p = place_teams({o[1].difference, …});
#include <cstddef>
#include <string>
#include <vector>

#include "metrics/compare.hpp"

namespace detente::serve {

// What a run ended with: series names ("political_space all") and, per
// replicate, every series' value at the last recorded step.
struct Finals {
  std::vector<std::string> series;
  std::vector<std::vector<double>> values;  // [replicate][series]
};

// One headline series at the end of a run.
struct Outcome {
  std::string series;
  double mean = 0, ci_low = 0, ci_high = 0;  // mean over replicates, 95% t interval of it
  double min = 0, max = 0;                   // the lowest and highest replicate
  std::size_t n = 0;                         // replicates
  // Against the baseline, pair by pair; NaN when there is no baseline.
  metrics::PairedDifference difference;
};

// The series the room reports, in this order: trust toward the other side
// (mean, all), political space, positive cross-group ties, spending (all).
std::vector<std::string> headline_series();
// The index of political space in headline_series(): what teams are ranked by.
constexpr std::size_t kRankedOutcome = 1;

// `team`'s headline outcomes; a series the run does not record is left out.
// `baseline` may be empty (values absent): differences are then NaN.
std::vector<Outcome> outcomes_of(const Finals& team, const Finals& baseline);
// The same for the baseline itself (differences zero).
std::vector<Outcome> outcomes_of(const Finals& run);

struct Place {
  int place = 0;        // 1, 2, …; 0: not ranked
  bool shared = false;  // another ranked team has the same place
  // "better", "worse" (interval wholly on the worse side of zero) or
  // "unclear" (the interval spans zero, or there is none)
  std::string verdict;
};

// Places for teams with these differences from the baseline in the ranked
// outcome (higher is better), in the same order.
std::vector<Place> place_teams(const std::vector<metrics::PairedDifference>& differences);

}  // namespace detente::serve

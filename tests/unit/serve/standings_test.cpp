// Where teams end against the baseline: a Student-t interval over replicates
// and the policy brief's honesty rule for ranking.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "serve/standings.hpp"

namespace {

using namespace detente::serve;
using detente::metrics::PairedDifference;

PairedDifference diff(double mean, double low, double high) {
  return {mean, low, high, 3};
}

}  // namespace

TEST_CASE("an outcome's interval is the Student-t interval of the mean over replicates") {
  const auto names = headline_series();
  Finals team{names, {{1, 1, 1, 0}, {1, 2, 1, 0}, {1, 3, 1, 0}}};
  Finals base{names, {{1, 1, 1, 0}, {1, 1, 1, 0}, {1, 1.5, 1, 0}}};
  const auto outcomes = outcomes_of(team, base);
  REQUIRE(outcomes.size() == 4);
  const Outcome& space = outcomes[kRankedOutcome];
  CHECK(space.series == names[kRankedOutcome]);
  CHECK(space.mean == Approx(2.0));
  // sd 1, n 3: half-width t(0.975; 2) / √3 = 4.302653 / 1.732051.
  CHECK(space.ci_low == Approx(2.0 - 2.484138).epsilon(1e-6));
  CHECK(space.ci_high == Approx(2.0 + 2.484138).epsilon(1e-6));
  CHECK(space.min == 1.0);
  CHECK(space.max == 3.0);
  // Paired with the baseline: d = 0, 1, 1.5.
  CHECK(space.difference.mean == Approx(2.5 / 3));
  CHECK(space.difference.ci_low < 0);
  // An unchanged strategy has the baseline's values: a difference of exactly zero.
  const auto same = outcomes_of(base, base)[kRankedOutcome].difference;
  CHECK(same.mean == 0.0);
  CHECK(same.ci_low == 0.0);
  CHECK(same.ci_high == 0.0);
}

TEST_CASE("without a baseline, differences are unknown; a missing series is left out") {
  Finals team{{headline_series()[0], headline_series()[kRankedOutcome]}, {{0.5, 0.2}, {0.5, 0.3}}};
  const auto outcomes = outcomes_of(team, Finals{});
  REQUIRE(outcomes.size() == 2);
  CHECK(std::isnan(outcomes[1].difference.mean));
  CHECK(place_teams({outcomes[1].difference})[0].verdict == "unclear");
  CHECK(place_teams({outcomes[1].difference})[0].place == 0);
}

TEST_CASE("only teams whose interval lies above zero are ranked; unordered ones share a place") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto places = place_teams({
      diff(0.00, 0.00, 0.00),     // changed nothing: not ranked
      diff(0.10, 0.08, 0.12),     // 1st
      diff(0.09, 0.05, 0.11),     // overlaps the 1st: shares the place
      diff(0.03, 0.01, 0.04),     // below both: 3rd
      diff(-0.05, -0.08, -0.02),  // worse: not ranked
      diff(0.20, -0.01, 0.41),    // large but spans zero: not ranked
      diff(nan, nan, nan),
  });
  CHECK(places[0].place == 0);
  CHECK(places[0].verdict == "unclear");
  CHECK(places[1].place == 1);
  CHECK(places[1].shared);
  CHECK(places[2].place == 1);
  CHECK(places[2].shared);
  CHECK(places[3].place == 3);
  CHECK(!places[3].shared);
  CHECK(places[4].place == 0);
  CHECK(places[4].verdict == "worse");
  CHECK(places[5].place == 0);
  CHECK(places[5].verdict == "unclear");
  CHECK(places[6].place == 0);
  CHECK(places[6].verdict == "unclear");
}

TEST_CASE("a wide interval that overlaps two clearly ordered teams does not chain them together") {
  const auto places = place_teams({
      diff(0.207, 0.154, 0.260),  // clearly ahead of the third
      diff(0.107, 0.017, 0.197),  // overlaps both: ordered against neither
      diff(0.059, 0.039, 0.080),
  });
  CHECK(places[0].place == 1);
  CHECK(places[1].place == 1);
  CHECK(places[2].place == 2);
  CHECK(places[0].shared);
  CHECK(!places[2].shared);
}

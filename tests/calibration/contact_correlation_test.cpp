// Across people, having friends on the other side goes with trusting it, about
// as strongly as surveys find: Pettigrew & Tropp (2006), 515 studies, mean
// contact–prejudice correlation r ≈ −0.21 (so contact–trust ≈ +0.21).
//
// Nothing in the model sets this correlation: it emerges from who happens to
// have a cross-group tie, which meetings go well for warm and wary people,
// ties growing or cooling with them, and peers and media pulling everybody
// toward their own side. It measures the baseline world without programmes
// after ten years: r between a person's count of positive cross-group ties
// (strength ≥ positive_tie) and their trust in the other side.
//
// Tolerance: ±0.1 around 0.21. The meta-analysis' samples vary far more than
// that; ±0.1 is our statement of how close a world must come to the pooled
// figure, not a published interval. With 6,000 people the sampling error of r
// is about 0.013.
//
// KNOWN GAP, marked [!shouldfail]: the model gives r ≈ 0.06 (two
// replicates, 2 × 3,000 people, week 520). Everyday cross-group ties are few
// (mean degree 0.3) and meet rarely, and what a meeting moves is pulled back
// by peers and by each person's lasting disposition, so who has friends on
// the other side barely predicts who trusts it. The test passes while the gap
// holds and fails the day the model closes it (then remove the tag); the gap
// is listed in scenarios/README.md ("Calibration: where the model stands").
#include <catch2/catch.hpp>
#include <cmath>

#include "calibration.hpp"

using namespace detente;

namespace {

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const auto n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    mx += x[i], my += y[i];
  mx /= n, my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace

TEST_CASE("friends on the other side go with trusting it, r near 0.21",
          "[calibration][contact][!shouldfail]") {
  const auto s = calibration::baseline(3000, 520, "[]");
  const double positive_tie = s.dynamics.contact.positive_tie;
  for (std::uint32_t r = 0; r < 2; ++r) {
    const auto sim = test::run(s, -1, r);
    const CrossTies& ties = sim->trust_state()->ties();
    std::vector<double> friends(sim->footprint().agents, 0.0);
    for (std::size_t e = 0; e < ties.size(); ++e)
      if (ties.strength[e] >= positive_tie) friends[ties.a[e]] += 1, friends[ties.b[e]] += 1;
    const double rho = correlation(friends, sim->trust_state()->outgroup_trust());
    INFO("replicate " << r << ": r(positive cross-group ties, trust) = " << rho);
    CHECK(rho >= 0.11);
    CHECK(rho <= 0.31);
  }
}

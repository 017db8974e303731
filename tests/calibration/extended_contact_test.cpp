// Across people, knowing in-group friends who have friends on the other side
// goes with trusting it, beyond one's own friendships there: Zhou, Page-Gould,
// Aron, Moyer & Hewstone (2019, Personality and Social Psychology Review,
// meta-analysis of extended contact), r ≈ 0.17 net of direct friendship
// (listed in scenarios/README.md, "Calibration: where the model stands").
//
// Nothing in the model sets this correlation. The extended-contact rate β
// (dynamics.contact.extended_rate) moves a person toward trusting the other
// side in proportion to the share of their in-group neighbours who hold a
// positive cross-group tie; whether that leaves a trace across people depends
// on how many such neighbours there are, how the ties formed, and how much
// peers, media and lasting dispositions pull back. It measures the baseline
// world without programmes after ten years: the partial correlation, across
// people, between the share of a person's in-group neighbours who hold a
// positive cross-group tie (strength ≥ positive_tie) and the person's trust in
// the other side, controlling for the person's own count of such ties.
//
// Tolerance: ±0.1 around 0.17, as for the direct-contact correlation
// (contact_correlation_test.cpp): our statement of how close a world must
// come to the pooled figure, not a published interval. With 6,000 people the
// sampling error of r is about 0.013.
//
// KNOWN GAP, marked [!shouldfail]: the model gives a partial r of about 0.04
// (two replicates, 2 × 3,000 people, week 520; the test prints it). Behind
// it: about 430 of the 6,000 people hold a positive cross-group tie at week
// 520 (4–10 before good meetings could make friends of everyday
// acquaintances: strengthen 0.1 then, 0.3 now). Everyday ties are few (mean
// degree 0.3), so most people's share is still zero and β has little to
// carry. The test passes while the gap holds and fails the day the
// model closes it (then remove the tag).
#include <catch2/catch.hpp>
#include <cmath>

#include "calibration.hpp"

using namespace detente;

namespace {

struct Moments {
  double xy = 0, xx = 0, yy = 0;
};

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const auto n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    mx += x[i], my += y[i];
  mx /= n, my /= n;
  Moments m;
  for (std::size_t i = 0; i < x.size(); ++i) {
    m.xy += (x[i] - mx) * (y[i] - my);
    m.xx += (x[i] - mx) * (x[i] - mx);
    m.yy += (y[i] - my) * (y[i] - my);
  }
  return m.xy / std::sqrt(m.xx * m.yy);
}

// r(x, y) net of z: the first-order partial correlation.
double partial_correlation(const std::vector<double>& x, const std::vector<double>& y,
                           const std::vector<double>& z) {
  const double xy = correlation(x, y), xz = correlation(x, z), yz = correlation(y, z);
  return (xy - xz * yz) / std::sqrt((1.0 - xz * xz) * (1.0 - yz * yz));
}

}  // namespace

TEST_CASE("in-group friends with friends on the other side go with trusting it, r near 0.17",
          "[calibration][contact][!shouldfail]") {
  const auto s = calibration::baseline(3000, 520, "[]");
  REQUIRE(s.dynamics.contact.extended_rate > 0.0);  // the mechanism is on in this world
  const double positive_tie = s.dynamics.contact.positive_tie;
  for (std::uint32_t r = 0; r < 2; ++r) {
    const auto sim = test::run(s, -1, r);
    const CrossTies& ties = sim->trust_state()->ties();
    const SocialNetwork& network = sim->trust_state()->network();
    const std::size_t n = sim->footprint().agents;
    std::vector<double> direct(n, 0.0);
    for (std::size_t e = 0; e < ties.size(); ++e)
      if (ties.strength[e] >= positive_tie) direct[ties.a[e]] += 1, direct[ties.b[e]] += 1;
    std::vector<double> extended(n, 0.0);
    std::size_t holders = 0;
    for (AgentId i = 0; i < n; ++i) {
      holders += direct[i] > 0 ? 1 : 0;
      const auto begin = network.peer_begin(i), end = network.peer_end(i);
      if (end == begin) continue;
      double with = 0;
      for (auto k = begin; k < end; ++k)
        with += direct[network.neighbours[k]] > 0 ? 1.0 : 0.0;
      extended[i] = with / static_cast<double>(end - begin);
    }
    const double rho = partial_correlation(extended, sim->trust_state()->outgroup_trust(), direct);
    INFO("replicate " << r << ": " << holders << " of " << n
                      << " people hold a positive cross-group tie; partial r(extended, trust | "
                         "direct) = "
                      << rho);
    CHECK(rho >= 0.07);
    CHECK(rho <= 0.27);
  }
}

// Counter-based streams: pure functions of their keys, uniform, and
// independent across purposes, sub-streams, steps and entities.
#include <catch2/catch.hpp>
#include <set>

#include "core/rng.hpp"

using namespace detente;

TEST_CASE("a draw is a pure function of its key", "[rng]") {
  const Streams a(42, 0), b(42, 0), c(42, 1), d(43, 0);
  const auto x = a.bits(Purpose::contact, 0, 5, 123);
  CHECK(x == b.bits(Purpose::contact, 0, 5, 123));
  CHECK(x != c.bits(Purpose::contact, 0, 5, 123));  // another replicate
  CHECK(x != d.bits(Purpose::contact, 0, 5, 123));  // another seed
  CHECK(x != a.bits(Purpose::media_exposure, 0, 5, 123));
  CHECK(x != a.bits(Purpose::contact, 1, 5, 123));
  CHECK(x != a.bits(Purpose::contact, 0, 6, 123));
  CHECK(x != a.bits(Purpose::contact, 0, 5, 124));
  CHECK(x != a.bits(Purpose::contact, 0, 5, 123, 1));
  // The high bits of a 56-bit entity key matter too.
  CHECK(x != a.bits(Purpose::contact, 0, 5, 123 + (1ull << 40)));
}

TEST_CASE("uniforms are in [0,1) with the right mean and variance", "[rng]") {
  const Streams rng(2026, 0);
  double sum = 0, sum2 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    for (float u : rng.uniforms(Purpose::classic, 0, 0, static_cast<std::uint64_t>(i))) {
      REQUIRE(u >= 0.0f);
      REQUIRE(u < 1.0f);
      sum += u;
      sum2 += double(u) * u;
    }
  }
  const double m = sum / (4.0 * n);
  // Standard error of the mean of 800,000 uniforms: 0.2887/sqrt(8e5) ≈ 3.2e-4.
  CHECK(m == Approx(0.5).margin(0.0016));
  CHECK(sum2 / (4.0 * n) - m * m == Approx(1.0 / 12).margin(0.001));
  for (int i = 0; i < 1000; ++i) {
    const auto d = rng.uniforms_double(Purpose::classic, 1, 0, static_cast<std::uint64_t>(i));
    REQUIRE(d[0] >= 0.0);
    REQUIRE(d[0] < 1.0);
  }
}

TEST_CASE("stream keys come from names, not positions", "[rng]") {
  CHECK(stream_key("north_tv") == stream_key("north_tv"));
  CHECK(stream_key("north_tv") != stream_key("south_tv"));
  CHECK(stream_key("x") <= 0xFFFFFFu);
  std::set<std::uint64_t> seeds;
  for (std::uint32_t r = 0; r < 1000; ++r)
    seeds.insert(replicate_seed(1, r));
  CHECK(seeds.size() == 1000);
}

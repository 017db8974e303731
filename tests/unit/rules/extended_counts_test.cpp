// The scatter of extended contact must give exactly the gather's shares.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>

#include "core/network.hpp"
#include "core/rng.hpp"
#include "rules/detail/extended_counts.hpp"
#include "rules/detail/positive_share.hpp"

using namespace detente;

TEST_CASE("scattered extended-contact counts equal the gathered shares", "[contact][extended]") {
  // Three groups of 700 with random in-group and cross-group edges; 10% of
  // agents hold positive ties toward one or two other groups.
  const std::vector<std::uint32_t> begin = {0, 700, 1400, 2100};
  const Streams rng(3, 0);
  std::vector<std::pair<AgentId, AgentId>> edges;
  for (std::uint64_t e = 0; e < 12000; ++e) {
    const auto bits = rng.bits(Purpose::classic, 0, 0, e);
    const auto g = bits[0] % 3;
    const AgentId a = begin[g] + bits[1] % 700;
    const AgentId b = (e % 5 == 0) ? bits[2] % 2100 : begin[g] + bits[2] % 700;
    if (a != b) edges.emplace_back(a, b);
  }
  const auto network = build_csr(2100, begin, edges, {}, false);
  std::vector<std::uint32_t> mask(2100, 0);
  for (std::uint32_t i = 0; i < 2100; ++i) {
    const auto u = rng.uniforms(Purpose::classic, 1, 0, i);
    const std::uint32_t own = i / 700;
    if (u[0] < 0.1f) mask[i] |= 1u << ((own + 1) % 3);
    if (u[1] < 0.05f) mask[i] |= 1u << ((own + 2) % 3);
  }
  for (const int threads : {1, 2}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    const auto counts = rules::detail::extended_counts(network, mask, 3);
    REQUIRE(counts.any_holder);
    REQUIRE(counts.scattered);
    for (AgentId i = 0; i < 2100; ++i) {
      const auto peers = network.in_group_end[i] - network.in_group_begin[i];
      for (std::uint32_t h = 0; h < 3; ++h) {
        const double gathered = rules::detail::positive_share(network, mask.data(), i, h);
        const double scattered =
            peers == 0 ? 0.0 : static_cast<double>(counts.count[h * 2100 + i]) / peers;
        REQUIRE(scattered == gathered);
      }
    }
  }
  // With no holder at all there is nothing to count.
  const auto none = rules::detail::extended_counts(network, std::vector<std::uint32_t>(2100, 0), 3);
  CHECK_FALSE(none.any_holder);
}

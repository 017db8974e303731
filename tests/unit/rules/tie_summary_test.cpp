// The per-agent summary of cross-group ties.
#include <catch2/catch.hpp>
#include <stdexcept>

#include "rules/contact.hpp"
#include "rules_fixtures.hpp"

using namespace detente;

TEST_CASE("tie summary: counts and group masks per agent", "[ties]") {
  // Groups: 0 = {0, 1}, 1 = {2}, 2 = {3}.
  const std::vector<std::uint8_t> group = {0, 0, 1, 2};
  auto ties = test::make_ties(4, {{0, 2}, {0, 3}, {1, 2}, {2, 3}}, 0.8f, 4);
  ties.strength[1] = 0.59f;  // below positive_tie
  rules::TieSummary s;
  rules::summarise_ties(ties, group, 0.6, s);
  CHECK(s.any_ties == std::vector<std::uint16_t>{2, 1, 3, 2});
  CHECK(s.positive_ties == std::vector<std::uint16_t>{1, 1, 3, 1});
  CHECK(s.positive_mask == std::vector<std::uint32_t>{0b010, 0b010, 0b101, 0b010});

  ties.strength[1] = 0.6f;  // exactly at the threshold counts (strength ≥ positive_tie)
  rules::summarise_ties(ties, group, 0.6f, s);
  CHECK(s.positive_ties[0] == 2);
  CHECK(s.positive_mask[0] == 0b110);
}

TEST_CASE("tie summary: no ties, and ties without incidence", "[ties]") {
  const std::vector<std::uint8_t> group = {0, 1, 1};
  CrossTies none;
  rules::TieSummary s;
  rules::summarise_ties(none, group, 0.6, s);
  CHECK(s.any_ties == std::vector<std::uint16_t>(3, 0));
  CHECK(s.positive_mask == std::vector<std::uint32_t>(3, 0));

  auto ties = test::make_ties(3, {{0, 1}}, 0.8f, 1);
  ties.offsets.clear();
  CHECK_THROWS_AS(rules::summarise_ties(ties, group, 0.6, s), std::invalid_argument);
}

TEST_CASE("updating the summary for flipped ties equals summarising from scratch",
          "[tie_summary]") {
  // 3 groups of 400 agents, 900 random cross-group ties; flip a random tenth
  // of them across the threshold and compare the two ways of summarising.
  const std::size_t n = 1200;
  std::vector<std::uint8_t> group(n);
  for (std::size_t i = 0; i < n; ++i)
    group[i] = static_cast<std::uint8_t>(i / 400);
  const Streams rng(8, 0);
  CrossTies ties;
  for (std::uint64_t e = 0; ties.size() < 900; ++e) {
    const auto b = rng.bits(Purpose::classic, 0, 0, e);
    const AgentId x = b[0] % n, y = b[1] % n;
    if (group[x] == group[y]) continue;
    ties.a.push_back(std::min(x, y));
    ties.b.push_back(std::max(x, y));
    ties.strength.push_back(Streams::to_unit_float(b[2]));
    ties.key.push_back(ties.size());
    ties.setting.push_back(0);
  }
  ties.static_count = ties.size();
  ties.rebuild_incidence(n);
  rules::TieSummary updated;
  rules::summarise_ties(ties, group, 0.6, updated);
  std::vector<std::uint32_t> flipped;
  for (std::uint32_t e = 0; e < ties.size(); ++e) {
    if (rng.uniforms(Purpose::classic, 1, 0, e)[0] < 0.1f) {
      ties.strength[e] = ties.strength[e] >= 0.6f ? 0.3f : 0.9f;
      flipped.push_back(e);
    }
  }
  REQUIRE(flipped.size() > 50);
  rules::update_tie_summary(ties, group, 0.6, flipped, updated);
  rules::TieSummary fresh;
  rules::summarise_ties(ties, group, 0.6, fresh);
  CHECK(updated.positive_ties == fresh.positive_ties);
  CHECK(updated.positive_mask == fresh.positive_mask);
  CHECK(updated.any_ties == fresh.any_ties);
}

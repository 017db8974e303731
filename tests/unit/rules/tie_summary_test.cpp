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

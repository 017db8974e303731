// Each classic model reproduces what the literature reports (design §7). The
// targets, their sources and their tolerances — with the reason for each —
// are in sim/validation/validation_*.cpp, where `detente validate` finds them
// too; a test fails when any row of its model misses its target. Every case
// runs with its full number of replicates and fixed seeds.
#include <catch2/catch.hpp>

#include "validation/validation.hpp"

namespace {

void check_case(const std::string& name) {
  const auto rows = detente::run_validation({}, {name});
  REQUIRE_FALSE(rows.empty());
  for (const auto& row : rows) {
    INFO(row.target << "\n  measured " << row.measured << ", tolerance " << row.tolerance
                    << "\n  source: " << row.source);
    CHECK(row.pass);
  }
}

}  // namespace

// Exact: the closed forms of Jackson 2008 §8.3 (3 agents) and the left
// eigenvector from Eigen (200 agents), to 1e-9.
TEST_CASE("DeGroot reaches the influence-weighted consensus", "[validation]") {
  check_case("degroot");
}

// Exact: x* = (I − (I − Λ)W)⁻¹Λx(0) from Eigen, to 1e-9 (3 and 300 agents).
TEST_CASE("Friedkin-Johnsen reaches its fixed point", "[validation]") {
  check_case("friedkin_johnsen");
}

// Deffuant et al. 2000: one major cluster for ε ≥ 0.4, about ⌊1/(2ε)⌋ below,
// both schedules, 20 runs of N = 1000 each.
TEST_CASE("Deffuant-Weisbuch leaves about 1/(2 eps) major clusters", "[validation]") {
  check_case("deffuant");
}

// Hegselmann & Krause 2002: consensus at ε = 0.25 in ≥ 95% of 100 runs,
// several dozen clusters at ε = 0.01.
TEST_CASE("Hegselmann-Krause: consensus for wide, fragmentation for narrow confidence",
          "[validation]") {
  check_case("hegselmann_krause");
}

// The voter model's exit probability equals the initial share, within a 99%
// binomial interval over 1000 runs, both schedules.
TEST_CASE("the voter model ends at 1 as often as 1s were held at the start", "[validation]") {
  check_case("voter");
}

// Axelrod 1997: a few stable regions on 10×10 with F = 5, q = 10; more traits, more regions.
TEST_CASE("Axelrod's model freezes into a few cultural regions", "[validation]") {
  check_case("axelrod");
}

// record_intervention_metrics: the convener's metrics on a hand-built
// population, with their values worked out by hand.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "fixtures.hpp"
#include "metrics/intervention_metrics.hpp"

using namespace detente;

namespace {

// Two groups of four; north's convener trust 0.2, 0.4, 0.6, 0.8; south's all 0.5.
Population<float> four_and_four() {
  auto p = test::make_population<float>({"north", "south"},
                                        {{{}, {0.5, 0.5, 0.5, 0.5}}, {{0.5, 0.5, 0.5, 0.5}, {}}});
  p.convener_trust = {0.2f, 0.4f, 0.6f, 0.8f, 0.5f, 0.5f, 0.5f, 0.5f};
  p.role_names = {"public", "student", "artist"};
  p.role = {0, 1, 1, 2, 0, 0, 1, 2};
  p.marginalised = {1, 0, 0, 0, 1, 1, 0, 0};
  return p;
}

std::map<std::string, double> rows_of(const metrics::InterventionMetricInput<float>& input) {
  std::vector<metrics::MetricRow> rows;
  metrics::record_intervention_metrics(input, 7, rows);
  std::map<std::string, double> out;
  for (const auto& r : rows) {
    CHECK(r.step == 7);
    CHECK(out.emplace(r.metric + "/" + r.subject, r.value).second);  // each once
  }
  return out;
}

}  // namespace

TEST_CASE("without interventions only trust in the convener is written", "[metrics][convener]") {
  const auto p = four_and_four();
  metrics::InterventionMetricInput<float> input;
  input.population = &p;
  const auto m = rows_of(input);
  CHECK(m.size() == 3);
  CHECK(m.at("convener_trust/north") == Approx(0.5));
  CHECK(m.at("convener_trust/south") == Approx(0.5));
  CHECK(m.at("convener_trust/all") == Approx(0.5));
}

TEST_CASE("spending, exposures, participants, diversity and ambassadors", "[metrics][convener]") {
  const auto p = four_and_four();
  const std::vector<std::string> names = {"camp", "spots"};
  const std::vector<double> spending = {1200, 300.5};
  const std::vector<std::uint64_t> exposures = {0, 4000};
  // Participants: north 0 (public, marginalised), 1 (student); south 6 (student), 7 (artist).
  const std::vector<std::uint8_t> participant = {1, 1, 0, 0, 0, 0, 1, 1};
  const std::vector<std::uint8_t> ambassador = {0, 1, 0, 0, 0, 0, 0, 1};
  metrics::InterventionMetricInput<float> input;
  input.population = &p;
  input.interventions = names;
  input.spending = spending;
  input.exposures = exposures;
  input.participant = participant;
  input.ambassador = ambassador;
  input.programme_ties = 12;
  const auto m = rows_of(input);
  CHECK(m.at("spending/camp") == 1200);
  CHECK(m.at("spending/all") == 1500.5);
  CHECK(m.at("exposures/spots") == 4000);
  CHECK(m.at("exposures/all") == 4000);
  CHECK(m.at("participants/north") == 2);
  CHECK(m.at("participants/south") == 2);
  CHECK(m.at("participants/all") == 4);
  CHECK(m.at("participant_marginalised_share/all") == 0.25);
  // Roles of the four: public, student, student, artist → p = 1/4, 1/2, 1/4:
  // H = 2·(1/4)·2 + (1/2)·1 = 1.5 bits.
  CHECK(m.at("participant_role_entropy/all") == Approx(1.5));
  CHECK(m.at("ambassadors/north") == 1);
  CHECK(m.at("ambassadors/all") == 2);
  CHECK(m.at("programme_ties/all") == 12);
}

TEST_CASE("no participants yet: shares are NaN, entropy too", "[metrics][convener]") {
  const auto p = four_and_four();
  const std::vector<std::string> names = {"camp"};
  const std::vector<double> spending = {0};
  const std::vector<std::uint64_t> exposures = {0};
  const std::vector<std::uint8_t> none(8, 0);
  metrics::InterventionMetricInput<float> input;
  input.population = &p;
  input.interventions = names;
  input.spending = spending;
  input.exposures = exposures;
  input.participant = none;
  input.ambassador = none;
  const auto m = rows_of(input);
  CHECK(m.at("participants/all") == 0);
  CHECK(std::isnan(m.at("participant_marginalised_share/all")));
  CHECK(std::isnan(m.at("participant_role_entropy/all")));
  // One role only: zero entropy, not -0.
  std::vector<std::uint8_t> one = {0, 1, 1, 0, 0, 0, 1, 0};  // three students
  input.participant = one;
  const auto single = rows_of(input);
  CHECK(single.at("participant_role_entropy/all") == 0.0);
  CHECK_FALSE(std::signbit(single.at("participant_role_entropy/all")));
}

// What the page shows a room is in plain words: every knob of the workshop
// has a label and help for people from the parameter table, and nothing the
// server sends for the knobs holds a Greek letter, a formula or a doubled
// unit ("per tie per tie", "step step").
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "core/errors.hpp"
#include "serve/protocol.hpp"
#include "serve/workshop.hpp"
#include "support.hpp"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

detente::serve::Workshop room() {
  const std::string path = std::string(DETENTE_SOURCE_DIR) + "/scenarios/workshop.yaml";
  return detente::serve::Workshop(read(path), path, detente::serve::test::small_limits());
}

// Greek letters are U+0370..U+03FF: UTF-8 lead bytes 0xCD (from 0xB0) to 0xCF.
bool has_greek(const std::string& text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if ((lead == 0xCD && next >= 0xB0) || lead == 0xCE || lead == 0xCF) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every knob has a label and help for people") {
  const auto w = room();
  REQUIRE(w.knobs().size() > 20);
  for (const auto& k : w.knobs()) {
    INFO(k.path);
    CHECK(!k.people_label.empty());
    CHECK(!k.help.empty());
    CHECK(k.people_label != k.label);  // worded, not the key path made readable
  }
}

TEST_CASE("the knob texts the page is served have no Greek letters, formulas or doubled units") {
  const auto w = room();
  const std::string welcome = detente::serve::welcome_message(w, true);
  // The technical descriptions do have them (the test below would be empty otherwise).
  bool technical_has_greek = false;
  for (const auto& k : w.knobs())
    technical_has_greek = technical_has_greek || has_greek(k.description);
  CHECK(technical_has_greek);
  CHECK(!has_greek(welcome));
  for (const char* bad : {"per tie per tie", "step step", "←", "·("})
    CHECK(welcome.find(bad) == std::string::npos);
  for (const auto& k : w.knobs()) {
    INFO(k.path);
    // The technical description stays in the docs, not on the page.
    CHECK(welcome.find(k.description) == std::string::npos);
    for (const std::string& text : {k.people_label, k.help, k.people_unit}) {
      CHECK(!has_greek(text));
      CHECK(text.find('=') == std::string::npos);
    }
  }
}

TEST_CASE("advanced knobs are marked, and the few that matter are not") {
  const auto w = room();
  int basic = 0, advanced = 0;
  for (const auto& k : w.knobs())
    (k.advanced ? advanced : basic) += 1;
  CHECK(basic >= 10);
  CHECK(advanced > basic);
}

TEST_CASE("the facilitator can mark knobs advanced or basic, by path or key") {
  auto w = room();
  const auto find = [&](const std::string& path) {
    for (const auto& k : w.knobs())
      if (k.path == path) return k;
    FAIL("no knob " << path);
    return w.knobs().front();
  };
  REQUIRE(!find("interventions.exchange.cohort").advanced);
  w.mark_advanced({"cohort"}, true);  // every programme's cohort
  CHECK(find("interventions.exchange.cohort").advanced);
  CHECK(find("interventions.journalists.cohort").advanced);
  REQUIRE(find("interventions.exchange.team_size").advanced);
  w.mark_advanced({"interventions.exchange.team_size"}, false);
  CHECK(!find("interventions.exchange.team_size").advanced);
  CHECK_THROWS_AS(w.mark_advanced({"no_such_key"}, true), detente::InputError);
}

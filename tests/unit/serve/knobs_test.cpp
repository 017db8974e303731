// The workshop's knobs take their bounds, units and help from the parameter
// table (no second list), their values from the scenario, and expand list
// entries by name.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "scenario/load.hpp"
#include "scenario/lookup.hpp"
#include "scenario/parameters.hpp"
#include "serve/knobs.hpp"

namespace {

using detente::serve::Knob;

detente::scenario::Scenario workshop_scenario() {
  return detente::scenario::load_file(std::string(DETENTE_SOURCE_DIR) + "/scenarios/workshop.yaml");
}

const Knob& knob(const std::vector<Knob>& knobs, const std::string& path) {
  for (const Knob& k : knobs)
    if (k.path == path) return k;
  FAIL("no knob " << path);
  return knobs.front();
}

}  // namespace

TEST_CASE("every knob repeats its parameter-table row") {
  const auto table = detente::scenario::parameter_table();
  const auto s = workshop_scenario();
  const auto knobs = detente::serve::workshop_knobs(s);
  REQUIRE(knobs.size() >= 8);
  for (const Knob& k : knobs) {
    INFO(k.path);
    const auto row = std::find_if(table.begin(), table.end(),
                                  [&](const auto& r) { return r.path == k.table_path; });
    REQUIRE(row != table.end());
    CHECK(k.unit == row->unit);
    CHECK(k.range == row->range);
    CHECK(k.description == row->description);
    CHECK(k.value == detente::scenario::lookup(s, k.path).value());
    if (k.kind == "number" || k.kind == "integer") {
      // The slider stays inside what the validator accepts.
      const auto bounds = detente::serve::bounds_of(row->range);
      CHECK(k.min >= bounds.min);
      CHECK(k.max <= bounds.max);
      CHECK(k.min < k.max);
      CHECK(k.step > 0);
    }
  }
}

TEST_CASE("list entries become one knob each, by name or numbered") {
  const auto s = workshop_scenario();
  const auto knobs = detente::serve::workshop_knobs(s);
  const Knob& slant = knob(knobs, "media.north_national_tv.slant");
  CHECK(slant.table_path == "media[].slant");
  CHECK(slant.label == "north national tv: slant");
  CHECK(slant.kind == "number");
  CHECK(slant.min == -1);
  CHECK(slant.max == 1);
  CHECK(slant.value == "-0.4");
  CHECK(knob(knobs, "media.independent_online.exposure").max == 1);

  const Knob& crisis = knob(knobs, "dynamics.shocks.events.0.step");
  CHECK(crisis.label == "crisis 1: step");
  CHECK(crisis.kind == "integer");
  CHECK(crisis.step == 1);
  CHECK(crisis.min == 0);
  CHECK(crisis.max == static_cast<double>(s.steps - 1));  // a point in time runs to the last step
  CHECK(crisis.value == "156");

  CHECK(knob(knobs, "dynamics.shocks.enabled").kind == "boolean");
}

TEST_CASE("an open-ended range gets a round upper end above the scenario's value") {
  const auto knobs = detente::serve::workshop_knobs(workshop_scenario());
  // [0, 100000000] (the bound against overflow is no slider's span), value 0.3
  const Knob& ties = knob(knobs, "network.between.mean_degree");
  CHECK(ties.range == "[0, 100000000]");
  CHECK(ties.min == 0);
  CHECK(ties.max == 2);
  CHECK(ties.step == Approx(0.02));
}

TEST_CASE("range texts of the table read as bounds") {
  using detente::serve::bounds_of;
  CHECK(bounds_of("[0, 1]").min == 0);
  CHECK(bounds_of("[0, 1]").max == 1);
  CHECK(bounds_of("(0, 1]").min == 0);
  CHECK(bounds_of("[-1, 1]").min == -1);
  CHECK(bounds_of("≥ 1").min == 1);
  CHECK(std::isinf(bounds_of("≥ 1").max));
  CHECK(bounds_of("≤ 3").max == 3);
  CHECK(std::isinf(bounds_of("").min));
}

TEST_CASE("lookup reads values the way --set addresses them") {
  const auto s = workshop_scenario();
  using detente::scenario::list_entries;
  using detente::scenario::lookup;
  CHECK(lookup(s, "dynamics.influence.confidence") == "0.3");
  CHECK(lookup(s, "media.south_national_tv.slant") == "-0.5");
  CHECK(lookup(s, "media.1.slant") == "-0.5");
  CHECK(lookup(s, "dynamics.shocks.events.0.magnitude") == "0.35");
  CHECK_FALSE(lookup(s, "media.nobody.slant"));
  CHECK_FALSE(lookup(s, "dynamics.influence"));  // a section, not a value
  CHECK(list_entries(s, "media") ==
        std::vector<std::string>{"north_national_tv", "south_national_tv", "independent_online"});
  CHECK(list_entries(s, "dynamics.shocks.events") == std::vector<std::string>{"0"});
  CHECK(list_entries(s, "interventions") ==
        std::vector<std::string>{"exchange", "campaign", "curriculum", "centres", "journalists"});
}

TEST_CASE("table rows apply to list entries generally or by a field's value") {
  const auto s = workshop_scenario();
  using detente::serve::entry_key;
  CHECK(entry_key("media[].slant", "media", "south_national_tv", s) == "slant");
  // A type's own row applies only to entries of that type (here: a sponsor).
  CHECK(entry_key("media[sponsor=north].credibility", "media", "north_national_tv", s) ==
        "credibility");
  CHECK_FALSE(entry_key("media[sponsor=north].credibility", "media", "south_national_tv", s));
  CHECK(entry_key("dynamics.shocks.events[].magnitude", "dynamics.shocks.events", "0", s) ==
        "magnitude");
  CHECK_FALSE(entry_key("media[].audience[].x", "media", "north_national_tv", s));
  CHECK_FALSE(entry_key("mediax[].slant", "media", "north_national_tv", s));
  CHECK_FALSE(entry_key("population.groups[].size", "media", "north_national_tv", s));
}

TEST_CASE("a knob's bounds follow its table row, with no other change") {
  const auto s = workshop_scenario();
  auto table = detente::scenario::parameter_table();
  const auto before = detente::serve::workshop_knobs(s, table).size();
  // Pretend the schema moved media[].slant's range: the slider follows.
  for (auto& row : table)
    if (row.path == "media[].slant") row.range = "[-0.5, 0.5]";
  const auto knobs = detente::serve::workshop_knobs(s, table);
  CHECK(knobs.size() == before);
  CHECK(knob(knobs, "media.north_national_tv.slant").min == -0.5);
  CHECK(knob(knobs, "media.north_national_tv.slant").max == 0.5);
}

TEST_CASE("the workshop's programmes are offered switched off, each headed by its switch") {
  const auto s = workshop_scenario();
  const auto knobs = detente::serve::workshop_knobs(s);
  REQUIRE(s.interventions.size() >= 4);
  // Programmes come first on the page.
  CHECK(knobs.front().section == "Programmes");
  for (const auto& programme : s.interventions) {
    INFO(programme.name);
    CHECK_FALSE(programme.enabled);  // the scenario left alone runs none
    const std::string prefix = "interventions." + programme.name + ".";
    const auto first = std::find_if(knobs.begin(), knobs.end(),
                                    [&](const Knob& k) { return k.path.starts_with(prefix); });
    REQUIRE(first != knobs.end());
    // The switch heads the entry, and the entry's knobs are adjacent.
    CHECK(first->path == prefix + "enabled");
    CHECK(first->kind == "boolean");
    CHECK(first->value == "false");
    CHECK(first->entry == programme.name);
    CHECK(first->key == "enabled");
    const auto end = std::find_if(first, knobs.end(),
                                  [&](const Knob& k) { return !k.path.starts_with(prefix); });
    CHECK(std::count_if(end, knobs.end(),
                        [&](const Knob& k) { return k.path.starts_with(prefix); }) == 0);
    CHECK(end - first > 3);  // a schedule and the type's own settings
    for (auto k = first; k != end; ++k) {
      INFO(k->path);
      CHECK(k->section == "Programmes");
      CHECK(k->entry == programme.name);
      CHECK(k->path == prefix + k->key);
      // Prices are the scenario's facts and triggers its design: not knobs.
      CHECK_FALSE(k->key.starts_with("cost."));
      CHECK_FALSE(k->key.starts_with("when."));
      // A type's rows apply to entries of that type only.
      if (k->table_path.starts_with("interventions[type="))
        CHECK(k->table_path.starts_with("interventions[type=" + programme.type + "]."));
    }
  }
}

TEST_CASE("a programme's sliders take bounds, units and help from its type's rows") {
  const auto knobs = detente::serve::workshop_knobs(workshop_scenario());
  const Knob& cohort = knob(knobs, "interventions.exchange.cohort");
  CHECK(cohort.table_path == "interventions[type=exchange_program].cohort");
  CHECK(cohort.kind == "integer");
  CHECK(cohort.unit == "agents per group");
  CHECK(cohort.min == 1);
  CHECK(cohort.step == 1);
  CHECK(cohort.max >= 4 * std::stod(cohort.value));
  CHECK(cohort.label == "exchange: cohort");
  const Knob& framing = knob(knobs, "interventions.exchange.conditions.framing");
  CHECK(framing.kind == "choice");
  CHECK(framing.key == "conditions.framing");
  CHECK(framing.choices == std::vector<std::string>{"cooperative", "competitive"});
  const Knob& slant = knob(knobs, "interventions.campaign.slant");
  CHECK(slant.min == -1);
  CHECK(slant.max == 1);
  const Knob& start = knob(knobs, "interventions.centres.start");
  CHECK(start.table_path == "interventions[].start");
  CHECK(start.max == 519);  // a point in time runs to the last step
  CHECK(std::none_of(knobs.begin(), knobs.end(), [](const Knob& k) {
    return k.path == "interventions.campaign.cohort";  // campaigns have no cohort
  }));
}

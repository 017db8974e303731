#pragma once
// The knobs a workshop offers: which scenario keys a team may change, with
// the slider's bounds, unit and help text. Which keys is decided here, in
// one list (knobs.cpp, kAdjustable); everything else about a knob — type,
// unit, range, description, default — comes from the parameter table that
// validates YAML (scenario/parameters.hpp), and its starting value from the
// workshop's scenario. A key that gains a row in that table (an intervention
// type's parameters) appears on the page with no change to the page.
//
//   auto base = scenario::load_file("scenarios/workshop.yaml");
//   for (const Knob& k : workshop_knobs(base))
//     std::cout << k.path << " in [" << k.min << ", " << k.max << "]\n";
//   // media.north_national_tv.slant in [-1, 1] …
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/parameters.hpp"
#include "scenario/scenario.hpp"

namespace detente::serve {

struct Knob {
  std::string path;                  // as `--set` takes it: "media.north_national_tv.slant"
  std::string table_path;            // its row in the parameter table: "media[].slant"
  std::string section;               // heading on the page: "Programmes", "Media", …
  std::string label;                 // "north national tv: slant"
  std::string entry;                 // the list entry it belongs to: "north_national_tv",
                                     // "crisis 1"; empty for a plain key
  std::string key;                   // the key inside that entry: "slant", "conditions.framing"
  std::string kind;                  // "number", "integer", "boolean" or "choice"
  std::string unit;                  // from the table
  std::string range;                 // from the table, as it reads there: "[-1, 1]", "≥ 0"
  std::string description;           // from the table (technical)
  std::string people_label;          // from the table, for people: "Tone toward the other side"
  std::string help;                  // from the table, for people: no symbols, no formulas
  std::string people_unit;           // "time" (shown in years where steps are weeks), "0 to 1", …
  bool advanced = false;             // folded away until the team asks for more
  std::string value;                 // the workshop scenario's value, as YAML text
  std::vector<std::string> choices;  // kind "choice": the allowed names
  double min = 0, max = 1, step = 0.01;  // slider (number and integer kinds)
};

// Every knob of `base`, in the order of kAdjustable, list entries expanded
// (one knob per outlet, per intervention, per crisis event). An entry's knobs
// are adjacent, and an entry with an `enabled` switch (a programme) has it
// first: the page heads the entry with it and shows the rest only when on.
std::vector<Knob> workshop_knobs(const scenario::Scenario& base);
// The same from a given table (tests give one with rows the schema lacks).
std::vector<Knob> workshop_knobs(const scenario::Scenario& base,
                                 const std::vector<scenario::ParameterInfo>& table);

// The key that a parameter-table row gives to entry `entry` of the list at
// `list` (as list_entries names it), or nullopt when the row is about another
// list, a list inside the entry, or another kind of entry. Rows read
// "list[].key" (every entry) or "list[field=value].key" (entries whose
// `field` is `value`, e.g. "interventions[type=exchange_program].cohort").
std::optional<std::string> entry_key(const std::string& row_path, const std::string& list,
                                     const std::string& entry, const scenario::Scenario& base);

// The numeric bounds a table range text states, e.g. "[0, 1]" → {0, 1};
// "≥ 0" → {0, +inf}; "" → {-inf, +inf}. Open bounds count as their limit.
struct Bounds {
  double min;
  double max;
};
Bounds bounds_of(std::string_view range_text);

}  // namespace detente::serve

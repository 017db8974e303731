#pragma once
// A workshop: the scenario the room works on, the knobs it may turn, and
// how a team's strategy becomes a validated scenario.
//
//   serve::Workshop w(text, "scenarios/workshop.yaml", limits);
//   std::vector<scenario::Override> strategy = {{"dynamics.contact.rate", "0.2"}};
//   scenario::Scenario s = w.resolve(strategy);   // throws InputError, verbatim for the page
//   std::string yaml = w.export_yaml(strategy, "Team 1");
//
// A strategy is a list of `--set` overrides on the workshop's scenario; it
// goes through scenario::load_text — the same reader and validator as a file
// — so a bad value gets the same message a YAML file would. Only the keys of
// workshop_knobs() may be set.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "scenario/load.hpp"
#include "scenario/plan.hpp"
#include "serve/knobs.hpp"
#include "serve/limits.hpp"

namespace detente::serve {

// Something to mark on the charts: a crisis, or the start of a programme.
struct Marker {
  std::int64_t step = 0;
  std::string kind;  // "crisis" or "programme"
  std::string label;
};

// A strategy checked without running: its warnings (what it allows but can
// never happen, load.hpp) and what its programmes would cost (plan.hpp).
struct Checked {
  std::vector<std::string> warnings;
  scenario::CostPlan plan;
};

class Workshop {
 public:
  // `display_name` locates errors and resolves relative network files, as a
  // file path would. Throws InputError when the scenario is invalid or cannot
  // be brought within `limits`.
  Workshop(std::string yaml, std::string display_name, const Limits& limits);

  const scenario::Scenario& base() const { return base_; }
  const std::vector<Knob>& knobs() const { return knobs_; }
  const Limits& limits() const { return limits_; }
  // The group sizes the scenario was scaled to, as overrides (empty: as written).
  const std::vector<scenario::Override>& sizing() const { return sizing_; }

  // The scenario of a strategy. Throws InputError naming the key and the
  // problem (a key that is not a knob, a value the validator refuses, a size
  // past the limits).
  // `warnings`, when given, receives the strategy's warnings (load.hpp).
  scenario::Scenario resolve(std::span<const scenario::Override> strategy,
                             std::vector<std::string>* warnings = nullptr) const;
  // resolve(), then the warnings and the planned cost before Play.
  Checked check(std::span<const scenario::Override> strategy) const;

  // The strategy's scenario as YAML that `detente run` reruns: named after
  // the team, its description saying which keys the team changed.
  std::string export_yaml(std::span<const scenario::Override> strategy,
                          const std::string& team) const;
  // Marks knobs advanced (folded away on the page) or not, over the
  // parameter table's choice: each key is a knob path
  // ("interventions.exchange.cohort") or the key inside entries ("cohort":
  // every programme's). Throws InputError for a key that names no knob.
  void mark_advanced(const std::vector<std::string>& keys, bool advanced);

  // The file name export_yaml's scenario is saved as: "<name>.yaml".
  std::string export_name(const std::string& team) const;

 private:
  std::string yaml_;
  std::string display_name_;
  Limits limits_;
  std::vector<scenario::Override> sizing_;
  scenario::Scenario base_;
  std::vector<Knob> knobs_;
};

// The crises and programme starts of `s`, in step order.
std::vector<Marker> markers_of(const scenario::Scenario& s);

}  // namespace detente::serve

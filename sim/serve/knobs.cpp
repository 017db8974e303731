// The workshop's adjustable keys, and how a table row becomes a slider.
#include "serve/knobs.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

#include "scenario/lookup.hpp"
#include "scenario/parameters.hpp"

namespace detente::serve {
namespace {

// THE list of what a team may change, in page order. A path with "[]" is
// expanded to every entry of that list in the scenario; "[].*" to every
// numeric, boolean or choice key of the table that applies to the entry —
// rows "list[].key" for every entry, "list[type=T].key" for entries of type
// T — and that the entry has (so every parameter of every declared
// programme, whatever its type). Bounds, units and help are NOT here: they
// come from the parameter table.
struct Adjustable {
  std::string_view pattern;
  std::string_view section;
  std::string_view label;  // a plain key: its label; a list: what an entry without a name is
                           // called ("crisis 1"); empty: made from the path
  std::array<std::string_view, 2> except{};  // with "[].*": keys starting with these are left out
};

constexpr Adjustable kAdjustable[] = {
    // A programme's prices are the scenario's facts and its trigger the
    // scenario's design, not a team's choice; everything else is.
    {"interventions[].*", "Programmes", "", {"cost.", "when."}},
    {"media[].slant", "Media", ""},
    {"media[].exposure", "Media", ""},
    {"network.between.mean_degree", "Contact", "cross-border ties per person"},
    {"dynamics.contact.rate", "Contact", "meetings per tie"},
    {"dynamics.influence.confidence", "Society", "open-mindedness (confidence)"},
    {"dynamics.influence.repulsion_threshold", "Society", "disagreement that repels"},
    {"dynamics.consolidation.rate", "Society", "consolidation rate"},
    {"dynamics.turnover.rate", "Society", "share of people replaced a year"},
    {"dynamics.shocks.enabled", "Crisis", "crises happen"},
    {"dynamics.shocks.events[].step", "Crisis", "crisis"},
    {"dynamics.shocks.events[].magnitude", "Crisis", "crisis"},
    {"dynamics.shocks.events[].surge_steps", "Crisis", "crisis"},
};

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::optional<double> number_at(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  return s;
}

// 1, 2 or 5 times a power of ten, at least `x`.
double nice_ceiling(double x) {
  if (x <= 0) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(x)));
  for (const double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= x * (1 - 1e-12)) return m * power;
  return 10 * power;
}

// 1, 2 or 5 times a power of ten, at most `x`.
double nice_floor(double x) {
  const double power = std::pow(10.0, std::floor(std::log10(x)));
  for (const double m : {5.0, 2.0, 1.0})
    if (m * power <= x * (1 + 1e-12)) return m * power;
  return power;
}

std::string kind_of(std::string type) {
  const std::string optional = " (optional)";
  if (type.size() > optional.size() && type.ends_with(optional))
    type.resize(type.size() - optional.size());
  if (type == "number" || type == "integer" || type == "boolean") return type;
  if (type == "one of") return "choice";
  return "";
}

std::vector<std::string> split_choices(std::string_view range) {
  std::vector<std::string> out;
  while (!range.empty()) {
    const std::size_t bar = range.find('|');
    out.emplace_back(trim(range.substr(0, bar)));
    if (bar == std::string_view::npos) break;
    range.remove_prefix(bar + 1);
  }
  return out;
}

// The slider of a numeric knob: the table's bounds, and where the table
// leaves a side open, a span that suits the scenario (a point in time runs
// to the last step; anything else to a round number above four times the
// starting value).
//
// Upper bounds of a million or more only keep sizes and schedules from
// overflowing (scenario/detail/field.hpp: kMostCount and above), they are no
// span for a slider: such a side counts as open.
constexpr double kOverflowGuard = 1e6;

void set_slider(Knob& knob, const scenario::Scenario& base) {
  const Bounds b = bounds_of(knob.range);
  const double current = number_at(knob.value).value_or(0.0);
  knob.min = std::isfinite(b.min) ? b.min : std::min(0.0, current);
  if (std::isfinite(b.max) && b.max < kOverflowGuard)
    knob.max = b.max;
  else if (knob.unit == "step")
    knob.max = static_cast<double>(base.steps - 1);
  else
    knob.max = nice_ceiling(std::max({knob.min + 1.0, 4.0 * std::abs(current), current}));
  if (knob.kind == "integer") {
    knob.min = std::ceil(knob.min);
    knob.max = std::floor(knob.max);
    knob.step = 1;
  } else {
    knob.step = nice_floor((knob.max - knob.min) / 100.0);
  }
}

// What a person reads: "north national tv: slant" for media.north_national_tv.slant.
std::string label_of(const std::string& entry, std::string_view key) {
  std::string text = entry.empty() ? std::string(key) : entry + ": " + std::string(key);
  std::replace(text.begin(), text.end(), '_', ' ');
  std::replace(text.begin(), text.end(), '.', ' ');
  return text;
}

const scenario::ParameterInfo* row_of(const std::vector<scenario::ParameterInfo>& table,
                                      std::string_view path) {
  for (const auto& row : table)
    if (row.path == path) return &row;
  return nullptr;
}

// A knob for `path` (as --set takes it) from its table row; nullopt when
// the row is not a kind a slider or switch can show, or the scenario leaves
// the key unset.
std::optional<Knob> make_knob(const scenario::ParameterInfo& row, std::string path,
                              std::string label, std::string_view section,
                              const scenario::Scenario& base) {
  Knob knob;
  knob.kind = kind_of(row.type);
  if (knob.kind.empty()) return std::nullopt;
  const auto value = scenario::lookup(base, path);
  if (!value) return std::nullopt;
  knob.path = std::move(path);
  knob.table_path = row.path;
  knob.section = section;
  knob.label = std::move(label);
  knob.unit = row.unit;
  knob.range = row.range;
  knob.description = row.description;
  knob.people_label = row.label.empty() ? knob.label : row.label;
  knob.help = row.help;
  knob.people_unit = row.people_unit;
  knob.advanced = row.advanced;
  knob.value = *value;
  if (knob.kind == "choice") knob.choices = split_choices(row.range);
  if (knob.kind == "number" || knob.kind == "integer") set_slider(knob, base);
  return knob;
}

}  // namespace

std::optional<std::string> entry_key(const std::string& row_path, const std::string& list,
                                     const std::string& entry, const scenario::Scenario& base) {
  if (!row_path.starts_with(list + "[")) return std::nullopt;
  const std::size_t close = row_path.find("].", list.size());
  if (close == std::string::npos) return std::nullopt;
  const std::string selector = row_path.substr(list.size() + 1, close - list.size() - 1);
  std::string key = row_path.substr(close + 2);
  if (key.find('[') != std::string::npos) return std::nullopt;  // a list inside the entry
  if (selector.empty()) return key;
  const std::size_t equals = selector.find('=');
  if (equals == std::string::npos) return std::nullopt;
  const auto value = scenario::lookup(base, list + "." + entry + "." + selector.substr(0, equals));
  if (!value || *value != selector.substr(equals + 1)) return std::nullopt;
  return key;
}

namespace {

void expand(const Adjustable& a, const std::vector<scenario::ParameterInfo>& table,
            const scenario::Scenario& base, std::vector<Knob>& out) {
  const std::string pattern(a.pattern);
  const std::size_t list_at = pattern.find("[]");
  if (list_at == std::string::npos) {
    if (const auto* row = row_of(table, pattern))
      if (auto knob = make_knob(*row, pattern,
                                a.label.empty() ? label_of("", pattern) : std::string(a.label),
                                a.section, base)) {
        knob->key = pattern;
        out.push_back(std::move(*knob));
      }
    return;
  }
  const std::string list = pattern.substr(0, list_at);
  const std::string wanted = pattern.substr(list_at + 3);  // "slant", or "*" for every key
  for (const std::string& entry : scenario::list_entries(base, list)) {
    // Entries without a name are numbered from 1 for people: "crisis 1".
    const bool numbered = entry.find_first_not_of("0123456789") == std::string::npos;
    const std::string noun =
        a.label.empty() ? label_of("", list.substr(list.rfind('.') + 1)) : std::string(a.label);
    const std::string entry_name =
        numbered ? noun + " " + std::to_string(std::stoi(entry) + 1) : entry;
    std::vector<Knob> knobs;
    for (const auto& row : table) {
      const auto key = entry_key(row.path, list, entry, base);
      if (!key || (wanted != "*" && *key != wanted)) continue;
      if (std::any_of(a.except.begin(), a.except.end(), [&](std::string_view prefix) {
            return !prefix.empty() && key->starts_with(prefix);
          }))
        continue;
      if (auto knob = make_knob(row, list + "." + entry + "." + *key, label_of(entry_name, *key),
                                a.section, base)) {
        knob->entry = entry_name;
        knob->key = *key;
        knobs.push_back(std::move(*knob));
      }
    }
    // The switch that turns the entry on or off heads it: the page shows the
    // entry's other knobs under it, and only while it is on.
    std::stable_partition(knobs.begin(), knobs.end(),
                          [](const Knob& k) { return k.key == "enabled"; });
    for (Knob& k : knobs)
      out.push_back(std::move(k));
  }
}

}  // namespace

Bounds bounds_of(std::string_view range) {
  range = trim(range);
  Bounds b{-kInfinity, kInfinity};
  if (range.empty()) return b;
  if (range.front() == '[' || range.front() == '(') {
    const std::size_t comma = range.find(',');
    if (comma == std::string_view::npos || range.size() < 2) return b;
    if (auto lo = number_at(trim(range.substr(1, comma - 1)))) b.min = *lo;
    if (auto hi = number_at(trim(range.substr(comma + 1, range.size() - comma - 2)))) b.max = *hi;
    return b;
  }
  for (const std::string_view op : {"≥", ">", "≤", "<"}) {
    if (!range.starts_with(op)) continue;
    const auto n = number_at(trim(range.substr(op.size())));
    if (!n) return b;
    if (op == "≥" || op == ">")
      b.min = *n;
    else
      b.max = *n;
    return b;
  }
  return b;
}

std::vector<Knob> workshop_knobs(const scenario::Scenario& base) {
  return workshop_knobs(base, scenario::parameter_table());
}

std::vector<Knob> workshop_knobs(const scenario::Scenario& base,
                                 const std::vector<scenario::ParameterInfo>& table) {
  std::vector<Knob> knobs;
  for (const Adjustable& a : kAdjustable)
    expand(a, table, base, knobs);
  return knobs;
}

}  // namespace detente::serve

// uncertain: (and calibrate.parameters, which share its form): each entry a prior that can be drawn
// from (bounds in order, the parameters its kind needs and no others) over a key that exists and
// takes both of its bounds. The key is checked by setting it to each bound in a copy of the file's
// tree and reading that tree again, exactly as `--set` would, so a future can never be refused once
// the run has started.
#include <array>
#include <charconv>
#include <cmath>
#include <set>
#include <span>
#include <string>
#include <string_view>

#include "core/errors.hpp"
#include "scenario/detail/checks.hpp"
#include "scenario/detail/overrides.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/read.hpp"

namespace detente::scenario::detail {
namespace {

// More would not be explored by any number of futures a run can afford.
constexpr std::size_t kMaxUncertain = 64;

// Keys a future may not change: they would make it another experiment.
constexpr std::array<std::string_view, 6> kFixed = {"name",  "seed",      "arms",
                                                    "sweep", "uncertain", "calibrate"};

// As experiment's number_text writes a future's values: a whole number with
// its digits (2000000, not 2e+06), which an integer key reads.
std::string shown(double value) {
  char buffer[64];
  const bool whole = std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15;
  const auto end =
      whole ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed).ptr
            : std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

void check_prior(const UncertainParameter& p, const std::string& path, const Reporter& reporter) {
  const auto given = [&](const char* key) { return key_path(path, key); };
  for (const auto& [bound, value] : {std::pair{"low", p.low}, std::pair{"high", p.high}})
    if (!value || !std::isfinite(*value))
      reporter.expected_at(given(bound), "a finite number (every prior has bounds)",
                           value ? shown(*value) : "nothing",
                           "give low and high: the range of the values the key might take");
  if (!(*p.low < *p.high))
    reporter.expected_at(given("high"), "a number above low (" + shown(*p.low) + ")",
                         shown(*p.high));
  const bool normal = p.prior == Prior::normal;
  const bool beta = p.prior == Prior::beta;
  for (const auto& [key, value, allowed] :
       {std::tuple{"mean", p.mean, normal}, std::tuple{"sd", p.sd, normal},
        std::tuple{"a", p.a, beta}, std::tuple{"b", p.b, beta}}) {
    const bool of_normal = std::string_view(key) == "mean" || std::string_view(key) == "sd";
    if (value && !allowed)
      reporter.expected_at(
          given(key), "no " + std::string(key) + " for this prior", shown(*value),
          of_normal ? "mean and sd belong to prior: normal" : "a and b belong to prior: beta");
    if (allowed && (!value || !std::isfinite(*value)))
      reporter.expected_at(
          given(key), "a finite number", value ? shown(*value) : "nothing",
          normal ? "a normal prior needs mean and sd" : "a beta prior needs a and b");
  }
  if (p.prior == Prior::log_uniform && !(*p.low > 0))
    reporter.expected_at(given("low"), "a number above 0 for a log-uniform prior", shown(*p.low));
  if (normal) {
    if (!(*p.sd > 0)) reporter.expected_at(given("sd"), "a number above 0", shown(*p.sd));
    if (!(*p.mean >= *p.low && *p.mean <= *p.high))
      reporter.expected_at(
          given("mean"),
          "a mean within [low, high] = [" + shown(*p.low) + ", " + shown(*p.high) + "]",
          shown(*p.mean), "the bounds truncate the normal around its mean");
  }
  if (beta)
    for (const auto& [key, value] : {std::pair{"a", p.a}, std::pair{"b", p.b}})
      if (!(*value > 0)) reporter.expected_at(given(key), "a number above 0", shown(*value));
  if (p.integer && !(std::floor(*p.high) >= std::ceil(*p.low)))
    reporter.expected_at(given("high"), "a range holding a whole number (integer: true)",
                         shown(*p.high));
}

// An error's message without its "FILE:LINE:COLUMN: " prefix, for an error
// found in a copy of the tree and reported again where the entry is.
std::string without_location(const std::string& message, const std::string& display_name) {
  if (message.rfind(display_name + ":", 0) != 0) return message;
  std::size_t at = display_name.size();
  for (int field = 0; field < 2 && at != std::string::npos; ++field)
    at = message.find(':', at + 1);
  return at == std::string::npos || message.compare(at, 2, ": ") != 0 ? message
                                                                      : message.substr(at + 2);
}

// The list node of `block` ("uncertain" or "calibrate.parameters") in the tree.
const Value* list_node(const Value& root, std::string_view block, Location& key_at) {
  const Value* node = &root;
  const Entry* entry = nullptr;
  std::size_t from = 0;
  while (from <= block.size()) {
    const std::size_t dot = std::min(block.find('.', from), block.size());
    if (!node->is_map()) return nullptr;
    entry = node->find(std::string(block.substr(from, dot - from)));
    if (entry == nullptr) return nullptr;
    node = &entry->value;
    from = dot + 1;
  }
  key_at = entry->key_at;
  return node->is_list() ? node : nullptr;
}

}  // namespace

void check_priors(const std::vector<UncertainParameter>& list, const std::string& block,
                  std::span<const std::string_view> fixed, const std::string& fixed_hint,
                  const Reporter& reporter) {
  if (list.size() > kMaxUncertain)
    reporter.expected_at(block, "at most " + std::to_string(kMaxUncertain) + " keys",
                         std::to_string(list.size()) + " keys");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& p = list[i];
    const std::string path = index_path(block, i);
    const std::string first = p.path.substr(0, p.path.find('.'));
    for (const std::string_view f : fixed)
      if (first == f)
        reporter.expected_at(key_path(path, "path"), "a key of the world", p.path, fixed_hint);
    if (!seen.insert(p.path).second)
      reporter.expected_at(key_path(path, "path"), "a key not listed before", p.path,
                           "each key has one prior");
    check_prior(p, path, reporter);
  }
}

void check_uncertain(const Scenario& scenario, const Reporter& reporter) {
  check_priors(scenario.uncertain, "uncertain", kFixed,
               "name, seed, arms, sweep, uncertain and calibrate define the experiment; a future "
               "may only change the world it runs in",
               reporter);
}

void check_prior_keys(const Value& root, const std::vector<UncertainParameter>& parameters,
                      const std::string& block, const std::string& display_name) {
  Reporter reporter(display_name);
  Location list_at;
  const Value* list = list_node(root, block, list_at);
  if (list == nullptr) return;
  Value world = root;
  std::erase_if(world.entries, [](const Entry& e) { return e.key == "arms"; });
  for (std::size_t i = 0; i < parameters.size() && i < list->items.size(); ++i) {
    const auto& p = parameters[i];
    const Value& item = list->items[i];
    const Entry* path = item.is_map() ? item.find("path") : nullptr;
    const Location at = path != nullptr ? path->value.at : list_at;
    for (const auto& [bound, value] : {std::pair{"low", *p.low}, std::pair{"high", *p.high}}) {
      const double v = p.integer ? std::round(value) : value;
      Value set;
      set.kind = Value::Kind::scalar;
      set.text = shown(v);
      const Entry* given = item.is_map() ? item.find(bound) : nullptr;
      set.at = given != nullptr ? given->value.at : at;
      Value tree = world;
      const std::string entry = index_path(block, i);
      try {
        Reporter inner(display_name);
        apply_setting(tree, p.path, set, at, inner);
      } catch (const InputError& error) {  // no such key: said at the path
        reporter.fail(at, key_path(entry, "path"), without_location(error.what(), display_name));
      }
      try {
        Reporter inner(display_name);
        check_scenario(read_scenario(tree, inner), inner);
      } catch (const InputError& error) {  // the key exists but refuses the bound
        reporter.fail(set.at, key_path(entry, bound),
                      p.path + " cannot take " + set.text + ": " +
                          without_location(error.what(), display_name));
      }
    }
  }
}

void check_uncertain_keys(const Value& root, const Scenario& scenario,
                          const std::string& display_name) {
  check_prior_keys(root, scenario.uncertain, "uncertain", display_name);
}

}  // namespace detente::scenario::detail

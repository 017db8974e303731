// Distribution fields: a constant number or a map naming the kind and its
// parameters. Parameters of another kind are refused rather than ignored, so
// `{dist: uniform, mean: 0.5}` cannot silently mean uniform on [0, 1].
#include <array>

#include "scenario/detail/field.hpp"
#include "scenario/detail/forms.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/scalars.hpp"
#include "scenario/detail/schema.hpp"
#include "scenario/detail/suggest.hpp"

namespace detente::scenario::detail {
namespace {

using Kind = Distribution::Kind;

constexpr Range kBetaShape = between(0.001, 10'000);

struct Parameter {
  std::string_view key;
  double Distribution::*member;
  Range range;
};

// The parameters each kind takes, in the order they are written.
std::vector<Parameter> parameters_of(Kind kind) {
  switch (kind) {
    case Kind::constant:
      return {{"value", &Distribution::value, unit_interval}};
    case Kind::uniform:
      return {{"low", &Distribution::low, unit_interval},
              {"high", &Distribution::high, unit_interval}};
    case Kind::beta:
      // boost::math's beta quantile fails far outside these (a = 1e308 threw
      // after `check` had passed); they already allow any shape a group can have.
      return {{"a", &Distribution::a, kBetaShape}, {"b", &Distribution::b, kBetaShape}};
    case Kind::normal:
      return {{"mean", &Distribution::mean, unit_interval},
              {"sd", &Distribution::sd, at_least(0.0)}};
  }
  return {};
}

Kind read_kind(const Value& value, const std::string& path, Reporter& reporter) {
  const auto kinds = enum_names(Tag<Kind>{});
  if (value.is_scalar())
    for (std::size_t i = 0; i < kinds.size(); ++i)
      if (value.text == kinds[i]) return static_cast<Kind>(i);
  const std::string_view near = value.is_scalar() ? closest(value.text, kinds) : "";
  reporter.expected(value, path, "one of " + choice_list(kinds),
                    near.empty() ? "" : "did you mean \"" + std::string(near) + "\"?");
}

std::string parameter_list(const std::vector<Parameter>& parameters) {
  std::string out;
  for (const Parameter& p : parameters)
    out += (out.empty() ? "" : " and ") + std::string(p.key);
  return out;
}

}  // namespace

std::string distribution_expectation() {
  return "a number in [0, 1] or a distribution such as {dist: uniform, low: 0.2, high: 0.6}";
}

Distribution read_distribution(const Value& value, const std::string& path, Reporter& reporter) {
  reporter.record(path, value);
  Distribution out;
  if (value.is_scalar()) {
    const auto number = parse_number(value.text);
    if (!number || !unit_interval.contains(*number))
      reporter.expected(value, path, distribution_expectation());
    out.value = *number;
    return out;
  }
  if (!value.is_map()) reporter.expected(value, path, distribution_expectation());

  const Entry* dist = value.find("dist");
  if (dist == nullptr)
    reporter.fail(value.at, key_path(path, "dist"),
                  "expected one of " + choice_list(enum_names(Tag<Kind>{})) +
                      ", got nothing; a distribution map names its kind, e.g. {dist: beta, a: 2, "
                      "b: 5}");
  out.kind = read_kind(dist->value, key_path(path, "dist"), reporter);
  const std::vector<Parameter> parameters = parameters_of(out.kind);

  for (const Entry& entry : value.entries) {
    if (entry.key == "dist") continue;
    const std::string entry_path = key_path(path, entry.key);
    const Parameter* parameter = nullptr;
    for (const Parameter& p : parameters)
      if (p.key == entry.key) parameter = &p;
    if (parameter == nullptr) {
      std::vector<std::string_view> keys;
      for (const Parameter& p : parameters)
        keys.push_back(p.key);
      const std::string_view near = closest(entry.key, keys);
      reporter.fail(entry.key_at, entry_path,
                    "unknown key for a " + std::string(name_of(out.kind)) + " distribution; " +
                        (near.empty() ? "it takes " + parameter_list(parameters)
                                      : "did you mean \"" + std::string(near) + "\"?"));
    }
    reporter.record(entry_path, entry.value);
    const auto number = entry.value.is_scalar() ? parse_number(entry.value.text) : std::nullopt;
    if (!number || !parameter->range.contains(*number))
      reporter.expected(entry.value, entry_path, number_expectation(parameter->range));
    out.*parameter->member = *number;
  }

  // Both bounds default inside [0, 1], so low > high means both were given.
  if (out.kind == Kind::uniform && out.low > out.high)
    reporter.expected(value.find("high")->value, key_path(path, "high"),
                      "a number in [" + format_number(out.low) + ", 1] (not below low)");
  return out;
}

std::string distribution_yaml(const Distribution& distribution) {
  if (distribution.kind == Kind::constant) return format_number(distribution.value);
  std::string out = "{dist: " + std::string(name_of(distribution.kind));
  for (const Parameter& p : parameters_of(distribution.kind))
    out += ", " + std::string(p.key) + ": " + format_number(distribution.*p.member);
  return out + "}";
}

}  // namespace detente::scenario::detail

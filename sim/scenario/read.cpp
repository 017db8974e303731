// Generic reading over the schema: each member type has one `read` overload;
// a struct reads its map entry by entry in file order, so the first error a
// person sees is the first one in their file.
#include "scenario/detail/read.hpp"

#include <algorithm>
#include <span>

#include "scenario/detail/field.hpp"
#include "scenario/detail/forms.hpp"
#include "scenario/detail/intervention_types.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/scalars.hpp"
#include "scenario/detail/schema.hpp"
#include "scenario/detail/suggest.hpp"

namespace detente::scenario::detail {
namespace {

template <Described T>
T read_struct(const Value& node, const std::string& path, Reporter& r,
              std::span<const std::string_view> other_keys = {}, T out = T{});

// ---- what each member type expects, for messages ---------------------------

template <class M>
std::string expectation(const FieldInfo& info) {
  if constexpr (std::is_same_v<M, double>) {
    return number_expectation(info.range);
  } else if constexpr (std::is_same_v<M, std::int64_t>) {
    return integer_expectation(info.range);
  } else if constexpr (std::is_same_v<M, std::uint64_t>) {
    return "a non-negative integer";
  } else if constexpr (std::is_same_v<M, bool>) {
    return "true or false";
  } else if constexpr (std::is_same_v<M, std::string>) {
    return text_expectation(info.text);
  } else if constexpr (Named<M>) {
    return "one of " + choice_list(enum_names(Tag<M>{}));
  } else if constexpr (std::is_same_v<M, Distribution>) {
    return distribution_expectation();
  } else if constexpr (std::is_same_v<M, std::vector<RoleShare>>) {
    return roles_expectation();
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    return info.text == Text::name ? "a list of names, e.g. [camp, campaign]"
           : info.text == Text::outcome
               ? "a list of outcomes, metric or metric/subject, e.g. [political_space, "
                 "mean/north->south]"
               : "a list of group names, e.g. [north, south]";
  } else if constexpr (std::is_same_v<M, std::vector<ArmSetting>>) {
    return arm_settings_expectation();
  } else if constexpr (std::is_same_v<M, std::vector<std::int64_t>>) {
    return "a list of integers " + range_text(info.range);
  } else if constexpr (std::is_same_v<M, std::vector<double>>) {
    return "a list of numbers, e.g. [0.1, 0.2]";
  } else if constexpr (IsOptional<M>::value) {
    return expectation<typename IsOptional<M>::Inner>(info) + " (or null to unset it)";
  } else if constexpr (StructList<M>) {
    return "a list of " + std::string(entry_noun(Tag<typename IsVector<M>::Element>{})) +
           "s, one map each";
  } else {
    static_assert(Described<M>, "a member type the schema cannot read");
    std::string keys;
    for (const std::string_view k : keys_of<M>())
      keys += (keys.empty() ? "" : ", ") + std::string(k);
    return "a map with keys " + keys;
  }
}

// ---- one overload per member type -----------------------------------------

std::string scalar_or_fail(const Value& v, const std::string& path, const std::string& what,
                           Reporter& r) {
  if (!v.is_scalar()) r.expected(v, path, what);
  return v.text;
}

// `current` is the member's default in its parent struct: a nested section
// the file gives in part keeps the parent's defaults for the keys it leaves
// out (an exchange's conditions start from the exchange's, not from
// Conditions{}).
template <class M>
M read_value(const Value& v, const FieldInfo& info, const std::string& path, Reporter& r,
             const M& current) {
  r.record(path, v);
  const std::string what = expectation<M>(info);
  if constexpr (std::is_same_v<M, double>) {
    const auto n = parse_number(scalar_or_fail(v, path, what, r));
    if (!n || !info.range.contains(*n)) r.expected(v, path, what);
    return *n;
  } else if constexpr (std::is_same_v<M, std::int64_t>) {
    const auto n = parse_integer(scalar_or_fail(v, path, what, r));
    if (!n || !info.range.contains(static_cast<double>(*n))) r.expected(v, path, what);
    return *n;
  } else if constexpr (std::is_same_v<M, std::uint64_t>) {
    const auto n = parse_unsigned(scalar_or_fail(v, path, what, r));
    if (!n) r.expected(v, path, what);
    return *n;
  } else if constexpr (std::is_same_v<M, bool>) {
    const auto b = parse_bool(scalar_or_fail(v, path, what, r));
    if (!b) r.expected(v, path, what);
    return *b;
  } else if constexpr (std::is_same_v<M, std::string>) {
    std::string text = scalar_or_fail(v, path, what, r);
    if ((info.text == Text::non_empty && text.empty()) ||
        (info.text == Text::name && !is_name(text)))
      r.expected(v, path, what);
    return text;
  } else if constexpr (Named<M>) {
    const auto names = enum_names(Tag<M>{});
    const std::string text = scalar_or_fail(v, path, what, r);
    for (std::size_t i = 0; i < names.size(); ++i)
      if (text == names[i]) return static_cast<M>(i);
    const std::string_view near = closest(text, names);
    r.expected(v, path, what, near.empty() ? "" : "did you mean \"" + std::string(near) + "\"?");
  } else if constexpr (std::is_same_v<M, Distribution>) {
    return read_distribution(v, path, r);
  } else if constexpr (std::is_same_v<M, std::vector<RoleShare>>) {
    return read_roles(v, path, r);
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    if (!v.is_list()) r.expected(v, path, what);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      const std::string item_path = index_path(path, i);
      r.record(item_path, v.items[i]);
      const std::string item = info.text == Text::name ? "a name of letters, digits, '_' and '-'"
                               : info.text == Text::outcome ? text_expectation(Text::outcome)
                                                            : "a group name";
      names.push_back(scalar_or_fail(v.items[i], item_path, item, r));
      if (info.text == Text::name && !is_name(names.back()))
        r.expected(v.items[i], item_path, item);
    }
    return names;
  } else if constexpr (std::is_same_v<M, std::vector<ArmSetting>>) {
    return read_arm_settings(v, path, r);
  } else if constexpr (std::is_same_v<M, std::vector<std::int64_t>>) {
    if (!v.is_list()) r.expected(v, path, what);
    std::vector<std::int64_t> numbers;
    for (std::size_t i = 0; i < v.items.size(); ++i)
      numbers.push_back(
          read_value<std::int64_t>(v.items[i], info, index_path(path, i), r, std::int64_t{}));
    return numbers;
  } else if constexpr (std::is_same_v<M, std::vector<double>>) {
    if (!v.is_list()) r.expected(v, path, what);
    std::vector<double> numbers;
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      const std::string item_path = index_path(path, i);
      r.record(item_path, v.items[i]);
      const auto n = parse_number(scalar_or_fail(v.items[i], item_path, "a number", r));
      if (!n) r.expected(v.items[i], item_path, "a number");
      numbers.push_back(*n);
    }
    return numbers;
  } else if constexpr (IsOptional<M>::value) {
    if (v.is_null()) return std::nullopt;
    using Inner = typename IsOptional<M>::Inner;
    return read_value<Inner>(v, info, path, r, current ? *current : Inner{});
  } else if constexpr (StructList<M>) {
    if (!v.is_list()) r.expected(v, path, what);
    M list;
    for (std::size_t i = 0; i < v.items.size(); ++i)
      list.push_back(
          read_struct<typename IsVector<M>::Element>(v.items[i], index_path(path, i), r));
    return list;
  } else {
    if (!v.is_map()) r.expected(v, path, what);
    return read_struct<M>(v, path, r, {}, current);
  }
}

// ---- structs ---------------------------------------------------------------

// The keys of intervention type `index`, from the same entry as the common
// ones (which that type's table leaves to the common one).
template <std::size_t I = 0>
InterventionParams read_type_keys(std::size_t index, const Value& node, const std::string& path,
                                  Reporter& r) {
  if constexpr (I + 1 < std::variant_size_v<InterventionParams>)
    if (index != I) return read_type_keys<I + 1>(index, node, path, r);
  using P = std::variant_alternative_t<I, InterventionParams>;
  const auto common = keys_of<Intervention>();
  return InterventionParams(std::in_place_index<I>, read_struct<P>(node, path, r, common));
}

// Checks that belong to one entry once it is read.
void finish(Intervention& intervention, const Value& node, const std::string& path, Reporter& r) {
  check_intervention(intervention, node, path, r);
  intervention.params = read_type_keys(type_index(intervention.type), node, path, r);
}
template <class T>
void finish(T&, const Value&, const std::string&, Reporter&) {}

// Keys that older scenarios used, with where their meaning lives now.
inline std::string_view retired_key_hint(std::string_view path) {
  constexpr std::string_view kGovernance =
      "governance is now an intervention of its own, paid, scheduled and able to fail like a "
      "programme: add `- {name: governance, type: governance, every: 26}` under interventions "
      "(its keys: rotating_leadership, shared_reporting, peer_review, practice_gain, "
      "review_gain, review_fault, fault_loss, lead_time)";
  for (const std::string_view old :
       {"convener.governance", "convener.practice_gain", "convener.review_gain"})
    if (path == old) return kGovernance;
  return {};
}

// `other_keys` belong to another table reading the same map (an
// intervention's common keys, when its type's keys are read).
template <Described T>
T read_struct(const Value& node, const std::string& path, Reporter& r,
              std::span<const std::string_view> other_keys, T out) {
  r.record(path, node);
  if (!node.is_map()) r.expected(node, path, expectation<T>(FieldInfo()));
  for (const Entry& entry : node.entries) {
    if (std::find(other_keys.begin(), other_keys.end(), entry.key) != other_keys.end()) continue;
    const std::string entry_path = key_path(path, entry.key);
    const bool known = find_field<T>([&](const auto& f) {
      if (f.info.key != entry.key) return false;
      using M = typename std::remove_cvref_t<decltype(f)>::Member;
      out.*f.member = read_value<M>(entry.value, f.info, entry_path, r, out.*f.member);
      return true;
    });
    if (!known && !takes_type_keys(Tag<T>{})) {
      auto keys = keys_of<T>();
      keys.insert(keys.end(), other_keys.begin(), other_keys.end());
      const std::string_view moved = retired_key_hint(entry_path);
      r.fail(entry.key_at, entry_path,
             "unknown key; " + (moved.empty() ? suggestion(entry.key, keys) : std::string(moved)));
    }
  }
  for_each_field<T>([&](const auto& f) {
    if (f.info.need != Need::required || node.find(f.info.key) != nullptr) return;
    using M = typename std::remove_cvref_t<decltype(f)>::Member;
    r.fail(node.at, key_path(path, f.info.key),
           "expected " + expectation<M>(f.info) + ", got nothing; this key is required");
  });
  finish(out, node, path, r);
  return out;
}

}  // namespace

Scenario read_scenario(const Value& root, Reporter& reporter) {
  if (root.is_null())
    reporter.fail(Location{}, "",
                  "expected a scenario (a map with keys such as name, population and dynamics), "
                  "got an empty file");
  if (!root.is_map())
    reporter.fail(root.at, "",
                  "expected a map of keys (name, population, dynamics, …) at the top level, got " +
                      describe(root));
  return read_struct<Scenario>(root, "", reporter);
}

}  // namespace detente::scenario::detail

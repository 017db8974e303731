// Overrides walk the schema alongside the tree: a key must exist in the
// schema (with a did-you-mean when it does not), but need not exist in the
// file; list entries must exist, found by name or index.
#include "scenario/detail/overrides.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/printable.hpp"
#include "scenario/detail/field.hpp"
#include "scenario/detail/parse_yaml.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/schema.hpp"
#include "scenario/detail/suggest.hpp"

namespace detente::scenario::detail {
namespace {

// One override (or one setting of an arm) being applied; `at` locates it.
struct Assignment {
  Location at;
  std::vector<std::string> segments;
  Value value;
  const Reporter& reporter;

  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    reporter.fail(at, path, message);
  }
  bool is_last(std::size_t i) const { return i + 1 == segments.size(); }
  // The override's own path up to segment i, as the user writes it.
  std::string given_path(std::size_t i) const {
    std::string out;
    for (std::size_t k = 0; k <= i; ++k)
      out += (k == 0 ? "" : ".") + segments[k];
    return out;
  }
};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = path.find('.', start);
    segments.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) return segments;
    start = dot + 1;
  }
}

void assign(Value& map, const std::string& key, const Value& value) {
  if (Entry* e = map.find(key))
    e->value = value;
  else
    map.entries.push_back(Entry{key, value.at, value});
}

// The entry of `list` called `selector` (by its `name`) or at that index.
std::size_t select(const Value& list, const std::string& selector, const std::string& path,
                   const Assignment& a) {
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const Entry* name = list.items[i].is_map() ? list.items[i].find("name") : nullptr;
    if (name != nullptr && name->value.is_scalar()) {
      if (name->value.text == selector) return i;
      names.push_back(name->value.text);
    }
  }
  if (const auto index = index_of(selector); index && *index < list.items.size()) return *index;
  const std::string count = std::to_string(list.items.size());
  std::string entries = list.items.empty() ? "the list is empty"
                                           : "the list has " + count + " entries (0 to " +
                                                 std::to_string(list.items.size() - 1) + ")";
  if (!names.empty()) {
    std::string all;
    for (const std::string_view n : names)
      all += (all.empty() ? "" : ", ") + std::string(n);
    entries += " named " + all;
  }
  const std::string_view near = closest(selector, names);
  a.fail(path, "expected the name or index of an entry, got \"" + selector + "\"; " + entries +
                   (near.empty() ? "" : "; did you mean \"" + std::string(near) + "\"?"));
}

// Below a key whose value has no schema of its own (a distribution's map,
// roles, a list of names, an intervention's type keys): follow the tree.
void set_structural(Value& node, std::size_t i, const std::string& path, const Assignment& a) {
  const std::string& segment = a.segments[i];
  if (node.is_map()) {
    const std::string here = key_path(path, segment);
    if (a.is_last(i)) return assign(node, segment, a.value);
    Entry* e = node.find(segment);
    if (e == nullptr) a.fail(here, "no such key in the file to set a value inside");
    return set_structural(e->value, i + 1, here, a);
  }
  if (node.is_list()) {
    const auto found = index_of(segment);
    if (!found || *found >= node.items.size())
      a.fail(path, "expected an index from 0 to " + std::to_string(node.items.size()) +
                       " (exclusive), got \"" + segment + "\"");
    const std::size_t index = *found;
    if (a.is_last(i)) {
      node.items[index] = a.value;
      return;
    }
    return set_structural(node.items[index], i + 1, index_path(path, index), a);
  }
  a.fail(path, "expected a map or list to set \"" + segment + "\" in, got " + describe(node) +
                   "; set the whole value instead: --set " + a.given_path(i - 1) + "=...");
}

template <Described T>
void set_in_struct(Value& node, std::size_t i, const std::string& path, const Assignment& a);

template <class M>
void set_in_member(Value& map, std::size_t i, const std::string& here, const Assignment& a) {
  const std::string& key = a.segments[i];
  if (a.is_last(i)) return assign(map, key, a.value);
  Entry* e = map.find(key);
  if constexpr (StructList<M>) {
    if (e == nullptr || !e->value.is_list())
      a.fail(here, "expected a list in the file to pick entry \"" + a.segments[i + 1] +
                       "\" from, got " + (e == nullptr ? "nothing" : describe(e->value)) +
                       "; set the whole list instead: --set " + a.given_path(i) + "=[...]");
    const std::size_t index = select(e->value, a.segments[i + 1], here, a);
    Value& item = e->value.items[index];
    if (i + 2 == a.segments.size()) {
      item = a.value;
      return;
    }
    set_in_struct<typename IsVector<M>::Element>(item, i + 2, index_path(here, index), a);
  } else if constexpr (Described<M>) {
    if (e == nullptr) {
      map.entries.push_back(Entry{key, a.at, Value{}});
      e = &map.entries.back();
    }
    if (e->value.is_null()) {
      e->value.kind = Value::Kind::map;
      e->value.at = a.at;
    }
    set_in_struct<M>(e->value, i + 1, here, a);
  } else {
    if (e == nullptr)
      a.fail(here, "expected a value in the file to set \"" + a.segments[i + 1] +
                       "\" inside, got nothing; set the whole value instead: --set " +
                       a.given_path(i) + "=...");
    set_structural(e->value, i + 1, here, a);
  }
}

template <Described T>
void set_in_struct(Value& node, std::size_t i, const std::string& path, const Assignment& a);

// An intervention's type keys: through the table of the type its entry names,
// so `interventions.camp.conditions.framing` works when the file leaves
// `conditions` out. Without a known type, the tree is followed as it is.
template <std::size_t I = 0>
void set_type_key(Value& node, std::size_t i, const std::string& path, const Assignment& a) {
  if constexpr (I < std::variant_size_v<InterventionParams>) {
    using P = std::variant_alternative_t<I, InterventionParams>;
    const Entry* type = node.find("type");
    if (type != nullptr && type->value.is_scalar() && type->value.text == P::kType)
      return set_in_struct<P>(node, i, path, a);
    return set_type_key<I + 1>(node, i, path, a);
  } else {
    set_structural(node, i, path, a);
  }
}

template <Described T>
void set_in_struct(Value& node, std::size_t i, const std::string& path, const Assignment& a) {
  if (!node.is_map())
    a.fail(path, "expected a map to set \"" + a.segments[i] + "\" in, got " + describe(node));
  const std::string here = key_path(path, a.segments[i]);
  const bool known = find_field<T>([&](const auto& f) {
    if (f.info.key != a.segments[i]) return false;
    set_in_member<typename std::remove_cvref_t<decltype(f)>::Member>(node, i, here, a);
    return true;
  });
  if (known) return;
  if constexpr (std::is_same_v<T, Intervention>) return set_type_key(node, i, path, a);
  const auto keys = keys_of<T>();
  a.fail(here, "unknown key; " + suggestion(a.segments[i], keys));
}

}  // namespace

std::string override_label(const Override& override_) {
  constexpr std::size_t kShown = 120;
  const std::string label = !override_.label.empty()
                                ? override_.label
                                : "--set " + override_.path + "=" + override_.value;
  if (label.size() <= kShown) return printable(label);
  return printable(label.substr(0, kShown)) + "… (" + std::to_string(label.size()) + " bytes)";
}

void apply_overrides(Value& root, std::span<const Override> overrides, const Reporter& reporter,
                     YamlBudget& budget) {
  if (!root.is_map()) return;  // reading reports the file's own problem first
  for (const Override& o : overrides) {
    const std::string label = override_label(o);
    Assignment a{Location{label, 1, 1}, split_path(o.path),
                 parse_override_value(o.value, label, o.path, budget), reporter};
    set_in_struct<Scenario>(root, 0, "", a);
  }
}

void apply_setting(Value& root, const std::string& path, const Value& value, const Location& at,
                   const Reporter& reporter) {
  Assignment a{at, split_path(path), value, reporter};
  for (const std::string& segment : a.segments)
    if (segment.empty())
      reporter.fail(at, path,
                    "expected a key path with one dot between keys, got \"" + path + "\"");
  set_in_struct<Scenario>(root, 0, "", a);
}

}  // namespace detente::scenario::detail

namespace detente::scenario {

Override parse_override(const std::string& assignment) {
  const std::size_t equals = assignment.find('=');
  const std::string usage = "; write PATH=VALUE, e.g. --set dynamics.influence.confidence=0.3";
  if (equals == std::string::npos || equals == 0)
    throw InputError("--set " + assignment + ": expected PATH=VALUE, got \"" + assignment + "\"" +
                     usage);
  Override o{assignment.substr(0, equals), assignment.substr(equals + 1)};
  for (const std::string& segment : detail::split_path(o.path))
    if (segment.empty())
      throw InputError("--set " + assignment + ": expected a key path with one dot between keys, " +
                       "got \"" + o.path + "\"" + usage);
  return o;
}

}  // namespace detente::scenario

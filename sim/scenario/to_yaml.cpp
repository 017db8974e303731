// The resolved scenario as block YAML, every key in schema order. Numbers
// use the shortest text that reads back exactly, so load_text(to_yaml(s)) == s.
#include <variant>

#include "scenario/detail/field.hpp"
#include "scenario/detail/schema.hpp"
#include "scenario/detail/show.hpp"
#include "scenario/load.hpp"

namespace detente::scenario {
namespace detail {
namespace {

template <Described T>
void write_struct(const T& value, std::size_t indent, std::string& out);

template <class M>
void write_member(std::string_view key, const M& value, std::size_t indent, std::string& out) {
  const std::string lead = std::string(indent, ' ') + std::string(key) + ":";
  if constexpr (IsOptional<M>::value) {
    if (value) write_member(key, *value, indent, out);  // unset: the key is left out
  } else if constexpr (Inline<M>) {
    out += lead + " " + show(value) + "\n";
  } else if constexpr (StructList<M>) {
    if (value.empty()) {
      out += lead + " []\n";
      return;
    }
    out += lead + "\n";
    for (const auto& item : value) {
      // Write the entry two deeper, then turn the first line's indent into "- ".
      std::string entry;
      write_struct(item, indent + 4, entry);
      entry.replace(indent + 2, 2, "- ");
      out += entry;
    }
  } else {
    out += lead + "\n";
    write_struct(value, indent + 2, out);
  }
}

template <Described T>
void write_struct(const T& value, std::size_t indent, std::string& out) {
  for_each_field<T>([&](const auto& f) { write_member(f.info.key, value.*f.member, indent, out); });
  // An intervention's type keys follow its common keys in the same map.
  if constexpr (std::is_same_v<T, Intervention>)
    std::visit([&](const auto& params) { write_struct(params, indent, out); }, value.params);
}

}  // namespace
}  // namespace detail

std::string to_yaml(const Scenario& scenario) {
  std::string out;
  detail::write_struct(scenario, 0, out);
  return out;
}

}  // namespace detente::scenario

#pragma once
// The vocabulary of the schema (schema.hpp): a field binds a YAML key to a
// struct member by member pointer, with its unit, range and description. The
// default is never written here; it is read from a default-constructed struct.
//
// Reading, writing, the parameter table and overrides are generic algorithms
// over these descriptors (read.cpp, to_yaml.cpp, parameters.cpp,
// overrides.cpp); they dispatch on the member's C++ type.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "scenario/scenario.hpp"

namespace detente::scenario::detail {

// Numeric bounds; infinite = unbounded. Integers use the same type.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_open = false;
  bool max_open = false;

  bool contains(double v) const {
    return (min_open ? v > min : v >= min) && (max_open ? v < max : v <= max);
  }
};

constexpr Range between(double lo, double hi) {
  return Range{lo, hi, false, false};
}
constexpr Range at_least(double lo) {
  return Range{lo, std::numeric_limits<double>::infinity(), false, false};
}
constexpr Range above(double lo) {
  return Range{lo, std::numeric_limits<double>::infinity(), true, false};
}
constexpr Range unit_interval = between(0.0, 1.0);

// Upper bounds of the integer keys. Every integer key has one (a test walks
// the parameter table), so that no sum or product of keys can overflow and no
// count can ask for more than a machine has before the memory estimate
// (experiment/footprint) even runs. Each is far beyond any study: ten
// million steps are 190,000 years of weeks; a hundred million agents are
// more than a run of this model fits in memory.
constexpr double kMostSteps = 10'000'000;
constexpr double kMostAgents = 100'000'000;
constexpr double kMostCount = 1'000'000;  // samples, replicates, ties per agent, repetitions
// Weights, factors and rates that enter single-precision arithmetic: far
// below float's largest value, so a weighted mean stays finite (a
// self_weight of 1e39 made every trust value NaN).
constexpr double kMostWeight = 1'000'000;
constexpr double kMostMoney = 1e15;  // costs and budgets, in the scenario's currency
constexpr Range steps_from(double lo) {
  return between(lo, kMostSteps);
}
constexpr Range agents_from(double lo) {
  return between(lo, kMostAgents);
}
constexpr Range count_from(double lo) {
  return between(lo, kMostCount);
}

enum class Need { optional, required };

// What a string field accepts.
enum class Text {
  any,        // free text
  non_empty,  // a label such as step_unit
  name,       // letters, digits, '_', '-' (see scalars.hpp is_name)
  path,       // a file path, resolved relative to the scenario file
  outcome,    // an outcome: metric or metric/subject (outputs.headline)
};

struct FieldInfo {
  std::string_view key;
  std::string_view unit;
  Range range;
  Need need = Need::optional;
  Text text = Text::any;
  std::string_view description;
};

// Built in the schema as
//   field(&Influence::rate, "rate").unit("per step").range(unit_interval).about("…")
template <class T, class M>
struct Field {
  using Struct = T;
  using Member = M;
  M T::*member;
  FieldInfo info;

  constexpr Field unit(std::string_view u) const {
    return with([&](FieldInfo& i) { i.unit = u; });
  }
  constexpr Field range(Range r) const {
    return with([&](FieldInfo& i) { i.range = r; });
  }
  constexpr Field required() const {
    return with([](FieldInfo& i) { i.need = Need::required; });
  }
  constexpr Field text(Text t) const {
    return with([&](FieldInfo& i) { i.text = t; });
  }
  constexpr Field about(std::string_view d) const {
    return with([&](FieldInfo& i) { i.description = d; });
  }

 private:
  template <class F>
  constexpr Field with(F&& change) const {
    Field copy = *this;
    change(copy.info);
    return copy;
  }
};

template <class T, class M>
constexpr Field<T, M> field(M T::*member, std::string_view key) {
  FieldInfo info;
  info.key = key;
  return Field<T, M>{member, info};
}

// Tag for the schema lookup `fields(Tag<T>{})`, found by argument-dependent
// lookup in this namespace.
template <class T>
struct Tag {};

template <class T>
concept Described = requires {
  fields(Tag<T>{});
};

template <class T>
constexpr auto fields_of() {
  return fields(Tag<T>{});
}

// Enum names in enumerator order: `enum_names(Tag<E>{})` returns a std::array of
// string_views (see schema.hpp).
template <class E>
concept Named = std::is_enum_v<E> && requires {
  enum_names(Tag<E>{});
};

template <Named E>
constexpr std::string_view name_of(E value) {
  return enum_names(Tag<E>{})[static_cast<std::size_t>(value)];
}

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {
  using Element = T;
};

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {
  using Inner = T;
};

// A list of described structs (population.groups, media, …).
template <class M>
concept StructList = IsVector<M>::value && Described<typename IsVector<M>::Element>;

// Calls `f(field)` for each field of T, in schema order, until f returns true.
template <class T, class F>
constexpr bool find_field(F&& f) {
  return std::apply([&](const auto&... field) { return (f(field) || ...); }, fields_of<T>());
}

template <class T, class F>
constexpr void for_each_field(F&& f) {
  std::apply([&](const auto&... field) { (f(field), ...); }, fields_of<T>());
}

template <class T>
constexpr std::size_t field_count() {
  return std::tuple_size_v<decltype(fields_of<T>())>;
}

template <class T>
std::vector<std::string_view> keys_of() {
  std::vector<std::string_view> keys;
  for_each_field<T>([&](const auto& f) { keys.push_back(f.info.key); });
  return keys;
}

// Members of an aggregate, counted by brace-initialising it from ever more
// convertible placeholders. Lets the schema static_assert that it lists every
// member, so a member added to scenario.hpp but not to the table fails to compile.
struct AnyMember {
  template <class U>
  operator U() const;
};

template <class T, std::size_t... I>
constexpr bool brace_initialisable(std::index_sequence<I...>) {
  return requires {
    T{(void(I), AnyMember{})...};
  };
}

template <class T, std::size_t N = 0>
constexpr std::size_t member_count() {
  if constexpr (brace_initialisable<T>(std::make_index_sequence<N + 1>{}))
    return member_count<T, N + 1>();
  else
    return N;
}

// Texts shared by messages and the parameter table.
std::string range_text(const Range& range);                        // "[0, 1]", "≥ 0", "> 0"
std::string number_expectation(const Range& range);                // "a number in [0, 1]"
std::string integer_expectation(const Range& range);               // "a positive integer"
std::string text_expectation(Text text);                           // "a string", "a name (…)"
std::string choice_list(std::span<const std::string_view> names);  // "a | b | c"

}  // namespace detente::scenario::detail

// The parameter table, walked from the same schema as reading and writing:
// one row per key, defaults read from default-constructed structs.
#include "scenario/parameters.hpp"

#include "scenario/detail/field.hpp"
#include "scenario/detail/plain_words.hpp"
#include "scenario/detail/schema.hpp"
#include "scenario/detail/show.hpp"

namespace detente::scenario {
namespace detail {
namespace {

template <class M>
std::string type_of(const FieldInfo& info) {
  if constexpr (std::is_same_v<M, double>) {
    return "number";
  } else if constexpr (std::is_same_v<M, std::int64_t> || std::is_same_v<M, std::uint64_t>) {
    return "integer";
  } else if constexpr (std::is_same_v<M, bool>) {
    return "boolean";
  } else if constexpr (std::is_same_v<M, std::string>) {
    return info.text == Text::name ? "name" : info.text == Text::path ? "path" : "string";
  } else if constexpr (Named<M>) {
    return "one of";
  } else if constexpr (std::is_same_v<M, Distribution>) {
    return "distribution";
  } else if constexpr (std::is_same_v<M, std::vector<RoleShare>>) {
    return "map role → share";
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    return info.text == Text::name      ? "list of names"
           : info.text == Text::outcome ? "list of outcomes"
                                        : "list of group names";
  } else if constexpr (std::is_same_v<M, std::vector<ArmSetting>>) {
    return "map key path → value";
  } else if constexpr (std::is_same_v<M, std::vector<std::int64_t>>) {
    return "list of integers";
  } else if constexpr (std::is_same_v<M, std::vector<double>>) {
    return "list of numbers";
  } else if constexpr (IsOptional<M>::value) {
    return type_of<typename IsOptional<M>::Inner>(info) + " (optional)";
  } else if constexpr (StructList<M>) {
    return "list";
  } else {
    return "section";
  }
}

template <class M>
std::string range_of(const FieldInfo& info) {
  if constexpr (IsOptional<M>::value) {
    return range_of<typename IsOptional<M>::Inner>(info);
  } else if constexpr (std::is_same_v<M, double> || std::is_same_v<M, std::int64_t> ||
                       std::is_same_v<M, std::uint64_t> || std::is_same_v<M, Distribution> ||
                       std::is_same_v<M, std::vector<std::int64_t>>) {
    return std::is_same_v<M, Distribution> ? "[0, 1]" : range_text(info.range);
  } else if constexpr (Named<M>) {
    return choice_list(enum_names(Tag<M>{}));
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    return info.text == Text::outcome ? "metric or metric/subject" : "";
  } else if constexpr (std::is_same_v<M, std::string>) {
    return info.text == Text::name        ? "letters, digits, _ and -"
           : info.text == Text::non_empty ? "non-empty"
                                          : "";
  } else {
    return "";
  }
}

template <class M>
std::string default_of(const M& value) {
  if constexpr (IsOptional<M>::value) {
    return value ? default_of(*value) : "unset";
  } else if constexpr (Inline<M>) {
    return show(value);
  } else if constexpr (StructList<M>) {
    return value.empty() ? "[]" : std::to_string(value.size()) + " entries";
  } else {
    return "";
  }
}

// `defaults` is the section as its parent default-constructs it: a nested
// section's defaults are its owner's (an exchange's conditions are good ones),
// not those of the section type on its own.
template <Described T>
void add_rows(const std::string& prefix, std::vector<ParameterInfo>& rows, const T& defaults = T{});

// Each intervention type's own keys, as interventions[type=NAME].key.
template <std::size_t I = 0>
void add_type_rows(std::vector<ParameterInfo>& rows) {
  if constexpr (I < std::variant_size_v<InterventionParams>) {
    using P = std::variant_alternative_t<I, InterventionParams>;
    add_rows<P>("interventions[type=" + std::string(P::kType) + "]", rows);
    add_type_rows<I + 1>(rows);
  }
}

template <Described T>
void add_rows(const std::string& prefix, std::vector<ParameterInfo>& rows, const T& defaults) {
  for_each_field<T>([&](const auto& f) {
    using M = typename std::remove_cvref_t<decltype(f)>::Member;
    const std::string path =
        prefix.empty() ? std::string(f.info.key) : prefix + "." + std::string(f.info.key);
    // A required key has no default to show.
    const bool required = f.info.need == Need::required;
    rows.push_back(ParameterInfo{path, type_of<M>(f.info), std::string(f.info.unit),
                                 required ? std::string{} : default_of(defaults.*f.member),
                                 range_of<M>(f.info),
                                 (required ? "Required. " : "") + std::string(f.info.description)});
    if (const PlainWords* words = plain_words(path)) {
      rows.back().label = words->label;
      rows.back().help = words->help;
      rows.back().people_unit = words->unit;
      rows.back().advanced = words->advanced;
    }
    if constexpr (StructList<M>)
      add_rows<typename IsVector<M>::Element>(path + "[]", rows);
    else if constexpr (Described<M>)
      add_rows<M>(path, rows, defaults.*f.member);
  });
  if constexpr (std::is_same_v<T, Intervention>) add_type_rows(rows);
}

// A Markdown cell: pipes would end the cell.
std::string cell(const std::string& text) {
  std::string out;
  for (const char c : text)
    out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace
}  // namespace detail

std::vector<ParameterInfo> parameter_table() {
  std::vector<ParameterInfo> rows;
  detail::add_rows<Scenario>("", rows);
  return rows;
}

std::string parameter_table_markdown() {
  std::string out =
      "| key | type | unit | default | range | description |\n"
      "|---|---|---|---|---|---|\n";
  for (const ParameterInfo& row : parameter_table()) {
    out += "| `" + row.path + "` | " + detail::cell(row.type) + " | " + detail::cell(row.unit) +
           " | " + (row.default_value.empty() ? "" : "`" + detail::cell(row.default_value) + "`") +
           " | " + detail::cell(row.range) + " | " + detail::cell(row.description) + " |\n";
  }
  return out;
}

}  // namespace detente::scenario

// Lookups walk the tree of the resolved YAML, so they see every key the
// schema writes (type-specific intervention keys included) without a second
// walk over the structs.
#include "scenario/lookup.hpp"

#include <algorithm>

#include "scenario/detail/parse_yaml.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/load.hpp"

namespace detente::scenario {
namespace {

using detail::Value;

std::vector<std::string> split(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = path.find('.', start);
    segments.emplace_back(path.substr(start, dot - start));
    if (dot == std::string_view::npos) return segments;
    start = dot + 1;
  }
}

const Value* entry_of(const Value& list, const std::string& selector) {
  for (const Value& item : list.items) {
    const detail::Entry* name = item.is_map() ? item.find("name") : nullptr;
    if (name != nullptr && name->value.is_scalar() && name->value.text == selector) return &item;
  }
  if (const auto index = detail::index_of(selector); index && *index < list.items.size())
    return &list.items[*index];
  return nullptr;
}

// The node at `path` in the resolved tree `root`, or nullptr.
const Value* find(const Value& root, std::string_view path) {
  const Value* node = &root;
  for (const std::string& segment : split(path)) {
    if (node->is_map()) {
      const detail::Entry* e = node->find(segment);
      node = e == nullptr ? nullptr : &e->value;
    } else if (node->is_list()) {
      node = entry_of(*node, segment);
    } else {
      node = nullptr;
    }
    if (node == nullptr) return nullptr;
  }
  return node;
}

Value resolved_tree(const Scenario& scenario) {
  detail::YamlBudget budget(detail::YamlLimits::internal());
  return detail::parse_document(to_yaml(scenario), "resolved scenario", budget);
}

}  // namespace

std::optional<std::string> lookup(const Scenario& scenario, std::string_view path) {
  const Value root = resolved_tree(scenario);
  const Value* node = find(root, path);
  if (node == nullptr || !node->is_scalar()) return std::nullopt;
  return node->text;
}

std::vector<std::string> list_entries(const Scenario& scenario, std::string_view path) {
  const Value root = resolved_tree(scenario);
  const Value* node = find(root, path);
  std::vector<std::string> out;
  if (node == nullptr || !node->is_list()) return out;
  for (std::size_t i = 0; i < node->items.size(); ++i) {
    const detail::Entry* name = node->items[i].is_map() ? node->items[i].find("name") : nullptr;
    out.push_back(name != nullptr && name->value.is_scalar() ? name->value.text
                                                             : std::to_string(i));
  }
  return out;
}

}  // namespace detente::scenario

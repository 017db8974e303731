// `extends` (detail/extends.hpp): one world that every library scenario
// builds on, so "the baseline world" means the same thing everywhere.
#include "scenario/detail/extends.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "core/errors.hpp"
#include "scenario/detail/parse_yaml.hpp"

namespace detente::scenario::detail {
namespace {

namespace fs = std::filesystem;

// A scenario file is small; anything larger is refused before it is read whole.
constexpr std::uintmax_t kMaxFileBytes = 1u << 20;

std::string where(const std::string& file, const Location& at) {
  return at.origin.empty() ? file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column)
                           : at.origin;
}

// Inherited nodes carry their file in `origin`, as overrides carry `--set …`,
// so that messages about them name the file that wrote them.
void stamp(Value& value, const std::string& file) {
  if (value.at.origin.empty()) value.at.origin = where(file, value.at);
  for (Entry& entry : value.entries) {
    if (entry.key_at.origin.empty()) entry.key_at.origin = where(file, entry.key_at);
    stamp(entry.value, file);
  }
  for (Value& item : value.items)
    stamp(item, file);
}

const Value* name_of(const Value& item) {
  if (!item.is_map()) return nullptr;
  const Entry* name = item.find("name");
  return name && name->value.is_scalar() ? &name->value : nullptr;
}

bool all_named(const Value& list) {
  return !list.items.empty() && std::all_of(list.items.begin(), list.items.end(),
                                            [](const Value& v) { return name_of(v) != nullptr; });
}

void merge(Value& inherited, Value&& own);

void merge_named_lists(Value& inherited, Value&& own) {
  for (Value& item : own.items) {
    const std::string& name = name_of(item)->text;
    const auto same = std::find_if(inherited.items.begin(), inherited.items.end(),
                                   [&](const Value& v) { return name_of(v)->text == name; });
    if (same == inherited.items.end())
      inherited.items.push_back(std::move(item));
    else
      merge(*same, std::move(item));
  }
}

void merge(Value& inherited, Value&& own) {
  if (inherited.is_map() && own.is_map()) {
    for (Entry& entry : own.entries) {
      if (Entry* mine = inherited.find(entry.key)) {
        mine->key_at = entry.key_at;
        merge(mine->value, std::move(entry.value));
      } else {
        inherited.entries.push_back(std::move(entry));
      }
    }
    inherited.at = own.at;
    return;
  }
  if (inherited.is_list() && own.is_list() && all_named(inherited) && all_named(own)) {
    merge_named_lists(inherited, std::move(own));
    inherited.at = own.at;
    return;
  }
  inherited = std::move(own);
}

std::string read_capped(const fs::path& file, const std::string& at) {
  std::error_code error;
  if (!fs::exists(file, error))
    throw InputError(at + ": extends: there is no file " + file.string() +
                     "; the path is relative to the folder of the file that names it");
  if (!fs::is_regular_file(file, error))
    throw InputError(at + ": extends: " + file.string() + " is not a scenario file");
  const auto size = fs::file_size(file, error);
  if (error || size > kMaxFileBytes)
    throw InputError(at + ": extends: " + file.string() + " is larger than 1 MiB; " +
                     "a scenario file is expected");
  std::ifstream in(file, std::ios::binary);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in || !in.read(text.data(), static_cast<std::streamsize>(size)))
    throw InputError(at + ": extends: cannot read " + file.string() + "; check its permissions");
  return text;
}

Value resolve(Value root, const std::string& display_name, std::vector<fs::path>& chain,
              YamlBudget& budget) {
  if (!root.is_map()) return root;
  const auto found = std::find_if(root.entries.begin(), root.entries.end(),
                                  [](const Entry& e) { return e.key == "extends"; });
  if (found == root.entries.end()) return root;

  const Entry extends = std::move(*found);
  root.entries.erase(found);
  const std::string at = where(display_name, extends.value.at);
  if (!extends.value.is_scalar() || extends.value.text.empty())
    throw InputError(at + ": extends: expected the path of a scenario file, got " +
                     describe(extends.value));
  if (static_cast<int>(chain.size()) >= kMaxExtendsDepth)
    throw InputError(at + ": extends: more than " + std::to_string(kMaxExtendsDepth) +
                     " files in one chain of extends; build on a file nearer the base");

  const fs::path parent = fs::path(display_name).parent_path() / extends.value.text;
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(parent, error);
  if (std::find(chain.begin(), chain.end(), canonical) != chain.end())
    throw InputError(at + ": extends: " + parent.string() +
                     " extends this file again, directly or through others; break the cycle");

  chain.push_back(canonical);
  const std::string parent_name = parent.lexically_normal().string();
  Value inherited = parse_document(read_capped(parent, at), parent_name, budget);
  inherited = resolve(std::move(inherited), parent_name, chain, budget);
  chain.pop_back();
  if (!inherited.is_map())
    throw InputError(at + ": extends: " + parent_name +
                     " holds no scenario (expected a map of keys)");
  stamp(inherited, parent_name);
  merge(inherited, std::move(root));
  return inherited;
}

}  // namespace

Value resolve_extends(Value root, const std::string& display_name, YamlBudget& budget) {
  std::error_code error;
  std::vector<fs::path> chain{fs::weakly_canonical(display_name, error)};
  return resolve(std::move(root), display_name, chain, budget);
}

}  // namespace detente::scenario::detail

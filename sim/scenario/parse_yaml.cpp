// yaml-cpp stays in this file: its tree is copied into detail::Value with
// locations, and its exceptions become located InputErrors.
#include "scenario/detail/parse_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include "core/errors.hpp"
#include "scenario/detail/paths.hpp"

namespace detente::scenario::detail {
namespace {

class Converter {
 public:
  Converter(std::string origin, std::string display_name)
      : origin_(std::move(origin)), display_name_(std::move(display_name)) {}

  Value convert(const YAML::Node& node, const std::string& path, const Location& fallback) const {
    Value out;
    out.at = locate(node, fallback);
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        out.kind = Value::Kind::scalar;
        out.text = node.Scalar();
        break;
      case YAML::NodeType::Sequence:
        out.kind = Value::Kind::list;
        for (std::size_t i = 0; i < node.size(); ++i)
          out.items.push_back(convert(node[i], index_path(path, i), out.at));
        break;
      case YAML::NodeType::Map:
        out.kind = Value::Kind::map;
        for (const auto& kv : node)
          add_entry(out, kv.first, kv.second, path);
        break;
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        break;
    }
    return out;
  }

  [[noreturn]] void fail(const Location& at, const std::string& path,
                         const std::string& message) const {
    const std::string where = at.origin.empty() ? display_name_ + ":" + std::to_string(at.line) +
                                                      ":" + std::to_string(at.column)
                                                : at.origin;
    throw InputError(where + ": " + (path.empty() ? "" : path + ": ") + message);
  }

  Location locate(const YAML::Node& node, const Location& fallback) const {
    const YAML::Mark mark = node.Mark();
    if (!origin_.empty() || mark.is_null())
      return Location{origin_, fallback.line, fallback.column};
    return Location{"", mark.line + 1, mark.column + 1};
  }

 private:
  void add_entry(Value& map, const YAML::Node& key, const YAML::Node& value,
                 const std::string& path) const {
    const Location key_at = locate(key, map.at);
    if (!key.IsScalar()) fail(key_at, path, "expected a key name, got " + kind_name(key));
    const std::string child_path = key_path(path, key.Scalar());
    if (const Entry* earlier = map.find(key.Scalar()))
      fail(key_at, child_path,
           "duplicate key; it is already given" +
               (earlier->key_at.origin.empty() ? " on line " + std::to_string(earlier->key_at.line)
                                               : std::string{}) +
               ", keep one of them");
    // An empty value (`key:`) has the mark of whatever follows it; point at the key.
    const Location value_fallback = key_at;
    Value converted = convert(value, child_path, value_fallback);
    if (converted.is_null()) converted.at = key_at;
    map.entries.push_back(Entry{key.Scalar(), key_at, std::move(converted)});
  }

  static std::string kind_name(const YAML::Node& node) {
    return node.IsSequence() ? "a list" : node.IsMap() ? "a map" : "nothing";
  }

  std::string origin_;
  std::string display_name_;
};

}  // namespace

Value parse_document(const std::string& text, const std::string& display_name) {
  const Converter converter("", display_name);
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(text);
  } catch (const YAML::Exception& e) {
    converter.fail(Location{"", e.mark.line + 1, e.mark.column + 1}, "", "invalid YAML: " + e.msg);
  }
  // A trailing `---` leaves an empty document behind; only real ones count.
  while (documents.size() > 1 && documents.back().IsNull())
    documents.pop_back();
  // A trailing `---` leaves an empty document behind; only real ones count.
  while (documents.size() > 1 && documents.back().IsNull())
    documents.pop_back();
  if (documents.empty()) return Value{};
  if (documents.size() > 1)
    converter.fail(converter.locate(documents[1], Location{}), "",
                   "expected one YAML document, got " + std::to_string(documents.size()) +
                       "; a scenario is one file with one document, remove the `---` separators");
  return converter.convert(documents.front(), "", Location{});
}

Value parse_override_value(const std::string& text, const std::string& origin,
                           const std::string& key_path) {
  const Converter converter(origin, origin);
  YAML::Node node;
  try {
    node = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    converter.fail(Location{origin, 1, 1}, key_path,
                   "expected a YAML value, got \"" + text + "\" (" + e.msg +
                       "); quote the value if it is text");
  }
  Value out = converter.convert(node, key_path, Location{origin, 1, 1});
  // `--set description=` means an empty string, not a missing value.
  if (out.is_null() && text.empty()) out.kind = Value::Kind::scalar;
  return out;
}

}  // namespace detente::scenario::detail

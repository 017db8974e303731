// yaml-cpp stays in this file: its tree is copied into detail::Value with
// locations, and its exceptions become located InputErrors. yaml-cpp keeps an
// alias as a second reference to its anchored node, so its tree is a graph:
// the copy expands every alias, under the caps of a YamlBudget, and refuses a
// node that contains itself.
#include "scenario/detail/parse_yaml.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "core/errors.hpp"
#include "core/printable.hpp"
#include "scenario/detail/paths.hpp"

namespace detente::scenario::detail {
namespace {

std::string mib(std::size_t bytes) {
  const std::size_t whole = bytes >> 20;
  return whole > 0 && whole << 20 == bytes ? std::to_string(whole) + " MiB"
                                           : std::to_string(bytes) + " bytes";
}

class Converter {
 public:
  Converter(std::string origin, std::string display_name, YamlBudget& budget)
      : origin_(std::move(origin)), display_name_(std::move(display_name)), budget_(budget) {}

  Value convert(const YAML::Node& node, const std::string& path, const Location& fallback) {
    Value out;
    out.at = locate(node, fallback);
    spend_node(out.at, path);
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        out.kind = Value::Kind::scalar;
        out.text = text_of(node, out.at, path);
        break;
      case YAML::NodeType::Sequence:
      case YAML::NodeType::Map: {
        enter(node, out.at, path);
        if (node.IsSequence()) {
          out.kind = Value::Kind::list;
          std::size_t i = 0;
          for (const auto& item : node) {
            out.items.push_back(convert(item, index_path(path, i), out.at));
            ++i;
          }
        } else {
          out.kind = Value::Kind::map;
          std::unordered_map<std::string, std::size_t> seen;
          for (const auto& kv : node)
            add_entry(out, seen, kv.first, kv.second, path);
        }
        open_.pop_back();
        break;
      }
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
    throw InputError(where + ": " + (path.empty() ? "" : printable(path) + ": ") + message);
  }

  Location locate(const YAML::Node& node, const Location& fallback) const {
    const YAML::Mark mark = node.Mark();
    if (!origin_.empty() || mark.is_null())
      return Location{origin_, fallback.line, fallback.column};
    return Location{"", mark.line + 1, mark.column + 1};
  }

  // Refuses text past the byte cap before yaml-cpp reads it, pointing at the
  // line and column where the cap is passed.
  void check_size(const std::string& text) const {
    const std::size_t cap = budget_.limits().max_bytes;
    if (text.size() <= cap) return;
    Location at{origin_, 1, 1};
    for (std::size_t i = 0; i < cap && at.origin.empty(); ++i) {
      if (text[i] == '\n') {
        ++at.line;
        at.column = 1;
      } else {
        ++at.column;
      }
    }
    fail(at, "",
         "the text goes on past the " + mib(cap) +
             " a scenario may have, here; a scenario is a few kilobytes (is this the right "
             "file?)");
  }

  // yaml-cpp's own errors, located; its guard against deep nesting (which
  // it reports as "bad file") in words a person can act on.
  [[noreturn]] void fail_parse(const YAML::Exception& e, const std::string& path,
                               const std::string& context) const {
    const Location at = origin_.empty() ? Location{"", e.mark.line + 1, e.mark.column + 1}
                                        : Location{origin_, 1, 1};
    if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) fail_depth(at, path);
    fail(at, path, context + printable(e.msg));
  }

 private:
  [[noreturn]] void fail_depth(const Location& at, const std::string& path) const {
    fail(at, path,
         "lists and maps nest more than " + std::to_string(budget_.limits().max_depth) +
             " levels deep here; a scenario needs fewer than 10");
  }

  void spend_node(const Location& at, const std::string& path) {
    if (budget_.take_node()) return;
    fail(at, path,
         "the scenario holds more than " + std::to_string(budget_.limits().max_nodes) +
             " values (lists, maps and scalars, each use of an alias *name counting its whole "
             "value again); a scenario needs a few hundred: look for aliases that repeat large "
             "values");
  }

  std::string text_of(const YAML::Node& node, const Location& at, const std::string& path) {
    const std::string& text = node.Scalar();
    if (!budget_.take_text(text.size()))
      fail(at, path,
           "the scenario's keys and values add up to more than " + mib(budget_.limits().max_text) +
               " of text (each use of an alias *name counting its text again); look for aliases "
               "that repeat long values");
    if (const auto bad = first_invalid_utf8(text))
      fail(at, path,
           "expected UTF-8 text, got a byte that is not (at byte " + std::to_string(*bad + 1) +
               " of \"" + printable(text.substr(0, 64)) + "\"); save the file as UTF-8");
    return text;
  }

  // Entering a list or map: refuses one that is already open further out
  // (an alias inside its own anchored value) and nesting past the cap.
  void enter(const YAML::Node& node, const Location& at, const std::string& path) {
    for (const YAML::Node& outer : open_)
      if (outer.is(node))
        fail(at, path,
             "a YAML alias (*name) is used inside the value its anchor (&name) marks, which "
             "would repeat without end; give the value itself, or an alias to another value");
    if (static_cast<int>(open_.size()) >= budget_.limits().max_depth) fail_depth(at, path);
    open_.push_back(node);
  }

  void add_entry(Value& map, std::unordered_map<std::string, std::size_t>& seen,
                 const YAML::Node& key, const YAML::Node& value, const std::string& path) {
    const Location key_at = locate(key, map.at);
    if (!key.IsScalar()) fail(key_at, path, "expected a key name, got " + kind_name(key));
    const std::string name = text_of(key, key_at, path);
    const std::string child_path = key_path(path, name);
    if (const auto earlier = seen.find(name); earlier != seen.end()) {
      const Location& first = map.entries[earlier->second].key_at;
      fail(key_at, child_path,
           "duplicate key; it is already given" +
               (first.origin.empty() ? " on line " + std::to_string(first.line) : std::string{}) +
               ", keep one of them");
    }
    seen.emplace(name, map.entries.size());
    // An empty value (`key:`) has the mark of whatever follows it; point at the key.
    const Location value_fallback = key_at;
    Value converted = convert(value, child_path, value_fallback);
    if (converted.is_null()) converted.at = key_at;
    map.entries.push_back(Entry{name, key_at, std::move(converted)});
  }

  static std::string kind_name(const YAML::Node& node) {
    return node.IsSequence() ? "a list" : node.IsMap() ? "a map" : "nothing";
  }

  std::string origin_;
  std::string display_name_;
  YamlBudget& budget_;
  std::vector<YAML::Node> open_;  // the lists and maps being copied, outermost first
};

// The documents of a YAML text, seen through yaml-cpp's event parser
// rather than YAML::LoadAll: on some malformed text (a stray `,` at the
// top level) yaml-cpp hands back the same empty document forever without
// reading on, and LoadAll never returns. A document that starts where the
// one before it did is that loop: refused as invalid YAML there.
struct DocumentShape {
  Location at;       // where its first value is (its start when it has none)
  bool null = true;  // empty (a trailing `---`)
};

constexpr std::size_t kMostDocuments = 8;

class DocumentCounter : public YAML::EventHandler {
 public:
  std::vector<DocumentShape> documents;
  YAML::Mark last_start{};

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (!documents.empty() && mark.pos == last_start.pos) stuck(mark);
    last_start = mark;
    documents.push_back({Location{"", mark.line + 1, mark.column + 1}, true});
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { content(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    content(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    content(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    content(mark);
  }
  void OnMapEnd() override {}

 private:
  // A document is located at its first value, like any other node.
  void content(const YAML::Mark& mark) {
    if (documents.empty() || !documents.back().null) return;
    documents.back().null = false;
    documents.back().at = Location{"", mark.line + 1, mark.column + 1};
  }
  [[noreturn]] static void stuck(const YAML::Mark& mark) {
    throw YAML::ParserException(mark,
                                "cannot read on from here (a stray ',', ']' or '}' "
                                "outside a list or map?)");
  }
};

std::vector<DocumentShape> document_shapes(const std::string& text) {
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  DocumentCounter counter;
  while (counter.documents.size() <= kMostDocuments && parser.HandleNextDocument(counter)) {
  }
  return std::move(counter.documents);
}

}  // namespace

Value parse_document(const std::string& text, const std::string& display_name, YamlBudget& budget) {
  Converter converter("", display_name, budget);
  converter.check_size(text);
  std::vector<DocumentShape> documents;
  YAML::Node first;
  try {
    documents = document_shapes(text);
    first = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    converter.fail_parse(e, "", "invalid YAML: ");
  }
  // A trailing `---` leaves an empty document behind; only real ones count.
  while (documents.size() > 1 && documents.back().null)
    documents.pop_back();
  if (documents.empty()) return Value{};
  if (documents.size() > 1)
    converter.fail(documents[1].at, "",
                   "expected one YAML document, got " +
                       std::string(documents.size() > kMostDocuments ? "more than " : "") +
                       std::to_string(std::min(documents.size(), kMostDocuments)) +
                       "; a scenario is one file with one document, remove the `---` separators");
  return converter.convert(first, "", Location{});
}

Value parse_override_value(const std::string& text, const std::string& origin,
                           const std::string& key_path, YamlBudget& budget) {
  Converter converter(origin, origin, budget);
  converter.check_size(text);
  YAML::Node node;
  try {
    node = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    converter.fail_parse(e, key_path, "");
  } catch (const YAML::Exception& e) {
    converter.fail(Location{origin, 1, 1}, key_path,
                   "expected a YAML value, got \"" + printable(text) + "\" (" + printable(e.msg) +
                       "); quote the value if it is text");
  }
  Value out = converter.convert(node, key_path, Location{origin, 1, 1});
  // `--set description=` means an empty string, not a missing value.
  if (out.is_null() && text.empty()) out.kind = Value::Kind::scalar;
  return out;
}

}  // namespace detente::scenario::detail

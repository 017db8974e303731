#include "experiment/scenario_diff.hpp"

#include <map>
#include <string_view>
#include <utility>

namespace detente {
namespace {

// The scalar lines of block YAML by key path. to_yaml writes block maps and
// lists (entries "- key: value", nested deeper) and scalars or flow lists
// after "key: ".
struct Frame {
  std::size_t indent;
  std::string segment;  // a key, or "[i]" for a list entry
  bool item = false;
  int items = 0;  // entries seen in the list under this key
};

std::string path_of(const std::vector<Frame>& open) {
  std::string path;
  for (const Frame& f : open)
    path += (path.empty() || f.item ? "" : ".") + f.segment;
  return path;
}

void read_key(std::string_view line, std::size_t indent, std::vector<Frame>& open,
              std::map<std::string, std::string>& out) {
  const std::string path = path_of(open);
  const std::string prefix = path.empty() ? "" : path + ".";
  if (line.ends_with(":")) {
    open.push_back({indent, std::string(line.substr(0, line.size() - 1))});
    return;
  }
  const auto colon = line.find(": ");
  if (colon == std::string_view::npos) {
    out[path] = std::string(line);  // a scalar list entry
    return;
  }
  out[prefix + std::string(line.substr(0, colon))] = std::string(line.substr(colon + 2));
}

std::map<std::string, std::string> leaves(const std::string& yaml) {
  std::map<std::string, std::string> out;
  std::vector<Frame> open;
  std::string_view rest = yaml;
  while (!rest.empty()) {
    const auto eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || line[indent] == '#') continue;
    line.remove_prefix(indent);
    if (line == "-" || line.starts_with("- ")) {
      // A list entry: siblings and anything deeper close; numbered under its key.
      while (!open.empty() &&
             (open.back().indent > indent || (open.back().indent == indent && open.back().item)))
        open.pop_back();
      const int index = open.empty() ? 0 : open.back().items++;
      open.push_back({indent, "[" + std::to_string(index) + "]", true});
      if (line.size() > 2) read_key(line.substr(2), indent + 2, open, out);
      continue;
    }
    while (!open.empty() && open.back().indent >= indent)
      open.pop_back();
    read_key(line, indent, open, out);
  }
  return out;
}

}  // namespace

std::vector<std::string> differing_keys(const std::string& stored_yaml,
                                        const std::string& now_yaml) {
  const auto stored = leaves(stored_yaml);
  const auto now = leaves(now_yaml);
  std::vector<std::string> out;
  auto s = stored.begin();
  auto n = now.begin();
  const auto describe = [](const std::string& key, const std::string* was, const std::string* is) {
    return key + ": " + (was ? *was : std::string("absent")) + " stored, " +
           (is ? *is : std::string("absent")) + " now";
  };
  while (s != stored.end() || n != now.end()) {
    if (n == now.end() || (s != stored.end() && s->first < n->first)) {
      out.push_back(describe(s->first, &s->second, nullptr));
      ++s;
    } else if (s == stored.end() || n->first < s->first) {
      out.push_back(describe(n->first, nullptr, &n->second));
      ++n;
    } else {
      if (s->second != n->second) out.push_back(describe(s->first, &s->second, &n->second));
      ++s;
      ++n;
    }
  }
  return out;
}

}  // namespace detente

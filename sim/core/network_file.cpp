#include "core/network_file.hpp"

#include <tbb/parallel_sort.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>

#include "core/errors.hpp"

namespace detente {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

struct TextFile {
  std::string path;
  std::string text;
};

TextFile read_text(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw InputError(path + ": cannot open the file: " + std::strerror(errno));
  TextFile file{path, {}};
  std::array<char, 1 << 16> buffer;
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), f.get())) > 0;)
    file.text.append(buffer.data(), n);
  if (std::ferror(f.get())) throw InputError(path + ": cannot read the file");
  return file;
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// A nodes file may carry these per-agent columns after id,group.
constexpr std::array<std::string_view, 6> kNodeColumns = {
    "opinion", "trust", "susceptibility", "literacy", "convener_trust", "stubbornness"};

// A data line: its number, its text and up to kNodeColumns.size() + 2 trimmed
// fields (one more means "too many").
struct Line {
  std::size_t number = 0;
  std::string_view text;
  std::array<std::string_view, kNodeColumns.size() + 3> field;
  std::size_t fields = 0;
};

Line split(std::size_t number, std::string_view text) {
  Line line{number, text, {}, 0};
  std::size_t start = 0;
  while (line.fields < line.field.size()) {
    const auto comma = text.find(',', start);
    line.field[line.fields++] = trim(text.substr(start, comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return line;
}

bool parse_id(std::string_view s, std::uint64_t& id) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

bool parse_number(std::string_view s, double& x) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

// A header names its columns: its first field does not even start like a
// number. ("4;7" starts like one, so it is a bad data line, not a header.)
bool is_header(const Line& line) {
  const std::string_view f = line.field[0];
  return f.empty() || std::string_view("0123456789+-.").find(f.front()) == std::string_view::npos;
}

// Calls visit(line) for every non-blank line but a leading header (handed to
// `header` when given); returns how many it visited.
template <class Visit>
std::size_t for_each_data_line(const TextFile& file, Visit visit, Line* header = nullptr) {
  std::string_view rest = file.text;
  std::size_t number = 0, visited = 0;
  bool first = true;
  while (!rest.empty()) {
    const auto eol = rest.find('\n');
    std::string_view text = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    ++number;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (trim(text).empty()) continue;
    const Line line = split(number, text);
    if (std::exchange(first, false) && is_header(line)) {
      if (header != nullptr) *header = line;
      continue;
    }
    visit(line);
    ++visited;
  }
  return visited;
}

// Errors name the file, the line and the column (1-based, in bytes) where
// the offending field starts (past the last field: where one is missing).
[[noreturn]] void fail_at(const TextFile& file, std::size_t line, std::size_t column,
                          const std::string& what) {
  throw InputError(file.path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                   what);
}
[[noreturn]] void fail(const TextFile& file, const Line& line, std::size_t field,
                       const std::string& what) {
  const std::size_t column =
      field < line.fields
          ? static_cast<std::size_t>(line.field[field].data() - line.text.data()) + 1
          : line.text.size() + 1;
  fail_at(file, line.number, column, what);
}

std::string quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

std::string group_list(std::span<const std::string> names) {
  std::string out;
  for (const auto& name : names)
    out += (out.empty() ? "" : ", ") + quoted(name);
  return out;
}

// File id → agent. Dense when ids are compact, else a sorted table.
class IdIndex {
 public:
  // `ids[i]` is the file id of agent i, all distinct.
  explicit IdIndex(const std::vector<std::uint64_t>& ids) {
    const std::uint64_t max = ids.empty() ? 0 : *std::max_element(ids.begin(), ids.end());
    if (max < 4 * ids.size() + 1024) {
      dense_.assign(max + 1, kNone);
      for (std::size_t i = 0; i < ids.size(); ++i)
        dense_[ids[i]] = static_cast<AgentId>(i);
    } else {
      sorted_.reserve(ids.size());
      for (std::size_t i = 0; i < ids.size(); ++i)
        sorted_.emplace_back(ids[i], static_cast<AgentId>(i));
      std::sort(sorted_.begin(), sorted_.end());
    }
  }
  AgentId find(std::uint64_t id) const {
    if (sorted_.empty()) return id < dense_.size() ? dense_[id] : kNone;
    const auto it = std::lower_bound(sorted_.begin(), sorted_.end(), std::pair{id, AgentId{0}});
    return it != sorted_.end() && it->first == id ? it->second : kNone;
  }

 private:
  std::vector<AgentId> dense_;
  std::vector<std::pair<std::uint64_t, AgentId>> sorted_;
};

struct Agents {
  std::vector<std::uint32_t> group_begin;
  std::vector<std::uint64_t> external_id;
  std::vector<NodeColumn> columns;
};

// The attribute columns a nodes header names after its first two fields.
std::vector<std::string> column_names(const TextFile& file, const Line& header) {
  std::vector<std::string> names;
  for (std::size_t k = 2; k < header.fields; ++k) {
    const std::string_view name = header.field[k];
    if (std::find(kNodeColumns.begin(), kNodeColumns.end(), name) == kNodeColumns.end()) {
      std::string known;
      for (const std::string_view c : kNodeColumns)
        known += (known.empty() ? "" : ", ") + std::string(c);
      fail(file, header, k,
           "unknown column " + quoted(name) + " (after id,group the columns may be " + known +
               "): " + quoted(header.text));
    }
    if (std::find(names.begin(), names.end(), name) != names.end())
      fail(file, header, k, "column " + quoted(name) + " is named twice: " + quoted(header.text));
    names.emplace_back(name);
  }
  return names;
}

Agents read_nodes(const TextFile& file, std::span<const std::string> group_names) {
  struct Node {
    std::uint64_t id;
    std::uint32_t group;
    std::size_t line;
    std::string_view text;
  };
  std::vector<Node> nodes;
  Line header;
  std::vector<std::string> names;
  std::vector<double> values;  // node by node, names.size() each
  std::string expected_form = "\"id,group\"";
  bool header_read = false;
  const std::size_t count = for_each_data_line(
      file,
      [&](const Line& line) {
        if (!header_read) {
          header_read = true;
          if (header.fields > 2) {
            names = column_names(file, header);
            expected_form = quoted(header.text);
          }
        }
        std::uint64_t id = 0;
        const std::size_t bad_field = line.fields < 2 + names.size()   ? 0
                                      : line.fields > 2 + names.size() ? 2 + names.size()
                                      : !parse_id(line.field[0], id)   ? 0
                                                                       : 1;
        if (line.fields != 2 + names.size() || !parse_id(line.field[0], id) ||
            line.field[1].empty())
          fail(file, line, bad_field,
               "expected " + expected_form + " with a non-negative integer id, got " +
                   quoted(line.text));
        const auto g = std::find(group_names.begin(), group_names.end(), line.field[1]);
        if (g == group_names.end())
          fail(file, line, 1,
               "unknown group " + quoted(line.field[1]) +
                   " (declared groups: " + group_list(group_names) + "): " + quoted(line.text));
        for (std::size_t c = 0; c < names.size(); ++c) {
          double x = 0.0;
          if (!parse_number(line.field[2 + c], x) || !(x >= 0.0 && x <= 1.0))
            fail(file, line, 2 + c,
                 "expected " + names[c] + " to be a number in [0, 1], got " +
                     quoted(line.field[2 + c]) + ": " + quoted(line.text));
          values.push_back(x);
        }
        nodes.push_back(
            {id, static_cast<std::uint32_t>(g - group_names.begin()), line.number, line.text});
      },
      &header);
  if (count == 0) throw InputError(file.path + ": the file lists no nodes");
  if (count >= kNone) throw InputError(file.path + ": more than 4294967294 nodes");

  // A repeated id: report the earliest line that repeats one.
  std::vector<std::size_t> by_id(nodes.size());
  for (std::size_t k = 0; k < by_id.size(); ++k)
    by_id[k] = k;
  std::sort(by_id.begin(), by_id.end(), [&](std::size_t x, std::size_t y) {
    return std::pair{nodes[x].id, x} < std::pair{nodes[y].id, y};
  });
  std::optional<std::pair<std::size_t, std::size_t>> repeat;  // (first, again)
  for (std::size_t k = 1; k < by_id.size(); ++k) {
    const Node& prev = nodes[by_id[k - 1]];
    const Node& node = nodes[by_id[k]];
    if (prev.id == node.id && (!repeat || node.line < nodes[repeat->second].line))
      repeat = {by_id[k - 1], by_id[k]};
  }
  if (repeat) {
    const Node& first = nodes[repeat->first];
    const Node& again = nodes[repeat->second];
    fail_at(file, again.line, 1,
            "node " + std::to_string(again.id) + " is listed twice (first on line " +
                std::to_string(first.line) + "): " + quoted(again.text));
  }

  // Group by group, each in file order.
  Agents agents;
  agents.group_begin.assign(group_names.size() + 1, 0);
  for (const Node& n : nodes)
    ++agents.group_begin[n.group + 1];
  for (std::size_t g = 0; g < group_names.size(); ++g) {
    if (agents.group_begin[g + 1] == 0)
      throw InputError(file.path + ": group " + quoted(group_names[g]) + " has no nodes");
    agents.group_begin[g + 1] += agents.group_begin[g];
  }
  agents.external_id.resize(nodes.size());
  for (const std::string& name : names)
    agents.columns.push_back({name, std::vector<double>(nodes.size())});
  std::vector<std::uint32_t> cursor(agents.group_begin.begin(), agents.group_begin.end() - 1);
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    const std::uint32_t agent = cursor[nodes[k].group]++;
    agents.external_id[agent] = nodes[k].id;
    for (std::size_t c = 0; c < names.size(); ++c)
      agents.columns[c].values[agent] = values[k * names.size() + c];
  }
  return agents;
}

struct EdgeList {
  std::vector<std::pair<AgentId, AgentId>> ends;
  std::vector<double> weights;
};

// Reads the edges, mapping file ids to agents with `index`; an id it does not
// know is reported as missing from `nodes_path`.
EdgeList read_edges(const TextFile& file, const IdIndex& index, const std::string& nodes_path) {
  EdgeList edges;
  std::size_t columns = 0, first_line = 0;
  const std::size_t count = for_each_data_line(file, [&](const Line& line) {
    std::uint64_t source = 0, target = 0;
    const std::size_t bad_field = line.fields < 2                    ? 0
                                  : line.fields > 3                  ? 3
                                  : !parse_id(line.field[0], source) ? 0
                                                                     : 1;
    if (line.fields < 2 || line.fields > 3 || !parse_id(line.field[0], source) ||
        !parse_id(line.field[1], target))
      fail(file, line, bad_field,
           "expected \"source,target[,weight]\" with non-negative integer ids, got " +
               quoted(line.text));
    if (columns == 0) columns = line.fields, first_line = line.number;
    if (line.fields != columns)
      fail(file, line, line.fields > columns ? columns : 0,
           std::string("expected \"source,target") + (columns == 3 ? ",weight" : "") +
               "\" like the first edge (line " + std::to_string(first_line) + "), got " +
               quoted(line.text));
    double weight = 1.0;
    if (columns == 3 &&
        (!parse_number(line.field[2], weight) || !std::isfinite(weight) || weight < 0.0))
      fail(file, line, 2, "expected a finite non-negative weight, got " + quoted(line.text));
    const AgentId u = index.find(source), v = index.find(target);
    if (u == kNone || v == kNone)
      fail(file, line, u == kNone ? 0 : 1,
           "node " + std::to_string(u == kNone ? source : target) + " is not listed in " +
               nodes_path + ": " + quoted(line.text));
    edges.ends.emplace_back(u, v);
    if (columns == 3) edges.weights.push_back(weight);
  });
  if (count == 0) throw InputError(file.path + ": the file lists no edges");
  return edges;
}

// Without a nodes file the agents are the ids the edges name, in increasing order.
Agents agents_from_edges(const TextFile& file) {
  std::vector<std::uint64_t> ids;
  for_each_data_line(file, [&](const Line& line) {
    std::uint64_t id = 0;
    for (std::size_t k = 0; k < std::min<std::size_t>(line.fields, 2); ++k)
      if (parse_id(line.field[k], id)) ids.push_back(id);
  });
  tbb::parallel_sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.size() >= kNone) throw InputError(file.path + ": more than 4294967294 nodes");
  return {{0, static_cast<std::uint32_t>(ids.size())}, std::move(ids), {}};
}

// Each unordered cross-group pair once; agents are numbered group by group,
// so the lower id is the end in the lower group.
CrossTies cross_ties(const EdgeList& edges, std::span<const std::uint32_t> group_begin,
                     double strength) {
  std::vector<std::uint32_t> group(group_begin.back());
  for (std::size_t g = 0; g + 1 < group_begin.size(); ++g)
    std::fill(group.begin() + group_begin[g], group.begin() + group_begin[g + 1],
              static_cast<std::uint32_t>(g));
  std::vector<std::pair<AgentId, AgentId>> pairs;
  for (const auto& [u, v] : edges.ends)
    if (group[u] != group[v]) pairs.emplace_back(std::min(u, v), std::max(u, v));
  tbb::parallel_sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  CrossTies ties;
  ties.a.resize(pairs.size());
  ties.b.resize(pairs.size());
  ties.key.resize(pairs.size());
  for (std::size_t e = 0; e < pairs.size(); ++e) {
    ties.a[e] = pairs[e].first;
    ties.b[e] = pairs[e].second;
    ties.key[e] = e;
  }
  ties.strength.assign(pairs.size(), static_cast<float>(strength));
  ties.setting.assign(pairs.size(), 0);
  ties.static_count = pairs.size();
  ties.rebuild_incidence(group.size());
  return ties;
}

}  // namespace

ImportedNetwork read_network_files(const std::string& edges_path, const std::string& nodes_path,
                                   std::span<const std::string> group_names, bool directed,
                                   double cross_strength) {
  if (!(cross_strength > 0.0 && cross_strength <= 1.0)) {
    std::ostringstream out;
    out << "network.between.strength: expected a number in (0, 1], got " << cross_strength;
    throw InputError(out.str());
  }
  if (nodes_path.empty() && group_names.size() != 1)
    throw InputError(edges_path + ": without network.nodes_file every agent is in one group, but " +
                     std::to_string(group_names.size()) + " groups are declared (" +
                     group_list(group_names) + "); list each node's group in a nodes file");

  const TextFile edge_file = read_text(edges_path);
  Agents agents = nodes_path.empty() ? agents_from_edges(edge_file)
                                     : read_nodes(read_text(nodes_path), group_names);
  EdgeList edges = [&] {
    const IdIndex index(agents.external_id);
    return read_edges(edge_file, index, nodes_path);
  }();

  ImportedNetwork net;
  net.cross = cross_ties(edges, agents.group_begin, cross_strength);
  net.social = build_csr(agents.external_id.size(), agents.group_begin, std::move(edges.ends),
                         std::move(edges.weights), directed);
  net.group_begin = std::move(agents.group_begin);
  net.external_id = std::move(agents.external_id);
  net.columns = std::move(agents.columns);
  return net;
}

}  // namespace detente

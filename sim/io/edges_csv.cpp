#include "io/edges_csv.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

#include "io/text_file.hpp"

namespace detente::io {
namespace {

// Text as GraphML (XML) character data or attribute value.
std::string xml_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const std::string& name_at(const std::vector<std::string>& names, std::uint32_t index,
                           const char* what) {
  if (index >= names.size())
    throw std::invalid_argument(std::string("write_graphml: a node names ") + what + " " +
                                std::to_string(index) + " beyond the names given");
  return names[index];
}

}  // namespace

void write_edges_csv(const std::filesystem::path& path,
                     std::span<const metrics::EdgeSnapshots> snapshots) {
  detail::TextFile file(path);
  file.write("arm,replicate,step,source,target,kind,strength\n");
  for (const auto& block : snapshots) {
    for (const auto& row : block.rows) {
      detail::write_csv_field(file, block.arm);
      file.write(',');
      file.write_integer(block.replicate);
      file.write(',');
      file.write_integer(row.step);
      file.write(',');
      file.write_integer(row.source);
      file.write(',');
      file.write_integer(row.target);
      file.write(',');
      file.write(metrics::edge_kind_name(row.kind));
      file.write(',');
      file.write_number(row.strength);
      file.write('\n');
    }
  }
  file.close();
}

void write_graphml(const std::filesystem::path& path, const metrics::AgentNames& names,
                   std::span<const metrics::EdgeSnapshots> snapshots) {
  detail::TextFile file(path);
  file.write(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"group\" for=\"node\" attr.name=\"group\" attr.type=\"string\"/>\n"
      "  <key id=\"role\" for=\"node\" attr.name=\"role\" attr.type=\"string\"/>\n"
      "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
      "  <key id=\"strength\" for=\"edge\" attr.name=\"strength\" attr.type=\"double\"/>\n");
  for (const auto& block : snapshots) {
    // One graph per step of the block, in the order the rows were taken.
    std::size_t begin = 0;
    while (begin < block.rows.size()) {
      const std::int64_t step = block.rows[begin].step;
      std::size_t end = begin;
      while (end < block.rows.size() && block.rows[end].step == step)
        ++end;
      file.write("  <graph id=\"" + xml_escaped(block.arm) + "/" + std::to_string(block.replicate) +
                 "/" + std::to_string(step) + "\" edgedefault=\"" +
                 (block.directed ? "directed" : "undirected") + "\">\n");
      for (const auto& node : block.nodes) {
        file.write("    <node id=\"n" + std::to_string(node.id) + "\"><data key=\"group\">" +
                   xml_escaped(name_at(names.groups, node.group, "group")) +
                   "</data><data key=\"role\">" +
                   xml_escaped(name_at(names.roles, node.role, "role")) + "</data></node>\n");
      }
      for (std::size_t k = begin; k < end; ++k) {
        const auto& row = block.rows[k];
        file.write("    <edge source=\"n" + std::to_string(row.source) + "\" target=\"n" +
                   std::to_string(row.target) + "\"><data key=\"kind\">");
        file.write(metrics::edge_kind_name(row.kind));
        file.write("</data><data key=\"strength\">");
        file.write_number(row.strength);
        file.write("</data></edge>\n");
      }
      file.write("  </graph>\n");
      begin = end;
    }
  }
  file.write("</graphml>\n");
  file.close();
}

}  // namespace detente::io

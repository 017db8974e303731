#include "io/edges_csv.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "temp_folder.hpp"

using detente::metrics::EdgeKind;
using detente::metrics::EdgeSnapshots;

namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

std::vector<EdgeSnapshots> two_blocks() {
  EdgeSnapshots base{"base", 0, {}, {}, false};
  base.rows = {{0, 1, 2, EdgeKind::within, 1.0},
               {0, 1, 7, EdgeKind::between, 0.5},
               {52, 1, 7, EdgeKind::programme, 0.25}};
  base.nodes = {{1, 0, 0}, {2, 0, 1}, {7, 1, 0}};
  EdgeSnapshots arm{"a&b", 1, {{52, 2, 7, EdgeKind::between, 0.1}}, {{2, 0, 1}, {7, 1, 0}}, true};
  return {base, arm};
}

}  // namespace

TEST_CASE("edges.csv has the contract's columns, one line per tie", "[io][edges]") {
  detente::test::TempFolder dir("edges-csv");
  detente::io::write_edges_csv(dir.path() / "edges.csv", two_blocks());
  CHECK(read_all(dir.path() / "edges.csv") ==
        "arm,replicate,step,source,target,kind,strength\n"
        "base,0,0,1,2,within,1\n"
        "base,0,0,1,7,between,0.5\n"
        "base,0,52,1,7,programme,0.25\n"
        "a&b,1,52,2,7,between,0.1\n");
}

TEST_CASE("network.graphml holds a graph per block and step with escaped names", "[io][edges]") {
  detente::test::TempFolder dir("graphml");
  const detente::metrics::AgentNames names{{"north", "south"}, {}, {"public", "elite"}};
  detente::io::write_graphml(dir.path() / "network.graphml", names, two_blocks());
  const std::string text = read_all(dir.path() / "network.graphml");
  CHECK(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml", 0) == 0);
  CHECK(count(text, "<graph ") == 3);  // base at 0 and 52, a&b at 52
  CHECK(text.find("<graph id=\"base/0/0\" edgedefault=\"undirected\">") != std::string::npos);
  CHECK(text.find("<graph id=\"a&amp;b/1/52\" edgedefault=\"directed\">") != std::string::npos);
  CHECK(count(text, "<node ") == 3 + 3 + 2);
  CHECK(count(text, "<edge ") == 4);
  CHECK(text.find(
            "<node id=\"n2\"><data key=\"group\">north</data><data key=\"role\">elite</data>") !=
        std::string::npos);
  CHECK(text.find("<edge source=\"n1\" target=\"n7\"><data key=\"kind\">programme</data><data "
                  "key=\"strength\">0.25</data></edge>") != std::string::npos);
  CHECK(text.substr(text.size() - 11) == "</graphml>\n");
}

TEST_CASE("network.graphml refuses a node whose role has no name", "[io][edges]") {
  detente::test::TempFolder dir("graphml-bad");
  const detente::metrics::AgentNames names{{"north", "south"}, {}, {"public"}};
  CHECK_THROWS_AS(detente::io::write_graphml(dir.path() / "network.graphml", names, two_blocks()),
                  std::invalid_argument);
}

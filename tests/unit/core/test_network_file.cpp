// Networks read from CSV edge and node files, and the messages for bad files.
#include <stdlib.h>  // mkdtemp
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/network_file.hpp"
#include "test_network_checks.hpp"

namespace {

using Catch::Matchers::Message;
using detente::AgentId;
using detente::read_network_files;

// A fresh directory for one test's files, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "detente_net_XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string write(const std::string& name, const std::string& text) const {
    const auto file = (path_ / name).string();
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

const std::vector<std::string> kTwoGroups = {"north", "south"};
const std::vector<std::string> kOneGroup = {"all"};

std::vector<AgentId> row_of(const detente::SocialNetwork& net, AgentId i) {
  const auto r = net.row(i);
  return {r.begin(), r.end()};
}

std::vector<double> weights_of(const detente::SocialNetwork& net, AgentId i) {
  return {net.weights.begin() + static_cast<std::ptrdiff_t>(net.offsets[i]),
          net.weights.begin() + static_cast<std::ptrdiff_t>(net.offsets[i + 1])};
}

}  // namespace

TEST_CASE("an undirected network is renumbered group by group in nodes-file order") {
  TempDir dir;
  // Header lines, a blank line, CRLF endings and padded fields are all accepted.
  const auto nodes = dir.write(
      "nodes.csv", "id,group\r\n10,south\r\n3,north\r\n7, north\r\n\r\n42,south\r\n5,north\r\n");
  const auto edges = dir.write("edges.csv", "source,target\n3,7\n7,5\n10,42\n 3 , 10\n5,42\n7,3\n");
  const auto net = read_network_files(edges, nodes, kTwoGroups, false, 0.4);

  // north: 3 → 0, 7 → 1, 5 → 2; south: 10 → 3, 42 → 4.
  CHECK(net.group_begin == std::vector<std::uint32_t>{0, 3, 5});
  CHECK(net.external_id == std::vector<std::uint64_t>{3, 7, 5, 10, 42});
  const auto& s = net.social;
  CHECK_FALSE(s.directed);
  CHECK_FALSE(s.weighted());
  CHECK(row_of(s, 0) == std::vector<AgentId>{1, 3});  // 3–7 listed twice: merged
  CHECK(row_of(s, 1) == std::vector<AgentId>{0, 2});
  CHECK(row_of(s, 2) == std::vector<AgentId>{1, 4});
  CHECK(row_of(s, 3) == std::vector<AgentId>{0, 4});
  CHECK(row_of(s, 4) == std::vector<AgentId>{2, 3});
  detente::test::check_csr(s, net.group_begin);

  // Cross-group pairs 3–10 and 5–42, the north end first.
  CHECK(net.cross.a == std::vector<AgentId>{0, 2});
  CHECK(net.cross.b == std::vector<AgentId>{3, 4});
  CHECK(net.cross.strength == std::vector<float>{0.4f, 0.4f});
  CHECK(net.cross.key == std::vector<std::uint64_t>{0, 1});
  CHECK(net.cross.setting == std::vector<std::uint16_t>{0, 0});
  CHECK(net.cross.static_count == 2);
  detente::test::check_incidence(net.cross, 5);
}

TEST_CASE("a directed weighted network keeps weights, direction and self-loops") {
  TempDir dir;
  const auto nodes = dir.write("nodes.csv", "0,a\n1,b\n2,a\n");
  const auto edges = dir.write("edges.csv", "0,1,0.5\n1,0,2\n1,1,1.5\n0,1,0.25\n2,0,1\n");
  const std::vector<std::string> groups = {"a", "b"};
  const auto net = read_network_files(edges, nodes, groups, true, 0.5);

  // a: 0 → 0, 2 → 1; b: 1 → 2.
  CHECK(net.external_id == std::vector<std::uint64_t>{0, 2, 1});
  const auto& s = net.social;
  CHECK(s.directed);
  CHECK(row_of(s, 0) == std::vector<AgentId>{2});
  CHECK(weights_of(s, 0) == std::vector<double>{0.75});  // 0→1 listed twice: summed
  CHECK(row_of(s, 1) == std::vector<AgentId>{0});
  CHECK(weights_of(s, 1) == std::vector<double>{1.0});
  CHECK(row_of(s, 2) == std::vector<AgentId>{0, 2});  // the self-loop 1→1 is kept
  CHECK(weights_of(s, 2) == std::vector<double>{2.0, 1.5});
  detente::test::check_csr(s, net.group_begin);

  // 0→1 and 1→0 are one cross-group tie.
  CHECK(net.cross.a == std::vector<AgentId>{0});
  CHECK(net.cross.b == std::vector<AgentId>{2});
}

TEST_CASE("without a nodes file the agents are the ids of the edges, in one group") {
  TempDir dir;
  const auto edges = dir.write("edges.csv", "9,2\n2,100\n100,9\n");
  const auto net = read_network_files(edges, "", kOneGroup, false, 0.5);
  CHECK(net.group_begin == std::vector<std::uint32_t>{0, 3});
  CHECK(net.external_id == std::vector<std::uint64_t>{2, 9, 100});
  CHECK(row_of(net.social, 0) == std::vector<AgentId>{1, 2});
  CHECK(net.cross.size() == 0);
  detente::test::check_csr(net.social, net.group_begin);
}

TEST_CASE("isolated agents can be listed in the nodes file; large ids are fine") {
  TempDir dir;
  const auto nodes = dir.write("nodes.csv", "5000000000,north\n8,north\n77,south\n");
  const auto edges = dir.write("edges.csv", "5000000000,77\n");
  const auto net = read_network_files(edges, nodes, kTwoGroups, false, 0.5);
  CHECK(net.external_id == std::vector<std::uint64_t>{5000000000ull, 8, 77});
  CHECK(row_of(net.social, 0) == std::vector<AgentId>{2});
  CHECK(row_of(net.social, 1).empty());
}

TEST_CASE("bad network files are refused with the file, line and text") {
  TempDir dir;
  const auto nodes = dir.write("nodes.csv", "id,group\n3,north\n4,south\n7,north\n");
  const auto edges_with = [&](const std::string& text) { return dir.write("edges.csv", text); };

  SECTION("a line that is not source,target[,weight]") {
    const auto edges = edges_with("3,4\n4;7\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(edges + ":2:1: expected \"source,target[,weight]\" with non-negative integer ids, "
                        "got \"4;7\""));
  }
  SECTION("a first line that looks like data is not taken for a header") {
    const auto edges = edges_with("4;7\n3,4\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(edges + ":1:1: expected \"source,target[,weight]\" with non-negative integer ids, "
                        "got \"4;7\""));
  }
  SECTION("too many fields") {
    const auto edges = edges_with("3,4,1,2\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(edges + ":1:7: expected \"source,target[,weight]\" with non-negative integer ids, "
                        "got \"3,4,1,2\""));
  }
  SECTION("a negative id") {
    const auto edges = edges_with("3,-4\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(edges + ":1:3: expected \"source,target[,weight]\" with non-negative integer ids, "
                        "got \"3,-4\""));
  }
  SECTION("an id missing from the nodes file") {
    const auto edges = edges_with("source,target\n3,4\n7,99\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(edges + ":3:3: node 99 is not listed in " + nodes + ": \"7,99\""));
  }
  SECTION("a negative weight") {
    const auto edges = edges_with("3,4,1\n4,7,-2\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, true, 0.5), detente::InputError,
        Message(edges + ":2:5: expected a finite non-negative weight, got \"4,7,-2\""));
  }
  SECTION("a non-finite weight") {
    const auto edges = edges_with("3,4,inf\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, true, 0.5), detente::InputError,
        Message(edges + ":1:5: expected a finite non-negative weight, got \"3,4,inf\""));
  }
  SECTION("a weight on some lines only") {
    const auto edges = edges_with("3,4,1\n4,7\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, true, 0.5), detente::InputError,
        Message(edges + ":2:1: expected \"source,target,weight\" like the first edge (line 1), got "
                        "\"4,7\""));
  }
  SECTION("an empty edge file, or one with only a header") {
    const auto empty = edges_with("");
    REQUIRE_THROWS_MATCHES(read_network_files(empty, nodes, kTwoGroups, false, 0.5),
                           detente::InputError, Message(empty + ": the file lists no edges"));
    const auto header = edges_with("source,target\n\n");
    REQUIRE_THROWS_MATCHES(read_network_files(header, nodes, kTwoGroups, false, 0.5),
                           detente::InputError, Message(header + ": the file lists no edges"));
  }
  SECTION("a missing file") {
    const auto missing = dir.write("x", "") + "-not-there.csv";
    REQUIRE_THROWS_MATCHES(read_network_files(missing, nodes, kTwoGroups, false, 0.5),
                           detente::InputError,
                           Message(missing + ": cannot open the file: No such file or directory"));
  }
}

TEST_CASE("bad nodes files are refused with the file, line and text") {
  TempDir dir;
  const auto edges = dir.write("edges.csv", "3,4\n");
  const auto nodes_with = [&](const std::string& text) { return dir.write("nodes.csv", text); };

  SECTION("an unknown group, with the declared ones") {
    const auto nodes = nodes_with("3,north\n4,east\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(nodes + ":2:3: unknown group \"east\" (declared groups: \"north\", \"south\"): "
                        "\"4,east\""));
  }
  SECTION("a node listed twice") {
    const auto nodes = nodes_with("id,group\n3,north\n4,south\n5,south\n4,north\n3,south\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(nodes + ":5:1: node 4 is listed twice (first on line 3): \"4,north\""));
  }
  SECTION("a line that is not id,group") {
    const auto nodes = nodes_with("3,north\n-4,south\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(nodes +
                ":2:1: expected \"id,group\" with a non-negative integer id, got \"-4,south\""));
  }
  SECTION("an empty nodes file") {
    const auto nodes = nodes_with("id,group\n");
    REQUIRE_THROWS_MATCHES(read_network_files(edges, nodes, kTwoGroups, false, 0.5),
                           detente::InputError, Message(nodes + ": the file lists no nodes"));
  }
  SECTION("a declared group without nodes") {
    const auto nodes = nodes_with("3,north\n4,north\n");
    REQUIRE_THROWS_MATCHES(read_network_files(edges, nodes, kTwoGroups, false, 0.5),
                           detente::InputError, Message(nodes + ": group \"south\" has no nodes"));
  }
  SECTION("several groups but no nodes file") {
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, "", kTwoGroups, false, 0.5), detente::InputError,
        Message(edges + ": without network.nodes_file every agent is in one group, but 2 groups "
                        "are declared (\"north\", \"south\"); list each node's group in a nodes "
                        "file"));
  }
}

TEST_CASE("a nodes file may carry per-agent columns, named in its header") {
  TempDir dir;
  const auto edges = dir.write("edges.csv", "10,11\n11,12\n12,10\n");
  // Listed out of group order: the columns must follow their agents.
  const auto nodes = dir.write("nodes.csv",
                               "id,group,stubbornness,opinion\n"
                               "12,south,0.25,1\n"
                               "10,north,0.5,0\n"
                               "11,south,0,0.75\n");
  const auto net = read_network_files(edges, nodes, kTwoGroups, false, 0.5);
  REQUIRE(net.external_id == std::vector<std::uint64_t>{10, 12, 11});
  REQUIRE(net.columns.size() == 2);
  CHECK(net.columns[0].name == "stubbornness");
  CHECK(net.columns[0].values == std::vector<double>{0.5, 0.25, 0.0});
  CHECK(net.columns[1].name == "opinion");
  CHECK(net.columns[1].values == std::vector<double>{0.0, 1.0, 0.75});
  // A plain id,group header names no columns.
  const auto plain = dir.write("plain.csv", "node,community\n10,north\n11,south\n12,south\n");
  CHECK(read_network_files(edges, plain, kTwoGroups, false, 0.5).columns.empty());
}

TEST_CASE("bad per-agent columns are refused with the file, line and text") {
  TempDir dir;
  const auto edges = dir.write("edges.csv", "3,4\n");
  const auto nodes_with = [&](const std::string& text) { return dir.write("nodes.csv", text); };
  SECTION("an unknown column") {
    const auto nodes = nodes_with("id,group,charisma\n3,north\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(nodes + ":1:10: unknown column \"charisma\" (after id,group the columns may be "
                        "opinion, trust, susceptibility, literacy, convener_trust, "
                        "stubbornness): \"id,group,charisma\""));
  }
  SECTION("a column named twice") {
    const auto nodes = nodes_with("id,group,trust,trust\n3,north,0,0\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(nodes + ":1:16: column \"trust\" is named twice: \"id,group,trust,trust\""));
  }
  SECTION("a value outside [0, 1]") {
    const auto nodes = nodes_with("id,group,trust\n3,north,0.5\n4,south,1.5\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(nodes + ":3:9: expected trust to be a number in [0, 1], got \"1.5\": "
                        "\"4,south,1.5\""));
  }
  SECTION("a line without the header's columns") {
    const auto nodes = nodes_with("id,group,trust\n3,north,0.5\n4,south\n");
    REQUIRE_THROWS_MATCHES(
        read_network_files(edges, nodes, kTwoGroups, false, 0.5), detente::InputError,
        Message(nodes + ":3:1: expected \"id,group,trust\" with a non-negative integer id, got "
                        "\"4,south\""));
  }
}

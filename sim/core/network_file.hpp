#pragma once
// A social network read from CSV files (`network.file`, `network.nodes_file`,
// design §2.2).
//
// Edge file, one edge a line:   source,target[,weight]
//   ids are non-negative integers (any values; they are renumbered), weights
//   finite and non-negative. Either every line has a weight or none has.
//   Undirected networks: list each edge once — a pair listed twice is merged
//   and its weights summed; self-loops are dropped. Directed networks keep
//   edges as given (source listens to target, design §2.2), self-loops
//   included.
// Nodes file, one agent a line: id,group[,column…]
//   group by name, one of the scenario's groups. Every id in the edge file must
//   be listed; listed ids without edges are isolated agents. Without a nodes
//   file every id in the edge file is an agent of the only declared group.
//   A header may name per-agent columns after id,group, in any order, each
//   at most once: opinion, trust, susceptibility, literacy, convener_trust,
//   stubbornness. Their values (numbers in [0,1]) replace what the group's
//   distributions would draw for that agent (`opinion`: the initial opinion
//   of a classic model), e.g. for Friedkin–Johnsen with per-agent
//   stubbornness:
//     id,group,opinion,stubbornness
//     0,village,1,0.5
// Either file may start with a header line (first field not starting like a
// number, e.g. "source,target"). Blank
// lines are skipped; fields may be padded with spaces.
//
// Agents are renumbered group by group, in scenario group order, and within a
// group in the order of the nodes file (in increasing id without one) — so
// listing neighbours near each other in the nodes file keeps rows local.
// `external_id[i]` is the file id of agent i.
//
//   auto net = read_network_files("net/edges.csv", "net/nodes.csv", names,
//                                 /*directed=*/false, /*cross_strength=*/0.5);
//
// Bad input is a detente::InputError naming the file, the line and the line's text:
//   net/edges.csv:17: expected "source,target[,weight]" with non-negative integer ids, got "4;7"
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/network.hpp"

namespace detente {

// A per-agent column of the nodes file, in agent order.
struct NodeColumn {
  std::string name;  // opinion, trust, susceptibility, literacy, convener_trust, stubbornness
  std::vector<double> values;
};

struct ImportedNetwork {
  std::vector<std::uint32_t> group_begin;  // G + 1 offsets
  std::vector<std::uint64_t> external_id;  // per agent: its id in the files
  std::vector<NodeColumn> columns;         // from the nodes file's header, in its order
  SocialNetwork social;
  // Each unordered cross-group pair once (also for directed networks), a in the
  // lower group, sorted by (a, b); key = index, setting 0, all static.
  CrossTies cross;
};

// `nodes_path` may be empty (then `group_names` must hold exactly one group).
ImportedNetwork read_network_files(const std::string& edges_path, const std::string& nodes_path,
                                   std::span<const std::string> group_names, bool directed,
                                   double cross_strength);

}  // namespace detente

#pragma once
// The network at chosen steps (`outputs.network`): the rows of edges.csv,
//   arm,replicate,step,source,target,kind,strength
// Source and target are agent ids as in agents.csv (the network file's ids,
// else the agent's index).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace detente::metrics {

// within: a tie of the social network between members of one group (its
// weight, 1 when unweighted); between: a cross-group tie of the social layer;
// programme: a cross-group tie an intervention made (both with their strength).
enum class EdgeKind : std::uint8_t { within, between, programme };

constexpr std::string_view edge_kind_name(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::within:
      return "within";
    case EdgeKind::between:
      return "between";
    case EdgeKind::programme:
      return "programme";
  }
  return "within";
}

struct EdgeRow {
  std::int64_t step = 0;
  std::uint64_t source = 0;
  std::uint64_t target = 0;
  EdgeKind kind = EdgeKind::within;
  double strength = 1.0;
};

// An agent as a GraphML node: its id and the indices of its group and role
// (AgentNames::groups, AgentNames::roles).
struct NodeRow {
  std::uint64_t id = 0;
  std::uint32_t group = 0;
  std::uint32_t role = 0;
};

// One replicate's network snapshots, and its agents (for GraphML's nodes).
struct EdgeSnapshots {
  std::string arm;
  std::int64_t replicate = 0;
  std::vector<EdgeRow> rows;
  std::vector<NodeRow> nodes;
  bool directed = false;  // the social network's arcs are directed (network file)
};

}  // namespace detente::metrics

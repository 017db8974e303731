#pragma once
// The social network: a static, weighted graph in compressed sparse rows.
//
// Agents are numbered group by group (group g owns ids
// [group_begin[g], group_begin[g+1])) and every row is sorted by neighbour id,
// so the in-group neighbours of an agent are one contiguous slice of its row:
// [peer_begin(i), peer_end(i)). Rules that only listen to their own group
// loop over that slice with no branch.
//
// Generated networks are unweighted (weights empty, every weight 1): 4 bytes
// per directed edge. Networks read from a file may carry weights and be
// directed (design §2.2).
#include <cstdint>
#include <span>
#include <vector>

namespace detente {

using AgentId = std::uint32_t;

struct SocialNetwork {
  std::vector<std::uint64_t> offsets;         // N + 1
  std::vector<AgentId> neighbours;            // row i: neighbours[offsets[i] .. offsets[i+1])
  std::vector<double> weights;                // same length as neighbours, or empty = all 1
  std::vector<std::uint32_t> in_group_begin;  // per agent, relative to offsets[i]
  std::vector<std::uint32_t> in_group_end;    // per agent, relative to offsets[i]
  bool directed = false;

  std::size_t agents() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::size_t edges() const { return neighbours.size(); }  // directed entries
  bool weighted() const { return !weights.empty(); }
  std::span<const AgentId> row(AgentId i) const {
    return {neighbours.data() + offsets[i], neighbours.data() + offsets[i + 1]};
  }
  std::uint64_t peer_begin(AgentId i) const { return offsets[i] + in_group_begin[i]; }
  std::uint64_t peer_end(AgentId i) const { return offsets[i] + in_group_end[i]; }
};

// Ties between agents of different groups, each with a strength in (0,1]
// that contact changes. The first `static_count` come from the social layer;
// programme ties created by interventions are appended after them.
// `key` identifies a tie's random stream, so that creating a programme tie
// never shifts the draws of another.
struct CrossTies {
  std::vector<AgentId> a, b;
  std::vector<float> strength;
  std::vector<std::uint64_t> key;
  std::vector<std::uint16_t> setting;  // index into the contact settings; 0 = everyday
  std::size_t static_count = 0;

  // Agent → incident ties, CSR; rebuilt with rebuild_incidence() after ties change.
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> incident;

  std::size_t size() const { return a.size(); }
  void rebuild_incidence(std::size_t agents);
};

// Builds the CSR from an edge list. Undirected edges are stored in both rows;
// duplicate edges are merged (weights summed); rows are sorted. Self-loops are
// kept only for directed networks. `group_begin` gives the group ranges.
SocialNetwork build_csr(std::size_t agents, std::span<const std::uint32_t> group_begin,
                        std::vector<std::pair<AgentId, AgentId>> edges, std::vector<double> weights,
                        bool directed);

}  // namespace detente

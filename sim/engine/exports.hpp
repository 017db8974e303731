#pragma once
// What outputs.network exports of the trust model's state: every tie, once.
//
//   std::vector<metrics::EdgeRow> rows;
//   if (const auto* state = sim->trust_state()) engine::snapshot_edges(*state, t, rows);
#include <cstdint>
#include <vector>

#include "engine/simulation.hpp"
#include "metrics/edge_rows.hpp"

namespace detente::engine {

// Appends the social network's within-group ties (each undirected tie once,
// the lower id first; every arc of a directed network), then the cross-group
// ties, the social layer's first, then the programme layer, labelled `step`.
void snapshot_edges(const TrustState& state, std::int64_t step, std::vector<metrics::EdgeRow>& out);

// Appends every agent as a GraphML node: its id, group and role.
void list_nodes(const TrustState& state, std::vector<metrics::NodeRow>& out);

}  // namespace detente::engine

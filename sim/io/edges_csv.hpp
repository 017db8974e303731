#pragma once
// The network at the steps of outputs.network.
//
//   edges.csv:        arm,replicate,step,source,target,kind,strength
//   network.graphml:  (outputs.graphml: true) one GraphML graph per arm,
//                     replicate and step: nodes with their group and role,
//                     edges with their kind and strength
//
// kind is within, between or programme (metrics/edge_rows.hpp). Numbers are
// written as in every CSV (the shortest text that reads back the same double).
#include <filesystem>
#include <span>

#include "metrics/agent_rows.hpp"
#include "metrics/edge_rows.hpp"

namespace detente::io {

void write_edges_csv(const std::filesystem::path& path,
                     std::span<const metrics::EdgeSnapshots> snapshots);

// `names` gives the group and role names the nodes index.
void write_graphml(const std::filesystem::path& path, const metrics::AgentNames& names,
                   std::span<const metrics::EdgeSnapshots> snapshots);

}  // namespace detente::io

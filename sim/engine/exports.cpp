#include "engine/exports.hpp"

namespace detente::engine {
namespace {

template <class Real>
void append_edges(const Population<Real>& pop, const SocialNetwork& network, const CrossTies& ties,
                  std::int64_t step, std::vector<metrics::EdgeRow>& out) {
  const auto id = [&](AgentId i) { return pop.external_id[i]; };
  for (AgentId i = 0; i < network.agents(); ++i) {
    for (std::uint64_t k = network.peer_begin(i); k < network.peer_end(i); ++k) {
      const AgentId j = network.neighbours[k];
      // An undirected tie is stored in both rows: export it from the lower one.
      if (!network.directed && j < i) continue;
      const double weight = network.weighted() ? network.weights[k] : 1.0;
      out.push_back({step, id(i), id(j), metrics::EdgeKind::within, weight});
    }
  }
  for (std::size_t t = 0; t < ties.size(); ++t) {
    const auto kind =
        t < ties.static_count ? metrics::EdgeKind::between : metrics::EdgeKind::programme;
    out.push_back(
        {step, id(ties.a[t]), id(ties.b[t]), kind, static_cast<double>(ties.strength[t])});
  }
}

template <class Real>
void append_nodes(const Population<Real>& pop, std::vector<metrics::NodeRow>& out) {
  for (std::size_t i = 0; i < pop.size(); ++i)
    out.push_back({pop.external_id[i], pop.group[i], pop.role[i]});
}

}  // namespace

void list_nodes(const TrustState& state, std::vector<metrics::NodeRow>& out) {
  const PopulationView people = state.population();
  if (people.f32 != nullptr)
    append_nodes(*people.f32, out);
  else
    append_nodes(*people.f64, out);
}

void snapshot_edges(const TrustState& state, std::int64_t step,
                    std::vector<metrics::EdgeRow>& out) {
  const PopulationView people = state.population();
  if (people.f32 != nullptr)
    append_edges(*people.f32, state.network(), state.ties(), step, out);
  else
    append_edges(*people.f64, state.network(), state.ties(), step, out);
}

}  // namespace detente::engine

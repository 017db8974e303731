// The influence rule on one opinion (formula in classic_influence.hpp).
#include "rules/classic_influence.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "rules/detail/influence_update.hpp"
#include "rules/detail/largest_change.hpp"
#include "rules/detail/sorted_windows.hpp"
#include "rules/detail/state_shape.hpp"

namespace detente::rules::classic {
namespace {

constexpr std::size_t kGrain = 2048;

template <class Real>
class Influence final : public Rule<Real> {
 public:
  Influence(const scenario::Influence& params, const Graph& graph,
            const Population<Real>& population)
      : c_(detail::constants<Real>(params)),
        // ρ ≥ 1 can never be exceeded on the [0,1] scale: skip the repulsion terms.
        repulsion_(params.repulsion_threshold && *params.repulsion_threshold < 1.0),
        graph_(graph),
        population_(population) {}

  void step(const StepContext&, State<Real>& state) override {
    const std::vector<Real>& x = state.opinion;
    next_.resize(x.size());
    if (graph_.complete()) {
      last_change_ = complete_step(state);
    } else if (graph_.network->weighted()) {
      last_change_ =
          repulsion_ ? network_step<true, true>(state) : network_step<true, false>(state);
    } else {
      last_change_ =
          repulsion_ ? network_step<false, true>(state) : network_step<false, false>(state);
    }
    state.opinion.swap(next_);
    updates_ += graph_.agents;
    if (!graph_.complete()) visits_ += graph_.network->edges();
  }

  bool converged(const State<Real>&, double tolerance) const override {
    return static_cast<double>(last_change_) <= tolerance;
  }

  std::uint64_t agent_updates() const override { return updates_; }
  std::uint64_t edge_visits() const override { return visits_; }

 private:
  // x_i' from the summed peers of agent i.
  Real finish(std::size_t i, Real xi, Real anchor, const detail::PeerSums<Real>& acc) {
    const Real s = population_.susceptibility[i];
    const Real mean = detail::peer_mean(c_.self_weight, xi, acc);
    const Real push = repulsion_ ? detail::repulsion(c_.repulsion_rate, s, acc) : Real(0);
    return detail::clamp01(
        detail::anchored_update(population_.stubbornness[i], anchor, c_.rate * s, xi, mean, push));
  }

  template <bool kEdgeWeights, bool kRepulsion>
  Real network_step(const State<Real>& state) {
    const SocialNetwork& net = *graph_.network;
    const std::vector<Real>& x = state.opinion;
    return detail::largest_change<Real>(x.size(), kGrain, [&](std::size_t begin, std::size_t end) {
      Real change = 0;
      for (std::size_t i = begin; i != end; ++i) {
        const auto id = static_cast<AgentId>(i);
        detail::PeerInputs<Real> in;
        in.trust = x.data();
        in.neighbours = net.neighbours.data();
        in.edge_weight = kEdgeWeights ? net.weights.data() : nullptr;
        in.self = x[i];
        in.confidence = c_.confidence;
        in.repulsion_threshold = c_.repulsion_threshold;
        detail::PeerSums<Real> acc;
        const std::uint64_t first = c_.all_peers ? net.offsets[i] : net.peer_begin(id);
        const std::uint64_t last = c_.all_peers ? net.offsets[i + 1] : net.peer_end(id);
        detail::gather_peers<Real, kEdgeWeights, false, kRepulsion>(in, first, last, acc);
        next_[i] = finish(i, x[i], state.anchor[i], acc);
        change = std::max(change, std::fabs(next_[i] - x[i]));
      }
      return change;
    });
  }

  // Every other agent is a peer with weight 1: the window sums, less the
  // agent itself (which always lies in its own window).
  Real complete_step(const State<Real>& state) {
    sorted_.assign(state.opinion);
    const std::size_t n = sorted_.size();
    return detail::largest_change<Real>(n, kGrain, [&](std::size_t begin, std::size_t end) {
      detail::WindowWalker<Real> near(sorted_, c_.confidence, begin);
      std::optional<detail::WindowWalker<Real>> close;
      if (repulsion_) close.emplace(sorted_, c_.repulsion_threshold, begin);
      Real change = 0;
      for (std::size_t k = begin; k != end; ++k) {
        const std::size_t i = sorted_.agent(k);
        const Real xi = sorted_.value(k);
        const auto [lo, hi] = near.at(k);
        detail::PeerSums<Real> acc;
        acc.near_weight[0] = static_cast<Real>(hi - lo - 1);
        acc.near_trust[0] = static_cast<Real>(sorted_.sum(lo, hi) - static_cast<double>(xi));
        if (repulsion_) {
          // Peers beyond ρ: everyone outside the ρ-window, each pushing by x_j − x_i.
          const auto [rlo, rhi] = close->at(k);
          const double far_sum = sorted_.sum(0, rlo) + sorted_.sum(rhi, n);
          const auto far_count = static_cast<double>(rlo + (n - rhi));
          acc.all_weight[0] = static_cast<Real>(n - 1);
          acc.push[0] = static_cast<Real>(far_sum - far_count * static_cast<double>(xi));
        }
        next_[i] = finish(i, xi, state.anchor[i], acc);
        change = std::max(change, std::fabs(next_[i] - xi));
      }
      return change;
    });
  }

  detail::InfluenceConstants<Real> c_;
  bool repulsion_;
  Graph graph_;
  const Population<Real>& population_;
  std::vector<Real> next_;
  detail::SortedOpinions<Real> sorted_;
  Real last_change_ = std::numeric_limits<Real>::infinity();
  std::uint64_t updates_ = 0;
  std::uint64_t visits_ = 0;
};

}  // namespace

template <class Real>
std::unique_ptr<Rule<Real>> make_influence(const scenario::Influence& params, const Graph& graph,
                                           const Population<Real>& population) {
  return std::make_unique<Influence<Real>>(params, graph, population);
}

template std::unique_ptr<Rule<float>> make_influence(const scenario::Influence&, const Graph&,
                                                     const Population<float>&);
template std::unique_ptr<Rule<double>> make_influence(const scenario::Influence&, const Graph&,
                                                      const Population<double>&);

}  // namespace detente::rules::classic

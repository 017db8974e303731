// Hegselmann–Krause (formula in classic_hegselmann_krause.hpp).
#include "rules/classic_hegselmann_krause.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "rules/detail/largest_change.hpp"
#include "rules/detail/peer_sums.hpp"
#include "rules/detail/sorted_windows.hpp"

namespace detente::rules::classic {
namespace {

constexpr std::size_t kGrain = 2048;

template <class Real>
class HegselmannKrause final : public Rule<Real> {
 public:
  HegselmannKrause(const scenario::Classic& params, const Graph& graph)
      : graph_(graph),
        confidence_(params.confidence >= 1.0 ? std::numeric_limits<Real>::infinity()
                                             : static_cast<Real>(params.confidence)) {}

  void step(const StepContext&, State<Real>& state) override {
    next_.resize(state.opinion.size());
    last_change_ = graph_.complete() ? complete_step(state.opinion) : network_step(state.opinion);
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
  Real network_step(const std::vector<Real>& x) {
    const SocialNetwork& net = *graph_.network;
    return detail::largest_change<Real>(x.size(), kGrain, [&](std::size_t begin, std::size_t end) {
      Real change = 0;
      for (std::size_t i = begin; i != end; ++i) {
        detail::PeerInputs<Real> in;
        in.trust = x.data();
        in.neighbours = net.neighbours.data();
        in.self = x[i];
        in.confidence = confidence_;
        detail::PeerSums<Real> acc;
        detail::gather_peers<Real, false, false, false>(in, net.offsets[i], net.offsets[i + 1],
                                                        acc);
        const Real mean = (x[i] + detail::PeerSums<Real>::total(acc.near_trust)) /
                          (Real(1) + detail::PeerSums<Real>::total(acc.near_weight));
        next_[i] = mean;
        change = std::max(change, std::fabs(mean - x[i]));
      }
      return change;
    });
  }

  // The complete graph: sorted opinions, prefix sums, a window per agent.
  Real complete_step(const std::vector<Real>& x) {
    sorted_.assign(x);
    return detail::largest_change<Real>(x.size(), kGrain, [&](std::size_t begin, std::size_t end) {
      detail::WindowWalker<Real> near(sorted_, confidence_, begin);
      Real change = 0;
      for (std::size_t k = begin; k != end; ++k) {
        const auto [lo, hi] = near.at(k);
        const auto mean = static_cast<Real>(sorted_.sum(lo, hi) / static_cast<double>(hi - lo));
        next_[sorted_.agent(k)] = mean;
        change = std::max(change, std::fabs(mean - sorted_.value(k)));
      }
      return change;
    });
  }

  Graph graph_;
  Real confidence_;
  std::vector<Real> next_;
  detail::SortedOpinions<Real> sorted_;
  Real last_change_ = std::numeric_limits<Real>::infinity();
  std::uint64_t updates_ = 0;
  std::uint64_t visits_ = 0;
};

}  // namespace

template <class Real>
std::unique_ptr<Rule<Real>> make_hegselmann_krause(const scenario::Classic& params,
                                                   const Graph& graph) {
  return std::make_unique<HegselmannKrause<Real>>(params, graph);
}

template std::unique_ptr<Rule<float>> make_hegselmann_krause(const scenario::Classic&,
                                                             const Graph&);
template std::unique_ptr<Rule<double>> make_hegselmann_krause(const scenario::Classic&,
                                                              const Graph&);

}  // namespace detente::rules::classic

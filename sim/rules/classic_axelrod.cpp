// Axelrod's cultural dissemination (rules in classic_axelrod.hpp).
#include "rules/classic_axelrod.hpp"

#include <algorithm>
#include <vector>

#include "core/draws.hpp"

namespace detente::rules::classic {
namespace {

template <class Real>
class Axelrod final : public Rule<Real> {
 public:
  Axelrod(const Graph& graph, const Streams& rng) : graph_(graph), rng_(rng) {}

  void step(const StepContext& context, State<Real>& state) override {
    const auto t = static_cast<std::uint64_t>(context.step);
    const std::uint64_t n = graph_.agents;
    const std::size_t f = state.features;
    std::uint16_t* culture = state.culture.data();
    changes_ = 0;
    for (std::uint64_t u = 0; u < n; ++u) {
      const auto b = rng_.bits(Purpose::classic, kAxelrod, t, u);
      const auto i = static_cast<AgentId>(uniform_below(b[0], b[1], n));
      const AgentId j = neighbour(i, b[2], b[3]);
      if (j == i) continue;
      std::uint16_t* ci = culture + static_cast<std::size_t>(i) * f;
      const std::uint16_t* cj = culture + static_cast<std::size_t>(j) * f;
      std::size_t overlap = 0;
      for (std::size_t k = 0; k < f; ++k)
        overlap += ci[k] == cj[k] ? 1u : 0u;
      if (overlap == 0 || overlap == f) continue;  // nothing to share, or nothing to learn
      // Interact with probability overlap / F (compared exactly in integers),
      // then copy one of the F − overlap differing traits.
      const auto c = rng_.bits(Purpose::classic, kAxelrod, t, u, 1);
      if (static_cast<std::uint64_t>(c[0]) * f >= (static_cast<std::uint64_t>(overlap) << 32))
        continue;
      std::size_t pick = uniform_below(c[1], c[2], f - overlap);
      for (std::size_t k = 0; k < f; ++k) {
        if (ci[k] == cj[k]) continue;
        if (pick-- == 0) {
          ci[k] = cj[k];
          break;
        }
      }
      ++changes_;
    }
    updates_ += n;
  }

  bool converged(const State<Real>& state, double) const override {
    if (changes_ != 0) return false;  // a frozen state cannot change
    const std::size_t f = state.features;
    const std::uint16_t* culture = state.culture.data();
    const auto active = [&](AgentId i, AgentId j) {
      std::size_t overlap = 0;
      for (std::size_t k = 0; k < f; ++k)
        overlap += culture[i * f + k] == culture[j * f + k] ? 1u : 0u;
      return overlap > 0 && overlap < f;
    };
    if (graph_.complete()) {
      // Distinct cultures only: identical agents are never active.
      std::vector<AgentId> distinct;
      std::vector<AgentId> order(graph_.agents);
      for (AgentId i = 0; i < order.size(); ++i)
        order[i] = i;
      const auto less = [&](AgentId x, AgentId y) {
        return std::lexicographical_compare(culture + x * f, culture + (x + 1) * f, culture + y * f,
                                            culture + (y + 1) * f);
      };
      std::sort(order.begin(), order.end(), less);
      for (std::size_t k = 0; k < order.size(); ++k)
        if (k == 0 || less(order[k - 1], order[k])) distinct.push_back(order[k]);
      for (std::size_t x = 0; x < distinct.size(); ++x)
        for (std::size_t y = x + 1; y < distinct.size(); ++y)
          if (active(distinct[x], distinct[y])) return false;
      return true;
    }
    const SocialNetwork& net = *graph_.network;
    for (AgentId i = 0; i < graph_.agents; ++i)
      for (const AgentId j : net.row(i))
        if (active(i, j)) return false;
    return true;
  }

  std::uint64_t agent_updates() const override { return updates_; }

 private:
  AgentId neighbour(AgentId i, std::uint32_t hi, std::uint32_t lo) const {
    if (graph_.complete()) {
      const std::uint64_t n = graph_.agents;
      if (n < 2) return i;
      const auto j = static_cast<AgentId>(uniform_below(hi, lo, n - 1));
      return j + (j >= i ? 1 : 0);
    }
    const SocialNetwork& net = *graph_.network;
    const std::uint64_t begin = net.offsets[i];
    const std::uint64_t degree = net.offsets[i + 1] - begin;
    return degree == 0 ? i : net.neighbours[begin + uniform_below(hi, lo, degree)];
  }

  Graph graph_;
  Streams rng_;
  std::uint64_t changes_ = 1;
  std::uint64_t updates_ = 0;
};

}  // namespace

template <class Real>
std::unique_ptr<Rule<Real>> make_axelrod(const Graph& graph, const Streams& rng) {
  return std::make_unique<Axelrod<Real>>(graph, rng);
}

template std::unique_ptr<Rule<float>> make_axelrod(const Graph&, const Streams&);
template std::unique_ptr<Rule<double>> make_axelrod(const Graph&, const Streams&);

}  // namespace detente::rules::classic

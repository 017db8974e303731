// Deffuant–Weisbuch (formula and schedules in classic_deffuant.hpp).
#include "rules/classic_deffuant.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/draws.hpp"
#include "core/edge_colouring.hpp"
#include "core/permutation.hpp"

namespace detente::rules::classic {
namespace {

// Meetings per parallel task: enough to amortise scheduling.
constexpr std::size_t kGrain = 4096;

// Meetings of the sequential schedule whose pairs are drawn before any of
// them runs (even, as network meetings share draws in twos): large enough
// that drawing the next batch on another thread pays for starting it.
constexpr std::size_t kBatch = 16384;

// One meeting, without a branch on the opinions (they are random, so a branch
// would be mispredicted half the time): a pair out of range moves by 0.
// Returns how far each of the two moved.
template <class Real>
inline Real meet(Real* x, AgentId i, AgentId j, Real confidence, Real rate) {
  const Real xi = x[i];
  const Real xj = x[j];
  const Real d = xj - xi;
  const Real move = (d < confidence && -d < confidence) ? rate * d : Real(0);
  x[i] = xi + move;
  x[j] = xj - move;
  return std::fabs(move);
}

template <class Real>
class Deffuant final : public Rule<Real> {
 public:
  Deffuant(const scenario::Classic& params, const Graph& graph, const Streams& rng)
      : graph_(graph),
        rng_(rng),
        confidence_(static_cast<Real>(params.confidence)),
        rate_(static_cast<Real>(params.rate)),
        parallel_(params.schedule == scenario::Schedule::parallel) {
    if (graph.complete()) return;
    std::vector<AgentId> a, b;
    network_pairs(*graph.network, a, b);
    if (parallel_) {
      const RandomPermutation order(a.size(), rng_.bits(Purpose::classic, kColouring, 0, 0));
      pairs_ = colour_pairs(graph.agents, a, b, order);
    } else {
      pairs_.a = std::move(a);
      pairs_.b = std::move(b);
    }
  }

  void step(const StepContext& context, State<Real>& state) override {
    const auto t = static_cast<std::uint64_t>(context.step);
    Real* x = state.opinion.data();
    if (!parallel_)
      last_change_ = sequential_step(t, x);
    else
      last_change_ = graph_.complete() ? parallel_complete(t, x) : parallel_network(x);
  }

  bool converged(const State<Real>& state, double tolerance) const override {
    // A converged state moves nobody by more than μτ ≤ τ: the last step
    // tells cheaply when the exact test below is worth running.
    if (static_cast<double>(last_change_) > tolerance) return false;
    const std::vector<Real>& x = state.opinion;
    if (graph_.complete()) {
      std::vector<Real> v(x);
      std::sort(v.begin(), v.end());
      // For each value, the farthest value above it still within ε.
      std::size_t far = 0;
      for (std::size_t i = 0; i < v.size(); ++i) {
        far = std::max(far, i);
        while (far + 1 < v.size() && v[far + 1] - v[i] < confidence_)
          ++far;
        if (static_cast<double>(v[far] - v[i]) > tolerance) return false;
      }
      return true;
    }
    const std::size_t pairs = pairs_.a.size();
    return !tbb::parallel_reduce(
        tbb::blocked_range<std::size_t>(0, pairs, kGrain), false,
        [&](const tbb::blocked_range<std::size_t>& r, bool active) {
          for (std::size_t k = r.begin(); k != r.end() && !active; ++k) {
            const Real d = std::fabs(x[pairs_.b[k]] - x[pairs_.a[k]]);
            active = (d < confidence_) && (static_cast<double>(d) > tolerance);
          }
          return active;
        },
        [](bool p, bool q) { return p || q; });
  }

  std::uint64_t meetings() const override { return meetings_; }

 private:
  std::uint64_t meetings_per_step() const { return graph_.agents / 2; }

  // Fills first/second with the pairs of meetings [base, base + size) of
  // step t. On a network two meetings share a draw (a pair needs 64 random
  // bits), so `base` must be even.
  void draw_pairs(std::uint64_t t, std::uint64_t base, std::size_t size, AgentId* first,
                  AgentId* second) {
    if (graph_.complete()) {
      const std::uint64_t n = graph_.agents;
      for (std::size_t k = 0; k < size; ++k) {
        const auto b = rng_.bits(Purpose::classic, kMeeting, t, base + k);
        const auto i = static_cast<AgentId>(uniform_below(b[0], b[1], n));
        const auto j = static_cast<AgentId>(uniform_below(b[2], b[3], n - 1));
        first[k] = i;
        second[k] = j + (j >= i ? 1 : 0);
      }
      return;
    }
    // The pair indices first, then their ends: the lookups of the second
    // loop are independent, so many of them wait on memory at once.
    const std::uint64_t pairs = pairs_.a.size();
    chosen_.resize(kBatch);
    for (std::size_t k = 0; k < size; k += 2) {
      const auto b = rng_.bits(Purpose::classic, kMeeting, t, (base + k) / 2);
      chosen_[k] = uniform_below(b[0], b[1], pairs);
      if (k + 1 < size) chosen_[k + 1] = uniform_below(b[2], b[3], pairs);
    }
    for (std::size_t k = 0; k < size; ++k) {
      first[k] = pairs_.a[chosen_[k]];
      second[k] = pairs_.b[chosen_[k]];
    }
  }

  // The meetings of a step, one after another. Who meets whom does not
  // depend on opinions, so while one thread runs a batch of meetings the
  // next batch's pairs are drawn on another (with one thread, one after
  // the other): the order of the meetings, hence the result, is the same.
  Real sequential_step(std::uint64_t t, Real* x) {
    const bool any = graph_.complete() || !pairs_.a.empty();
    const std::uint64_t count = any ? meetings_per_step() : 0;
    first_.resize(2 * kBatch);
    second_.resize(2 * kBatch);
    const auto size_at = [&](std::uint64_t base) {
      return static_cast<std::size_t>(std::min<std::uint64_t>(kBatch, count - base));
    };
    Real change = 0;
    if (count > 0) draw_pairs(t, 0, size_at(0), first_.data(), second_.data());
    for (std::uint64_t base = 0, half = 0; base < count; base += kBatch, half ^= 1) {
      const AgentId* first = first_.data() + half * kBatch;
      const AgentId* second = second_.data() + half * kBatch;
      const std::size_t size = size_at(base);
      const auto run = [&] {
        for (std::size_t k = 0; k < size; ++k)
          change = std::max(change, meet(x, first[k], second[k], confidence_, rate_));
      };
      const std::uint64_t next = base + kBatch;
      if (next >= count) {
        run();
        break;
      }
      tbb::parallel_invoke(run, [&] {
        draw_pairs(t, next, size_at(next), first_.data() + (half ^ 1) * kBatch,
                   second_.data() + (half ^ 1) * kBatch);
      });
    }
    meetings_ += count;
    return change;
  }

  // Runs meet(first(k), second(k)) for k in [begin, end) in parallel; the
  // pairs must be disjoint. Returns the largest move.
  template <class Pair>
  Real parallel_meetings(std::uint64_t begin, std::uint64_t end, Real* x, const Pair& pair) {
    meetings_ += end - begin;
    return tbb::parallel_reduce(
        tbb::blocked_range<std::uint64_t>(begin, end, kGrain), Real(0),
        [&](const tbb::blocked_range<std::uint64_t>& r, Real change) {
          for (std::uint64_t k = r.begin(); k != r.end(); ++k) {
            const auto [i, j] = pair(k);
            change = std::max(change, meet(x, i, j, confidence_, rate_));
          }
          return change;
        },
        [](Real p, Real q) { return std::max(p, q); });
  }

  Real parallel_complete(std::uint64_t t, Real* x) {
    const RandomPermutation pi(graph_.agents, rng_.bits(Purpose::classic, kMatching, t, 0));
    return parallel_meetings(0, meetings_per_step(), x, [&](std::uint64_t m) {
      return std::pair{static_cast<AgentId>(pi(2 * m)), static_cast<AgentId>(pi(2 * m + 1))};
    });
  }

  Real parallel_network(Real* x) {
    const std::uint64_t target = meetings_per_step();
    Real change = 0;
    if (pairs_.a.empty()) return change;
    for (std::uint64_t done = 0; done < target;) {
      if (position_ == order_.size()) new_sweep();
      const std::size_t c = order_[position_++];
      const std::uint64_t begin = pairs_.begin[c], end = pairs_.begin[c + 1];
      change = std::max(change, parallel_meetings(begin, end, x, [&](std::uint64_t k) {
                          return std::pair{pairs_.a[k], pairs_.b[k]};
                        }));
      done += end - begin;
    }
    return change;
  }

  // A fresh random order of the classes (Fisher–Yates from the sweep's stream).
  void new_sweep() {
    order_.resize(pairs_.classes());
    for (std::size_t c = 0; c < order_.size(); ++c)
      order_[c] = static_cast<std::uint32_t>(c);
    for (std::size_t k = order_.size(); k > 1; --k) {
      const auto b = rng_.bits(Purpose::classic, kSweep, sweep_, k);
      std::swap(order_[k - 1], order_[uniform_below(b[0], b[1], k)]);
    }
    ++sweep_;
    position_ = 0;
  }

  Graph graph_;
  Streams rng_;
  Real confidence_;
  Real rate_;
  bool parallel_;
  MatchingClasses pairs_;                // network only; coloured for the parallel schedule
  std::vector<AgentId> first_, second_;  // sequential schedule: two batches of pairs
  std::vector<std::uint64_t> chosen_;    // and the pair indices of the one being drawn
  std::vector<std::uint32_t> order_;
  std::size_t position_ = 0;
  std::uint64_t sweep_ = 0;
  Real last_change_ = std::numeric_limits<Real>::infinity();
  std::uint64_t meetings_ = 0;
};

}  // namespace

template <class Real>
std::unique_ptr<Rule<Real>> make_deffuant(const scenario::Classic& params, const Graph& graph,
                                          const Streams& rng) {
  return std::make_unique<Deffuant<Real>>(params, graph, rng);
}

template std::unique_ptr<Rule<float>> make_deffuant(const scenario::Classic&, const Graph&,
                                                    const Streams&);
template std::unique_ptr<Rule<double>> make_deffuant(const scenario::Classic&, const Graph&,
                                                     const Streams&);

}  // namespace detente::rules::classic

// The voter model (rules in classic_voter.hpp).
#include "rules/classic_voter.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <array>
#include <vector>

#include "core/draws.hpp"

namespace detente::rules::classic {
namespace {

constexpr std::size_t kGrain = 4096;
// Updates of the sequential schedule drawn ahead of running them.
constexpr std::size_t kBatch = 16384;

template <class Real>
class Voter final : public Rule<Real> {
 public:
  Voter(const scenario::Classic& params, const Graph& graph, const Streams& rng)
      : graph_(graph), rng_(rng), parallel_(params.schedule == scenario::Schedule::parallel) {}

  void step(const StepContext& context, State<Real>& state) override {
    const auto t = static_cast<std::uint64_t>(context.step);
    changes_ = parallel_ ? parallel_step(t, state.opinion) : sequential_step(t, state.opinion);
    updates_ += graph_.agents;
  }

  bool converged(const State<Real>& state, double) const override {
    if (changes_ != 0) return false;  // an absorbed state cannot change
    const std::vector<Real>& x = state.opinion;
    if (graph_.complete())
      return std::all_of(x.begin(), x.end(), [&](Real v) { return v == x.front(); });
    const SocialNetwork& net = *graph_.network;
    return !tbb::parallel_reduce(
        tbb::blocked_range<std::size_t>(0, x.size(), kGrain), false,
        [&](const tbb::blocked_range<std::size_t>& r, bool split) {
          for (std::size_t i = r.begin(); i != r.end() && !split; ++i)
            for (const AgentId j : net.row(static_cast<AgentId>(i)))
              split = split || x[j] != x[i];
          return split;
        },
        [](bool p, bool q) { return p || q; });
  }

  std::uint64_t agent_updates() const override { return updates_; }

 private:
  // The agent whose opinion `i` copies, from 64 random bits; i itself when alone.
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

  // Fills who/whom with updates [base, base + size) of step t: the agent,
  // then the neighbour it copies (in a second loop, so the lookups overlap).
  void draw_updates(std::uint64_t t, std::uint64_t base, std::size_t size, AgentId* who,
                    AgentId* whom) {
    const std::uint64_t n = graph_.agents;
    pick_.resize(kBatch);
    for (std::size_t k = 0; k < size; ++k) {
      const auto b = rng_.bits(Purpose::classic, kVoter, t, base + k);
      who[k] = static_cast<AgentId>(uniform_below(b[0], b[1], n));
      pick_[k] = {b[2], b[3]};
    }
    for (std::size_t k = 0; k < size; ++k)
      whom[k] = neighbour(who[k], pick_[k].first, pick_[k].second);
  }

  // Who copies whom does not depend on opinions: while one thread runs a
  // batch of copies, the next batch is drawn on another (with one thread,
  // one after the other); the copies happen in the same order either way.
  std::uint64_t sequential_step(std::uint64_t t, std::vector<Real>& x) {
    const std::uint64_t n = graph_.agents;
    who_.resize(2 * kBatch);
    whom_.resize(2 * kBatch);
    const auto size_at = [&](std::uint64_t base) {
      return static_cast<std::size_t>(std::min<std::uint64_t>(kBatch, n - base));
    };
    std::uint64_t changes = 0;
    if (n > 0) draw_updates(t, 0, size_at(0), who_.data(), whom_.data());
    for (std::uint64_t base = 0, half = 0; base < n; base += kBatch, half ^= 1) {
      const AgentId* who = who_.data() + half * kBatch;
      const AgentId* whom = whom_.data() + half * kBatch;
      const std::size_t size = size_at(base);
      const auto run = [&] {
        for (std::size_t k = 0; k < size; ++k) {
          const Real copied = x[whom[k]];
          changes += copied != x[who[k]] ? 1u : 0u;
          x[who[k]] = copied;
        }
      };
      const std::uint64_t next = base + kBatch;
      if (next >= n) {
        run();
        break;
      }
      tbb::parallel_invoke(run, [&] {
        draw_updates(t, next, size_at(next), who_.data() + (half ^ 1) * kBatch,
                     whom_.data() + (half ^ 1) * kBatch);
      });
    }
    return changes;
  }

  // Agent i's choice is words 2(i % 2) and 2(i % 2) + 1 of draw
  // (kVoter, t, i / 2): one draw serves two agents, whatever block they fall in.
  std::uint64_t parallel_step(std::uint64_t t, std::vector<Real>& x) {
    next_.resize(x.size());
    const std::uint64_t changes = tbb::parallel_reduce(
        tbb::blocked_range<std::size_t>(0, x.size(), kGrain), std::uint64_t{0},
        [&](const tbb::blocked_range<std::size_t>& r, std::uint64_t count) {
          std::array<std::uint32_t, 4> b{};
          for (std::size_t i = r.begin(); i != r.end(); ++i) {
            if (i == r.begin() || i % 2 == 0) b = rng_.bits(Purpose::classic, kVoter, t, i / 2);
            const std::size_t w = 2 * (i % 2);
            const Real copied = x[neighbour(static_cast<AgentId>(i), b[w], b[w + 1])];
            count += copied != x[i] ? 1u : 0u;
            next_[i] = copied;
          }
          return count;
        },
        [](std::uint64_t p, std::uint64_t q) { return p + q; });
    x.swap(next_);
    return changes;
  }

  Graph graph_;
  Streams rng_;
  bool parallel_;
  std::vector<Real> next_;
  std::vector<AgentId> who_, whom_;  // sequential schedule: two batches of updates
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pick_;  // and the batch being drawn
  std::uint64_t changes_ = 1;
  std::uint64_t updates_ = 0;
};

}  // namespace

template <class Real>
std::unique_ptr<Rule<Real>> make_voter(const scenario::Classic& params, const Graph& graph,
                                       const Streams& rng) {
  return std::make_unique<Voter<Real>>(params, graph, rng);
}

template std::unique_ptr<Rule<float>> make_voter(const scenario::Classic&, const Graph&,
                                                 const Streams&);
template std::unique_ptr<Rule<double>> make_voter(const scenario::Classic&, const Graph&,
                                                  const Streams&);

}  // namespace detente::rules::classic

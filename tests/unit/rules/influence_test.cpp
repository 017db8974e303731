// Social influence: hand-computed cases, the classic special cases against
// their closed forms (design §7), every code path of the kernel against a
// plain reference of the header's formula, and thread-count invariance.
#include <tbb/global_control.h>

#include <Eigen/Dense>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <stdexcept>

#include "rules/influence.hpp"
#include "rules_fixtures.hpp"

using namespace detente;
using detente::test::Arc;

namespace {

// 3 agents in group 0, trust toward the empty group 1 is the opinion.
constexpr std::uint32_t kThree = 3;
const std::vector<std::uint32_t> kThreeAlone = {0, 3, 3};

// T = [[1/3,1/3,1/3],[1/2,1/2,0],[0,1/4,3/4]] as a directed weighted
// network with self-loops (row i lists the agents i listens to).
SocialNetwork degroot_network() {
  return test::make_network(
      kThreeAlone,
      {{{0, 1.0 / 3}, {1, 1.0 / 3}, {2, 1.0 / 3}}, {{0, 0.5}, {1, 0.5}}, {{1, 0.25}, {2, 0.75}}},
      true);
}

Eigen::Matrix3d degroot_matrix() {
  Eigen::Matrix3d t;
  t << 1.0 / 3, 1.0 / 3, 1.0 / 3, 0.5, 0.5, 0.0, 0.0, 0.25, 0.75;
  return t;
}

scenario::Influence classic_params() {
  scenario::Influence p;
  p.rate = 1.0;        // μ
  p.confidence = 1.0;  // ε unbounded
  p.self_weight = 0.0;
  return p;
}

template <class Real>
void step(const scenario::Influence& params, const SocialNetwork& net, Population<Real>& pop,
          std::span<const float> speaker = {}) {
  rules::TrustArrays<Real> next;
  rules::apply_influence(params, net, pop, speaker, next);
  pop.trust.swap(next);
}

// The header's formula, written out plainly in double.
double reference(const scenario::Influence& p, const SocialNetwork& net,
                 const Population<double>& pop, std::span<const float> speaker, std::size_t i,
                 std::size_t h) {
  const double xi = pop.trust[h][i];
  const double eps = p.confidence >= 1.0 ? 1e300 : p.confidence;
  double near_w = p.self_weight, near_x = p.self_weight * xi, all_w = 0.0, push = 0.0;
  for (std::uint64_t k = net.offsets[i]; k < net.offsets[i + 1]; ++k) {
    const AgentId j = net.neighbours[k];
    const bool peer = p.peers == scenario::Peers::all
                          ? pop.group[j] != h
                          : (k >= net.peer_begin(static_cast<AgentId>(i)) &&
                             k < net.peer_end(static_cast<AgentId>(i)));
    if (!peer) continue;
    const double w = (net.weighted() ? net.weights[k] : 1.0) *
                     (speaker.empty() ? 1.0 : static_cast<double>(speaker[j]));
    const double xj = pop.trust[h][j];
    if (std::fabs(xj - xi) <= eps) {
      near_w += w;
      near_x += w * xj;
    }
    all_w += w;
    if (p.repulsion_threshold && std::fabs(xj - xi) > *p.repulsion_threshold) push += w * (xj - xi);
  }
  const double m = near_w > 0 ? near_x / near_w : xi;
  const double lambda = pop.stubbornness[i], s = pop.susceptibility[i];
  const double repulsion =
      p.repulsion_threshold && all_w > 0 ? p.repulsion_rate * s * push / all_w : 0.0;
  const double x = lambda * pop.anchor[h][i] +
                   (1 - lambda) * ((1 - p.rate * s) * xi + p.rate * s * m - repulsion);
  return std::clamp(x, 0.0, 1.0);
}

// A random network over `sizes` groups: each agent gets ~`degree` in-group
// and a few cross-group out-neighbours, random weights.
SocialNetwork random_network(const std::vector<std::uint32_t>& group_begin, int degree,
                             bool weighted, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  const std::size_t n = group_begin.back();
  std::vector<std::vector<Arc>> rows(n);
  std::uniform_real_distribution<double> weight(0.1, 2.0);
  for (AgentId i = 0; i < n; ++i) {
    const std::size_t g = test::group_of(group_begin, i);
    const std::uint32_t lo = group_begin[g], size = group_begin[g + 1] - lo;
    std::vector<AgentId> seen;
    const int d = static_cast<int>(gen() % static_cast<std::uint64_t>(2 * degree + 1));
    for (int k = 0; k < d; ++k)
      seen.push_back(lo + static_cast<AgentId>(gen() % size));
    for (int k = 0; k < 3; ++k)
      seen.push_back(static_cast<AgentId>(gen() % n));
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (AgentId j : seen)
      rows[i].push_back({j, weight(gen)});
  }
  return test::make_network(group_begin, std::move(rows), weighted);
}

template <class Real>
void randomise(Population<Real>& pop, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (std::size_t h = 0; h < pop.trust.size(); ++h) {
    for (std::size_t i = 0; i < pop.size(); ++i) {
      if (pop.group[i] == h) continue;
      pop.trust[h][i] = static_cast<Real>(u(gen));
      pop.anchor[h][i] = static_cast<Real>(u(gen));
    }
  }
  for (std::size_t i = 0; i < pop.size(); ++i) {
    pop.susceptibility[i] = static_cast<Real>(u(gen));
    pop.stubbornness[i] = static_cast<Real>(0.3 * u(gen));
  }
}

}  // namespace

TEMPLATE_TEST_CASE("influence: hand-computed step toward near peers only", "[influence]", float,
                   double) {
  using Real = TestType;
  // Group 0 = agents 0..2, group 1 = agent 3. Agent 0 hears 1 and 2 (and 3,
  // who is not a peer under `in_group`).
  auto pop = test::make_population<Real>({3, 1});
  pop.trust[1] = {Real(0.2), Real(0.4), Real(0.9), Real(0)};
  pop.trust[0][3] = Real(0.7);
  pop.anchor = pop.trust;
  pop.anchor[1][0] = Real(0.5);
  pop.stubbornness[0] = Real(0.1);
  pop.susceptibility[0] = Real(0.8);
  pop.stubbornness[3] = Real(0.25);
  pop.anchor[0][3] = Real(0.3);
  const auto net = test::make_undirected(pop.group_begin, {{0, 1}, {0, 2}, {0, 3}});
  scenario::Influence p;
  p.rate = 0.5;
  p.confidence = 0.3;

  rules::TrustArrays<Real> next;
  rules::apply_influence(p, net, pop, {}, next);
  // m_0 = 0.4 (agent 2 is 0.7 away, beyond ε): 0.1·0.5 + 0.9·(0.6·0.2 + 0.4·0.4)
  CHECK(next[1][0] == Approx(0.302).epsilon(1e-6));
  // Agent 3 has no in-group peer: m = x, only the anchor pulls: 0.25·0.3 + 0.75·0.7
  CHECK(next[0][3] == Approx(0.6).epsilon(1e-6));
  // Own-group entries are 0.
  CHECK(next[0][0] == Real(0));
  CHECK(next[1][3] == Real(0));

  p.confidence = 1.0;  // now agent 2 counts too: m = 0.65
  rules::apply_influence(p, net, pop, {}, next);
  CHECK(next[1][0] == Approx(0.05 + 0.9 * (0.6 * 0.2 + 0.4 * 0.65)).epsilon(1e-6));
}

TEST_CASE("influence: bounded confidence ignores a neighbour beyond epsilon", "[influence]") {
  auto pop = test::make_population<double>({2, 1});
  pop.trust[1] = {0.1, 0.9, 0.0};
  pop.stubbornness.assign(3, 0.0);
  const auto net = test::make_undirected(pop.group_begin, {{0, 1}});
  scenario::Influence p;
  p.confidence = 0.5;
  rules::TrustArrays<double> next;
  rules::apply_influence(p, net, pop, {}, next);
  CHECK(next[1][0] == 0.1);
  CHECK(next[1][1] == 0.9);
}

TEST_CASE("influence: DeGroot reaches the left-eigenvector consensus", "[influence][classic]") {
  auto pop = test::make_population<double>({kThree, 0});
  pop.trust[1] = {0.9, 0.1, 0.5};
  pop.stubbornness.assign(3, 0.0);
  pop.susceptibility.assign(3, 1.0);
  const Eigen::Vector3d x0(0.9, 0.1, 0.5);

  // The stationary left eigenvector of T, from Eigen.
  Eigen::EigenSolver<Eigen::Matrix3d> solver(degroot_matrix().transpose());
  Eigen::Index one = 0;
  (solver.eigenvalues().real().array() - 1.0).abs().minCoeff(&one);
  Eigen::Vector3d pi = solver.eigenvectors().col(one).real();
  pi /= pi.sum();
  REQUIRE(pi(0) == Approx(3.0 / 11).margin(1e-12));
  REQUIRE(pi(1) == Approx(4.0 / 11).margin(1e-12));
  const double consensus = pi.dot(x0);

  const auto net = degroot_network();
  for (int t = 0; t < 400; ++t)
    step(classic_params(), net, pop);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(std::fabs(pop.trust[1][i] - consensus) < 1e-9);
  CHECK(consensus == Approx(5.1 / 11).margin(1e-12));
}

TEST_CASE("influence: one DeGroot step is x' = T x", "[influence][classic]") {
  auto pop = test::make_population<double>({kThree, 0});
  pop.trust[1] = {0.9, 0.1, 0.5};
  pop.stubbornness.assign(3, 0.0);
  pop.susceptibility.assign(3, 1.0);
  const Eigen::Vector3d expected = degroot_matrix() * Eigen::Vector3d(0.9, 0.1, 0.5);
  step(classic_params(), degroot_network(), pop);
  for (int i = 0; i < 3; ++i)
    CHECK(std::fabs(pop.trust[1][i] - expected(i)) < 1e-15);
}

TEST_CASE("influence: Friedkin-Johnsen reaches (I - (I - L)W)^-1 L x(0)", "[influence][classic]") {
  auto pop = test::make_population<double>({kThree, 0});
  pop.trust[1] = {1.0, 0.0, 0.0};
  pop.anchor = pop.trust;  // a = x(0)
  pop.stubbornness = {0.5, 0.2, 0.0};
  pop.susceptibility.assign(3, 1.0);

  const Eigen::Matrix3d lambda = Eigen::Vector3d(0.5, 0.2, 0.0).asDiagonal();
  const Eigen::Matrix3d identity = Eigen::Matrix3d::Identity();
  const Eigen::Vector3d fixed = (identity - (identity - lambda) * degroot_matrix())
                                    .partialPivLu()
                                    .solve(lambda * Eigen::Vector3d(1.0, 0.0, 0.0));
  REQUIRE(fixed(0) == Approx(0.8182).margin(1e-4));
  REQUIRE(fixed(1) == Approx(0.5455).margin(1e-4));
  REQUIRE(fixed(2) == Approx(0.5455).margin(1e-4));

  const auto net = degroot_network();
  for (int t = 0; t < 600; ++t)
    step(classic_params(), net, pop);
  for (int i = 0; i < 3; ++i)
    CHECK(std::fabs(pop.trust[1][static_cast<std::size_t>(i)] - fixed(i)) < 1e-9);
}

TEST_CASE("influence: Hegselmann-Krause averages the confidence set, self included",
          "[influence][classic]") {
  auto pop = test::make_population<double>({5, 0});
  pop.trust[1] = {0.1, 0.15, 0.2, 0.8, 0.85};
  pop.stubbornness.assign(5, 0.0);
  pop.susceptibility.assign(5, 1.0);
  std::vector<std::pair<AgentId, AgentId>> complete;
  for (AgentId i = 0; i < 5; ++i) {
    for (AgentId j = i + 1; j < 5; ++j)
      complete.push_back({i, j});
  }
  const auto net = test::make_undirected({0, 5, 5}, complete);
  scenario::Influence p = classic_params();
  p.confidence = 0.12;
  p.self_weight = 1.0;
  rules::TrustArrays<double> next;
  rules::apply_influence(p, net, pop, {}, next);
  CHECK(next[1][0] == Approx((0.1 + 0.15 + 0.2) / 3).epsilon(1e-14));
  CHECK(next[1][1] == Approx((0.1 + 0.15 + 0.2) / 3).epsilon(1e-14));
  CHECK(next[1][2] == Approx((0.1 + 0.15 + 0.2) / 3).epsilon(1e-14));
  CHECK(next[1][3] == Approx((0.8 + 0.85) / 2).epsilon(1e-14));
  CHECK(next[1][4] == Approx((0.8 + 0.85) / 2).epsilon(1e-14));
}

TEMPLATE_TEST_CASE("influence: repulsion pushes away from far neighbours", "[influence]", float,
                   double) {
  using Real = TestType;
  auto pop = test::make_population<Real>({2, 1});
  pop.trust[1] = {Real(0.2), Real(0.9), Real(0)};
  pop.stubbornness.assign(3, Real(0));
  pop.susceptibility.assign(3, Real(1));
  const auto net = test::make_undirected(pop.group_begin, {{0, 1}});
  scenario::Influence p;
  p.rate = 0.5;
  p.confidence = 0.3;
  p.repulsion_threshold = 0.5;
  p.repulsion_rate = 0.1;
  rules::TrustArrays<Real> next;
  rules::apply_influence(p, net, pop, {}, next);
  // No near peer (m = x); repulsion = 0.1·1·(0.9 − 0.2)/1.
  CHECK(next[1][0] == Approx(0.2 - 0.07).epsilon(1e-6));
  CHECK(next[1][1] == Approx(0.9 + 0.07).epsilon(1e-6));

  // Stubbornness damps the push as it damps the pull: with λ = 0.5 and the
  // anchors where trust is, half the push remains; a fully stubborn agent
  // stays at its anchor.
  pop.anchor = pop.trust;
  pop.stubbornness = {Real(0.5), Real(1), Real(0)};
  rules::apply_influence(p, net, pop, {}, next);
  CHECK(next[1][0] == Approx(0.2 - 0.5 * 0.07).epsilon(1e-6));
  CHECK(next[1][1] == Approx(0.9).epsilon(1e-6));

  p.repulsion_threshold.reset();  // off: nobody moves
  pop.stubbornness.assign(3, Real(0));
  rules::apply_influence(p, net, pop, {}, next);
  CHECK(next[1][0] == Approx(0.2).epsilon(1e-7));
  CHECK(next[1][1] == Approx(0.9).epsilon(1e-7));
}

TEST_CASE("influence: peers=all hears other out-groups but never members of h", "[influence]") {
  // Agent 0 in group 0; agent 1 in group 1 (= h); agent 2 in group 2.
  auto pop = test::make_population<double>({1, 1, 1});
  pop.trust[1][0] = 0.2;
  pop.trust[1][2] = 0.6;  // agent 2's trust toward group 1
  pop.stubbornness.assign(3, 0.0);
  pop.susceptibility.assign(3, 1.0);
  const auto net = test::make_undirected(pop.group_begin, {{0, 1}, {0, 2}});
  scenario::Influence p;
  p.rate = 0.5;
  p.confidence = 1.0;

  rules::TrustArrays<double> next;
  rules::apply_influence(p, net, pop, {}, next);
  CHECK(next[1][0] == 0.2);  // in_group: agent 0 has no peer

  p.peers = scenario::Peers::all;
  rules::apply_influence(p, net, pop, {}, next);
  CHECK(next[1][0] == Approx(0.5 * 0.2 + 0.5 * 0.6).epsilon(1e-15));  // agent 1 excluded
}

TEST_CASE("influence: edge and speaker weights multiply", "[influence]") {
  auto pop = test::make_population<double>({3, 0});
  pop.trust[1] = {0.1, 0.4, 0.8};
  pop.stubbornness.assign(3, 0.0);
  pop.susceptibility.assign(3, 1.0);
  const auto net = test::make_network({0, 3, 3}, {{{1, 1.0}, {2, 3.0}}, {}, {}}, true);
  const std::vector<float> speaker = {1.0f, 1.0f, 2.0f};  // agent 2 is an ambassador
  rules::TrustArrays<double> next;
  rules::apply_influence(classic_params(), net, pop, speaker, next);
  CHECK(next[1][0] == Approx((1.0 * 0.4 + 6.0 * 0.8) / 7.0).epsilon(1e-15));
}

TEST_CASE("influence: every kernel path matches the formula on a random network", "[influence]") {
  const std::vector<std::uint32_t> sizes = {120, 90, 60};
  auto pop = test::make_population<double>(sizes);
  randomise(pop, 7);
  std::vector<float> speaker(pop.size());
  std::mt19937_64 gen(3);
  for (float& w : speaker)
    w = 0.5f + static_cast<float>(gen() % 4);

  for (bool weighted : {false, true}) {
    const auto net = random_network(pop.group_begin, 12, weighted, 11);
    for (bool with_speaker : {false, true}) {
      for (bool repulsion : {false, true}) {
        for (auto peers : {scenario::Peers::in_group, scenario::Peers::all}) {
          scenario::Influence p;
          p.rate = 0.7;
          p.confidence = 0.35;
          p.self_weight = 0.5;
          p.peers = peers;
          if (repulsion) p.repulsion_threshold = 0.6;
          p.repulsion_rate = 0.2;
          const std::span<const float> sw =
              with_speaker ? std::span<const float>(speaker) : std::span<const float>();
          rules::TrustArrays<double> next;
          rules::apply_influence(p, net, pop, sw, next);
          double worst = 0.0;
          for (std::size_t h = 0; h < sizes.size(); ++h) {
            for (std::size_t i = 0; i < pop.size(); ++i) {
              const double want = pop.group[i] == h ? 0.0 : reference(p, net, pop, sw, i, h);
              worst = std::max(worst, std::fabs(next[h][i] - want));
            }
          }
          INFO("weighted " << weighted << " speaker " << with_speaker << " repulsion " << repulsion
                           << " all " << (peers == scenario::Peers::all));
          CHECK(worst < 1e-12);
        }
      }
    }
  }
}

TEST_CASE("influence: bitwise identical at 1 and 2 threads", "[influence][threads]") {
  auto pop = test::make_population<float>({3000, 2000});
  randomise(pop, 5);
  for (bool weighted : {false, true}) {
    const auto net = random_network(pop.group_begin, 10, weighted, 9);
    scenario::Influence p;
    p.repulsion_threshold = 0.6;
    rules::TrustArrays<float> one, two;
    {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
      rules::apply_influence(p, net, pop, {}, one);
    }
    {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
      rules::apply_influence(p, net, pop, {}, two);
    }
    CHECK(one == two);
    CHECK(one != pop.trust);  // the step did something
  }
}

TEST_CASE("influence: disabled copies the state; mismatched inputs are refused", "[influence]") {
  auto pop = test::make_population<double>({2, 2});
  randomise(pop, 1);
  const auto net = test::make_undirected(pop.group_begin, {{0, 1}, {2, 3}});
  scenario::Influence p;
  p.enabled = false;
  rules::TrustArrays<double> next;
  rules::apply_influence(p, net, pop, {}, next);
  CHECK(next == pop.trust);

  p.enabled = true;
  const std::vector<float> wrong(3, 1.0f);
  CHECK_THROWS_AS(rules::apply_influence(p, net, pop, wrong, next), std::invalid_argument);
  const auto small = test::make_undirected({0, 2, 3}, {{0, 1}});
  CHECK_THROWS_WITH(rules::apply_influence(p, small, pop, {}, next),
                    Catch::Contains("the network has 3 agents, the population 4"));
}

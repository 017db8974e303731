// Validation of the linear special cases of the influence rule: DeGroot and
// Friedkin–Johnsen reach their closed-form limits, computed with Eigen, to
// 1e-9 (the state is float64, so only rounding separates the two).
#include <Eigen/Dense>
#include <cstdio>

#include "core/draws.hpp"
#include "core/rng.hpp"
#include "validation/detail/validation_support.hpp"

namespace detente {
namespace validation_detail {
namespace {

// |x − expected| must stay below this: the iteration is run in double until
// no opinion moves by more than 1e-14, so what remains is rounding.
constexpr double kTolerance = 1e-9;

// A listening network: W(i, j) is how much i listens to j (self-loops allowed).
struct Listening {
  Eigen::MatrixXd weights;
  Eigen::VectorXd opinion;       // x(0)
  Eigen::VectorXd stubbornness;  // diagonal of Λ
};

std::string number17(double x) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);
  return buffer;
}

// The edge and nodes files of `net`, and the scenario that runs the influence
// rule on them as DeGroot (stubbornness from the nodes file, 0 for DeGroot).
scenario::Scenario listening_scenario(const Listening& net, const ScratchFolder& folder,
                                      const std::string& name) {
  std::string edges = "source,target,weight\n";
  for (Eigen::Index i = 0; i < net.weights.rows(); ++i)
    for (Eigen::Index j = 0; j < net.weights.cols(); ++j)
      if (net.weights(i, j) != 0.0)
        edges +=
            std::to_string(i) + "," + std::to_string(j) + "," + number17(net.weights(i, j)) + "\n";
  std::string nodes = "id,group,opinion,stubbornness\n";
  for (Eigen::Index i = 0; i < net.opinion.size(); ++i)
    nodes += std::to_string(i) + ",village," + number17(net.opinion(i)) + "," +
             number17(net.stubbornness(i)) + "\n";
  folder.write(name + "_edges.csv", edges);
  folder.write(name + "_nodes.csv", nodes);
  const std::string yaml = "name: " + name +
                           "\n"
                           "steps: 20000\n"
                           "stop_when: converged\n"
                           "precision: float64\n"
                           "population: {groups: [{name: village, size: " +
                           std::to_string(net.opinion.size()) +
                           ", susceptibility: 1}]}\n"
                           "network: {file: " +
                           name + "_edges.csv, nodes_file: " + name +
                           "_nodes.csv, directed: true}\n"
                           "dynamics:\n"
                           "  influence: {rate: 1, confidence: 1, self_weight: 0, peers: all}\n"
                           "  classic: {model: influence, tolerance: 1.0e-14}\n"
                           "outputs: {every: 20000, agents: [-1]}\n";
  return load_yaml(yaml, folder.path() / (name + ".yaml"));
}

// The row-stochastic matrix the influence rule uses: weights over row sums.
Eigen::MatrixXd row_stochastic(const Eigen::MatrixXd& w) {
  Eigen::MatrixXd p = w;
  for (Eigen::Index i = 0; i < p.rows(); ++i)
    p.row(i) /= p.row(i).sum();
  return p;
}

// The final opinions of one run of `net`, and whether it converged.
std::pair<Eigen::VectorXd, bool> simulate(const Listening& net, const std::string& name) {
  const ScratchFolder folder(name);
  const auto scenario = listening_scenario(net, folder, name);
  ReplicateOutput out;
  run_replicate(scenario, 0, nullptr, out);
  const auto x = opinions_at(out, scenario.steps);
  Eigen::VectorXd v(net.opinion.size());
  for (Eigen::Index i = 0; i < v.size(); ++i)
    v(i) = static_cast<std::size_t>(i) < x.size() ? x[static_cast<std::size_t>(i)] : NAN;
  return {v, out.last_step < scenario.steps};
}

// The three agents of design §7.
Listening three_agents(double x1, double x2, double x3, Eigen::Vector3d stubbornness) {
  Listening net;
  net.weights.resize(3, 3);
  net.weights << 1.0 / 3, 1.0 / 3, 1.0 / 3,  //
      0.5, 0.5, 0.0,                         //
      0.0, 0.25, 0.75;
  net.opinion = Eigen::Vector3d(x1, x2, x3);
  net.stubbornness = stubbornness;
  return net;
}

// A random listening network of n agents: a self-loop, a ring (so that
// everyone is reachable: one strongly connected, aperiodic class) and four
// random others per agent, weights uniform in [0.1, 1]; x(0) uniform.
Listening random_listening(std::size_t n, double max_stubbornness, std::uint64_t seed) {
  const Streams rng(seed, 0);
  Listening net;
  const auto size = static_cast<Eigen::Index>(n);
  net.weights = Eigen::MatrixXd::Zero(size, size);
  net.opinion.resize(size);
  net.stubbornness.resize(size);
  for (std::size_t i = 0; i < n; ++i) {
    const auto a = rng.bits(Purpose::network, 1, 0, i);
    const auto b = rng.bits(Purpose::network, 1, 1, i);
    const auto c = rng.bits(Purpose::network, 1, 2, i);
    const auto weight = [](std::uint32_t word) { return 0.1 + 0.9 * Streams::to_unit_float(word); };
    const auto row = static_cast<Eigen::Index>(i);
    net.weights(row, row) += weight(a[0]);
    net.weights(row, static_cast<Eigen::Index>((i + 1) % n)) += weight(a[1]);
    for (std::size_t k = 0; k < 4; ++k)
      net.weights(
          row, static_cast<Eigen::Index>(uniform_below32(b[k], static_cast<std::uint32_t>(n)))) +=
          weight(c[k]);
    net.opinion(row) = Streams::to_unit_float(a[2]);
    net.stubbornness(row) = max_stubbornness * Streams::to_unit_float(a[3]);
  }
  return net;
}

double largest_gap(const Eigen::VectorXd& x, const Eigen::VectorXd& expected) {
  return (x - expected).cwiseAbs().maxCoeff();
}

// DeGroot: everyone ends at π·x(0), π the left eigenvector of P (πP = π, Σπ = 1).
Eigen::VectorXd degroot_limit(const Listening& net) {
  const Eigen::MatrixXd p = row_stochastic(net.weights);
  const Eigen::Index n = p.rows();
  Eigen::MatrixXd a = p.transpose() - Eigen::MatrixXd::Identity(n, n);
  a.row(n - 1).setOnes();
  Eigen::VectorXd e = Eigen::VectorXd::Zero(n);
  e(n - 1) = 1.0;
  const Eigen::VectorXd pi = a.fullPivLu().solve(e);
  return Eigen::VectorXd::Constant(n, pi.dot(net.opinion));
}

// Friedkin–Johnsen: x* = (I − (I − Λ)P)⁻¹ Λ x(0).
Eigen::VectorXd friedkin_johnsen_limit(const Listening& net) {
  const Eigen::MatrixXd p = row_stochastic(net.weights);
  const Eigen::Index n = p.rows();
  const Eigen::MatrixXd lambda = net.stubbornness.asDiagonal();
  const Eigen::MatrixXd m =
      Eigen::MatrixXd::Identity(n, n) - (Eigen::MatrixXd::Identity(n, n) - lambda) * p;
  return m.fullPivLu().solve(lambda * net.opinion);
}

std::vector<ValidationRow> degroot(const ValidationOptions&) {
  std::vector<ValidationRow> rows;
  const std::string source = "DeGroot 1974; Jackson 2008, Social and Economic Networks, §8.3";
  {
    const auto net = three_agents(0.9, 0.1, 0.5, Eigen::Vector3d::Zero());
    const auto [x, converged] = simulate(net, "degroot3");
    const double consensus = (3 * 0.9 + 4 * 0.1 + 4 * 0.5) / 11;
    const double gap = largest_gap(x, Eigen::VectorXd::Constant(3, consensus));
    rows.push_back(row("degroot",
                       "T=[[1/3,1/3,1/3],[1/2,1/2,0],[0,1/4,3/4]], x(0)=(0.9,0.1,0.5): all reach "
                       "(3x1+4x2+4x3)/11 = " +
                           text(consensus) + "; measured: largest |x_i - that|",
                       source, gap, "<= " + text(kTolerance), converged && gap <= kTolerance));
  }
  {
    const auto net = random_listening(200, 0.0, 1974);
    const auto [x, converged] = simulate(net, "degroot200");
    const double gap = largest_gap(x, degroot_limit(net));
    rows.push_back(row("degroot",
                       "200 agents, random directed weighted network: all reach the "
                       "left-eigenvector-weighted mean of x(0) (Eigen); measured: largest gap",
                       source, gap, "<= " + text(kTolerance), converged && gap <= kTolerance));
  }
  return rows;
}

std::vector<ValidationRow> friedkin_johnsen(const ValidationOptions&) {
  std::vector<ValidationRow> rows;
  const std::string source = "Friedkin & Johnsen 1990, J. Math. Sociology 15(3-4)";
  {
    const auto net = three_agents(1, 0, 0, Eigen::Vector3d(0.5, 0.2, 0.0));
    const auto [x, converged] = simulate(net, "fj3");
    const Eigen::VectorXd expected = friedkin_johnsen_limit(net);
    const double gap = largest_gap(x, expected);
    char target[200];
    std::snprintf(target, sizeof target,
                  "W as DeGroot's T, stubbornness diag(0.5,0.2,0), x(0)=(1,0,0): x* = "
                  "(I-(I-L)W)^-1 L x(0) = (%.4f, %.4f, %.4f) (Eigen); measured: largest gap",
                  expected(0), expected(1), expected(2));
    rows.push_back(row("friedkin_johnsen", target, source, gap, "<= " + text(kTolerance),
                       converged && gap <= kTolerance));
  }
  {
    const auto net = random_listening(300, 0.5, 1990);
    const auto [x, converged] = simulate(net, "fj300");
    const double gap = largest_gap(x, friedkin_johnsen_limit(net));
    rows.push_back(row("friedkin_johnsen",
                       "300 agents, random directed weighted network, stubbornness uniform in "
                       "[0, 0.5]: x reaches (I-(I-L)W)^-1 L x(0) (Eigen); measured: largest gap",
                       source, gap, "<= " + text(kTolerance), converged && gap <= kTolerance));
  }
  return rows;
}

}  // namespace
}  // namespace validation_detail

std::vector<ValidationRow> validate_degroot(const ValidationOptions& options) {
  return validation_detail::degroot(options);
}
std::vector<ValidationRow> validate_friedkin_johnsen(const ValidationOptions& options) {
  return validation_detail::friedkin_johnsen(options);
}

}  // namespace detente

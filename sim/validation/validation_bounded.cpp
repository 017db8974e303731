// Validation of the bounded-confidence models on the complete graph, with a
// uniform start: Deffuant–Weisbuch's clusters and Hegselmann–Krause's
// consensus and fragmentation.
#include "validation/detail/validation_support.hpp"

namespace detente {
namespace validation_detail {
namespace {

// Deffuant–Weisbuch, N = 1000, μ = 0.5: runs stop once no pair within ε
// differs by more than 1e-4 (then no meeting can move anyone by more than
// 5e-5), which every run reaches well within the step budget.
scenario::Scenario deffuant_scenario(double confidence, const std::string& schedule,
                                     const ScratchFolder& folder) {
  const std::string yaml =
      "name: deffuant_validation\n"
      "seed: 2000\n"
      "steps: 40000\n"
      "stop_when: converged\n"
      "population: {groups: [{name: everyone, size: 1000, opinion: {dist: uniform, low: 0, "
      "high: 1}}]}\n"
      "network: {within: {model: complete}}\n"
      "dynamics: {classic: {model: deffuant, rate: 0.5, tolerance: 1.0e-4, confidence: " +
      text(confidence) + ", schedule: " + schedule +
      "}}\n"
      "outputs: {every: 40000}\n";
  return load_yaml(yaml, folder.path() / "deffuant.yaml");
}

// Runs every replicate; returns the final major-cluster counts and how many
// runs converged before the step budget ran out.
std::pair<std::vector<double>, int> major_clusters(const scenario::Scenario& s, int replicates) {
  std::vector<double> counts;
  int converged = 0;
  for (const auto& out : run_replicates_parallel(s, replicates)) {
    counts.push_back(metric_at(out, "major_clusters", s.steps));
    converged += out.last_step < s.steps ? 1 : 0;
  }
  return {counts, converged};
}

std::vector<ValidationRow> deffuant(const ValidationOptions& options) {
  const ScratchFolder folder("deffuant");
  const int replicates = options.quick ? 10 : 20;
  const std::string source = "Deffuant, Neau, Amblard & Weisbuch 2000, Adv. Complex Syst. 3";
  // (ε, lowest and highest accepted mean of major clusters, why)
  struct Target {
    double confidence;
    double low, high;
    std::string expected;
  };
  // ε ≥ 0.4 is deep in the consensus regime: every run must end with one
  // major cluster. ⌊1/(2ε)⌋ is an asymptotic rule of thumb: at ε = 0.25 (the
  // edge between one and two clusters) runs end with one or two, so the mean
  // must lie within half a cluster of 2; at ε = 0.1 the outermost clusters
  // often hold under 1% or merge, so four or five are both right: the mean
  // must lie in [3.5, 5.5].
  const std::vector<Target> targets = {{0.5, 1.0, 1.0, "one major cluster (consensus)"},
                                       {0.4, 1.0, 1.0, "one major cluster (consensus)"},
                                       {0.25, 1.5, 2.5, "about two major clusters"},
                                       {0.1, 3.5, 5.5, "four or five major clusters"}};
  std::vector<ValidationRow> rows;
  for (const std::string schedule : {"sequential", "parallel"}) {
    for (const auto& t : targets) {
      const auto s = deffuant_scenario(t.confidence, schedule, folder);
      const auto [counts, converged] = major_clusters(s, replicates);
      const MeanSe m = mean_se(counts);
      const bool every_one = t.low == t.high;
      const std::string tolerance =
          every_one ? "= 1 in every run" : "mean in [" + text(t.low) + ", " + text(t.high) + "]";
      bool pass = converged == replicates;
      for (const double c : counts)
        pass = pass && (!every_one || c == 1.0);
      pass = pass && m.mean >= t.low && m.mean <= t.high;
      rows.push_back(row("deffuant",
                         "N=1000, complete graph, mu=0.5, eps=" + text(t.confidence) + ", " +
                             schedule + ": " + t.expected +
                             "; measured: mean major clusters over " + std::to_string(replicates) +
                             " runs (" + std::to_string(converged) + " converged)",
                         source, m.mean, tolerance, pass));
    }
  }
  return rows;
}

scenario::Scenario hk_scenario(double confidence, const ScratchFolder& folder) {
  const std::string yaml =
      "name: hk_validation\n"
      "seed: 2002\n"
      "steps: 2000\n"
      "stop_when: converged\n"
      "precision: float64\n"
      "population: {groups: [{name: everyone, size: 625, opinion: {dist: uniform, low: 0, "
      "high: 1}}]}\n"
      "network: {within: {model: complete}}\n"
      "dynamics: {classic: {model: hegselmann_krause, tolerance: 1.0e-12, confidence: " +
      text(confidence) +
      "}}\n"
      "outputs: {every: 2000}\n";
  return load_yaml(yaml, folder.path() / "hk.yaml");
}

std::vector<ValidationRow> hegselmann_krause(const ValidationOptions& options) {
  const ScratchFolder folder("hk");
  const std::string source = "Hegselmann & Krause 2002, JASSS 5(3)";
  std::vector<ValidationRow> rows;
  {
    // Consensus: every opinion in one cluster (no gap above outputs.cluster_gap).
    const int replicates = options.quick ? 40 : 100;
    const auto s = hk_scenario(0.25, folder);
    int consensus = 0, converged = 0;
    for (const auto& out : run_replicates_parallel(s, replicates)) {
      consensus += metric_at(out, "clusters", s.steps) == 1.0 ? 1 : 0;
      converged += out.last_step < s.steps ? 1 : 0;
    }
    const double share = static_cast<double>(consensus) / replicates;
    rows.push_back(row("hegselmann_krause",
                       "N=625, complete graph, eps=0.25: consensus; measured: share of " +
                           std::to_string(replicates) + " runs ending in one cluster",
                       source, share, ">= 0.95", converged == replicates && share >= 0.95));
  }
  {
    // "Several dozen": between two and six dozen clusters on average. With
    // N = 625 and ε = 0.01 the opinions freeze after a few rounds into
    // groups roughly 2ε apart, some holding a single agent.
    const int replicates = options.quick ? 10 : 20;
    const auto s = hk_scenario(0.01, folder);
    std::vector<double> clusters;
    int converged = 0;
    for (const auto& out : run_replicates_parallel(s, replicates)) {
      clusters.push_back(metric_at(out, "clusters", s.steps));
      converged += out.last_step < s.steps ? 1 : 0;
    }
    const MeanSe m = mean_se(clusters);
    rows.push_back(row("hegselmann_krause",
                       "N=625, complete graph, eps=0.01: several dozen clusters; measured: mean "
                       "clusters over " +
                           std::to_string(replicates) + " runs",
                       source, m.mean, "mean in [24, 72]",
                       converged == replicates && m.mean >= 24 && m.mean <= 72));
  }
  return rows;
}

}  // namespace
}  // namespace validation_detail

std::vector<ValidationRow> validate_deffuant(const ValidationOptions& options) {
  return validation_detail::deffuant(options);
}
std::vector<ValidationRow> validate_hegselmann_krause(const ValidationOptions& options) {
  return validation_detail::hegselmann_krause(options);
}

}  // namespace detente

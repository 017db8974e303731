#include "experiment/calibrate_smc.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include "core/rng.hpp"
#include "experiment/calibrate_priors.hpp"

namespace detente {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The sampler's stream key: no simulation stream is keyed by it (those are
// keyed by replicate seeds), so proposals never share numbers with runs.
constexpr std::uint64_t kCalibrationKey = 0x43414C4942524154ull;  // "CALIBRAT"

// A kernel move is retried this often when it leaves the priors' bounds
// (the draw counter of a stream has 8 bits).
constexpr std::uint32_t kMaxAttempts = 256;

// Words of a stream call: the first holds the ancestor's uniform; the
// others two normals each (Box–Muller on two 53-bit uniforms).
constexpr std::uint32_t kAncestorWord = 0;

class Proposals {
 public:
  explicit Proposals(std::uint64_t seed) : rng_(splitmix64(seed ^ kCalibrationKey)) {}

  double uniform(std::size_t generation, std::uint64_t index, std::uint32_t attempt,
                 std::uint32_t word) const {
    return rng_.uniforms_double(Purpose::attributes, word, generation, index, attempt)[0];
  }

  // d standard normals for one attempt.
  std::vector<double> normals(std::size_t generation, std::uint64_t index, std::uint32_t attempt,
                              std::size_t d) const {
    std::vector<double> z(d);
    for (std::size_t i = 0; i < d; i += 2) {
      const auto u = rng_.uniforms_double(
          Purpose::attributes, static_cast<std::uint32_t>(1 + i / 2), generation, index, attempt);
      const double r = std::sqrt(-2.0 * std::log1p(-u[0]));  // 1 − u in (0, 1]
      z[i] = r * std::cos(2.0 * M_PI * u[1]);
      if (i + 1 < d) z[i + 1] = r * std::sin(2.0 * M_PI * u[1]);
    }
    return z;
  }

 private:
  Streams rng_;
};

struct Previous {
  std::vector<Point> thetas;
  std::vector<double> weights;
  std::vector<double> cumulative;
  std::optional<GaussianKernel> kernel;
};

}  // namespace

std::string to_string(StopReason reason) {
  switch (reason) {
    case StopReason::generations:
      return "generations";
    case StopReason::budget:
      return "budget";
    case StopReason::acceptance:
      return "acceptance";
    case StopReason::tolerance:
      return "tolerance";
    case StopReason::interrupted:
      return "interrupted";
  }
  return "generations";
}

SmcResult run_abc_smc(std::span<const scenario::UncertainParameter> priors,
                      const SmcSettings& settings, const Evaluate& evaluate,
                      const OnGeneration& on_generation, const OnBatch& on_batch, bool keep_all) {
  const std::size_t d = priors.size();
  const std::size_t n = settings.particles;
  const std::uint64_t per_candidate = std::max<std::size_t>(1, settings.replicates);
  const Proposals rng(settings.seed);
  SmcResult result;
  Previous previous;
  std::vector<double> previous_distances;

  for (std::size_t g = 0; g < settings.generations; ++g) {
    GenerationResult gen;
    gen.index = g;
    gen.tolerance = g == 0 ? kInfinity
                           : std::max(sample_quantile(previous_distances, settings.quantile),
                                      settings.min_tolerance);
    // More proposals than this mean an acceptance below min_acceptance.
    const auto most_proposals = g == 0 ? static_cast<std::uint64_t>(n)
                                       : static_cast<std::uint64_t>(std::ceil(
                                             static_cast<double>(n) / settings.min_acceptance));
    std::uint64_t next = 0;  // the next candidate's index
    bool stopped = false;
    while (gen.particles.size() < n) {
      if (next >= most_proposals) {
        result.reason = StopReason::acceptance;
        result.why = "generation " + std::to_string(g) + " accepted " +
                     std::to_string(gen.particles.size()) + " of " + std::to_string(next) +
                     " proposals within tolerance " + std::to_string(gen.tolerance) +
                     ", an acceptance below min_acceptance (" +
                     std::to_string(settings.min_acceptance) + ")";
        stopped = true;
        break;
      }
      std::uint64_t size = std::min<std::uint64_t>(settings.batch, most_proposals - next);
      const std::uint64_t left = settings.budget - std::min(settings.budget, result.simulations);
      if (left / per_candidate < size) size = left / per_candidate;
      if (size == 0) {
        result.reason = StopReason::budget;
        result.why = "the budget of " + std::to_string(settings.budget) +
                     " simulations ran out in generation " + std::to_string(g);
        stopped = true;
        break;
      }
      if (settings.stop_after > 0 &&
          result.simulations + size * per_candidate > settings.stop_after) {
        result.reason = StopReason::interrupted;
        result.why = "stopped after " + std::to_string(result.simulations) +
                     " simulations, as asked (--stop-after)";
        stopped = true;
        break;
      }
      std::vector<Candidate> batch;
      std::vector<std::uint64_t> given_up;
      for (std::uint64_t k = next; k < next + size; ++k) {
        Candidate c{g, k, Point(d)};
        if (g == 0) {
          for (std::size_t i = 0; i < d; ++i)
            c.theta[i] = prior_draw(priors[i], rng.uniform(g, k, 0, static_cast<std::uint32_t>(i)));
          batch.push_back(std::move(c));
          continue;
        }
        bool inside = false;
        for (std::uint32_t attempt = 0; attempt < kMaxAttempts && !inside; ++attempt) {
          const std::size_t j =
              draw_by_weight(previous.cumulative, rng.uniform(g, k, attempt, kAncestorWord));
          c.theta = previous.kernel->move(previous.thetas[j], rng.normals(g, k, attempt, d));
          inside = in_support(priors, c.theta);
          if (!inside) ++gen.out_of_support;
        }
        if (inside)
          batch.push_back(std::move(c));
        else
          given_up.push_back(k);
      }
      const std::vector<double> distances = batch.empty() ? std::vector<double>{} : evaluate(batch);
      result.simulations += batch.size() * per_candidate;
      // In index order: the first n within tolerance are the generation.
      std::size_t b = 0;
      for (std::uint64_t k = next; k < next + size && gen.particles.size() < n; ++k) {
        ++gen.proposed;
        if (b < batch.size() && batch[b].index == k) {
          double distance = distances[b];
          if (std::isnan(distance)) distance = kInfinity;
          if (distance <= gen.tolerance) gen.particles.push_back({batch[b].theta, 0.0, distance});
          ++b;
        } else {
          ++gen.abandoned;
        }
      }
      next += size;
      if (on_batch)
        on_batch(g, gen.tolerance, gen.proposed, gen.particles.size(), result.simulations);
    }
    if (stopped) break;

    gen.accepted = gen.particles.size();
    gen.acceptance_rate = static_cast<double>(gen.accepted) / static_cast<double>(gen.proposed);
    gen.simulations = result.simulations;
    std::vector<Point> thetas;
    std::vector<double> distances;
    for (const auto& p : gen.particles) {
      thetas.push_back(p.theta);
      distances.push_back(p.distance);
    }
    std::vector<double> weights(n, 1.0 / static_cast<double>(n));
    if (g > 0)
      weights =
          importance_weights(priors, thetas, previous.thetas, previous.weights, *previous.kernel);
    for (std::size_t i = 0; i < n; ++i)
      gen.particles[i].weight = weights[i];
    gen.ess = effective_sample_size(weights);
    if (g == 0) gen.tolerance = *std::max_element(distances.begin(), distances.end());
    if (on_generation) on_generation(gen);

    previous.kernel.emplace(make_kernel(thetas, weights, priors));
    previous.cumulative.resize(n);
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      previous.cumulative[i] = (sum += weights[i]);
    previous.thetas = std::move(thetas);
    previous.weights = std::move(weights);
    previous_distances = std::move(distances);
    if (!keep_all && !result.generations.empty()) result.generations.back().particles.clear();
    result.generations.push_back(std::move(gen));
    if (result.generations.back().tolerance <= settings.min_tolerance) {
      result.reason = StopReason::tolerance;
      char floor[32];
      std::snprintf(floor, sizeof floor, "%g", settings.min_tolerance);
      result.why = "generation " + std::to_string(g) + " reached the tolerance floor (" + floor +
                   "): its runs lie within the targets' standard errors, and a smaller tolerance "
                   "would fit them closer than the targets are known";
      break;
    }
    if (g + 1 == settings.generations) {
      result.reason = StopReason::generations;
      result.why = "all " + std::to_string(settings.generations) + " generations are complete";
    }
  }
  return result;
}

}  // namespace detente

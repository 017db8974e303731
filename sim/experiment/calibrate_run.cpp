#include "experiment/calibrate_run.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/rng.hpp"
#include "core/timestamp.hpp"
#include "experiment/calibrate_distance.hpp"
#include "experiment/calibrate_outputs.hpp"
#include "experiment/calibrate_priors.hpp"
#include "experiment/calibrate_targets.hpp"
#include "experiment/progress.hpp"
#include "experiment/provenance.hpp"
#include "experiment/scenario_diff.hpp"
#include "experiment/sweep.hpp"
#include "io/json.hpp"
#include "io/output_dir.hpp"
#include "io/results_db.hpp"
#include "io/staged_file.hpp"
#include "metrics/summary.hpp"
#include "scenario/locate.hpp"

namespace detente {
namespace {

namespace fs = std::filesystem;

constexpr const char* kArm = "base";
// Runs at the posterior behind fit.csv: this many particles drawn by weight.
constexpr std::size_t kFitDraws = 50;
// The fit runs' points, apart from every generation's (at most 100).
constexpr std::size_t kFitGeneration = 1000;
constexpr std::uint64_t kFitKey = 0x4649542D44524157ull;  // "FIT-DRAW"

// A candidate's point in results.db: its generation and index together.
std::int64_t point_of(std::size_t generation, std::uint64_t index) {
  return static_cast<std::int64_t>((static_cast<std::uint64_t>(generation) << 32) | index);
}

// Each point's runs have streams of their own (a stochastic simulator's
// noise is part of what ABC compares); 53 bits, exact in every reader.
std::uint64_t point_seed(std::uint64_t seed, std::int64_t point) {
  return splitmix64(seed ^ splitmix64(0xCA11B8A7E0000000ull + static_cast<std::uint64_t>(point))) &
         ((1ull << 53) - 1);
}

// The values a point sets, rounded for integer keys.
std::vector<double> key_values(Priors priors, const Point& theta) {
  std::vector<double> out(theta);
  for (std::size_t i = 0; i < priors.size(); ++i)
    if (priors[i].integer) out[i] = std::round(out[i]);
  return out;
}

std::string parameters_json(Priors priors, const Point& theta) {
  const auto values = key_values(priors, theta);
  std::string out = "{";
  for (std::size_t i = 0; i < priors.size(); ++i)
    out += (i ? ", \"" : "\"") + priors[i].path + "\": " + number_text(values[i]);
  return out + "}";
}

// The world a point runs in: the scenario without the blocks that define
// experiments (arms, sweep, uncertain, calibrate), its keys set as `--set`
// would set them, read again (so every value is checked).
class World {
 public:
  World(const scenario::Scenario& base, std::string display) : display_(std::move(display)) {
    scenario::Scenario world = base;
    world.arms.clear();
    world.sweep = {};
    world.uncertain.clear();
    world.calibrate = {};
    yaml_ = scenario::to_yaml(world);
    source_ = base.source_path;
  }

  scenario::Scenario at(Priors priors, const Point& theta, std::uint64_t seed) const {
    const auto values = key_values(priors, theta);
    std::vector<scenario::Override> overrides;
    for (std::size_t i = 0; i < priors.size(); ++i)
      overrides.push_back({priors[i].path, number_text(values[i])});
    overrides.push_back({"seed", std::to_string(seed)});
    auto s = scenario::load_text(yaml_, display_, overrides);
    s.source_path = source_;
    return s;
  }

 private:
  std::string display_, yaml_, source_;
};

std::vector<std::uint8_t> encode(const std::vector<double>& values) {
  std::vector<std::uint8_t> out(values.size() * sizeof(double));
  if (!values.empty()) std::memcpy(out.data(), values.data(), out.size());
  return out;
}

std::vector<double> decode(const std::vector<std::uint8_t>& bytes) {
  std::vector<double> out(bytes.size() / sizeof(double));
  if (!out.empty()) std::memcpy(out.data(), bytes.data(), out.size() * sizeof(double));
  return out;
}

// What results.db must agree on to be resumed: the resolved scenario and
// the targets whose rows it keeps.
std::string experiment_text(const scenario::Scenario& base, std::span<const Target> targets) {
  std::string text = scenario::to_yaml(base) + "# targets\n";
  for (const auto& t : targets)
    text += "# " + t.metric + "," + t.subject + "," + t.step + "\n";
  return text;
}

void check_same_experiment(const io::ResultsDb& db, const std::string& experiment,
                           const std::string& now, const fs::path& dir) {
  const auto stored = db.experiment_scenario(experiment);
  if (!stored || *stored == now) return;
  const auto keys = differing_keys(*stored, now);
  std::string listed;
  for (std::size_t k = 0; k < std::min<std::size_t>(keys.size(), 8); ++k)
    listed += (listed.empty() ? "" : "; ") + keys[k];
  throw InputError((dir / "results.db").string() + ": the stored runs of " + experiment +
                   " were made with another " +
                   (keys.empty() ? std::string("set of targets") : "scenario (" + listed + ")") +
                   "; resume with the same scenario, --set values and targets, or give another "
                   "--out");
}

// The located error for a key the calibration needs.
[[noreturn]] void refuse(const std::string& file, std::span<const scenario::Override> overrides,
                         const std::string& path, const std::string& message) {
  throw InputError(scenario::locate_key(file, overrides, path) + ": " + path + ": " + message);
}

struct Staged {
  std::unique_ptr<io::StagedFile> file;
  fs::path path() const { return file->path(); }
};

Staged stage(const fs::path& dir, const std::string& name, io::Overwrite overwrite) {
  return {std::make_unique<io::StagedFile>(
      dir / name, [](const fs::path&) { return true; }, overwrite, name)};
}

// A readable line per parameter: weighted median and 90% interval.
std::vector<std::string> posterior_lines(Priors priors, const GenerationResult& posterior) {
  std::vector<std::string> lines;
  std::vector<double> weights;
  for (const auto& p : posterior.particles)
    weights.push_back(p.weight);
  char line[512];
  std::snprintf(line, sizeof line, "%-40s %12s %12s %12s   %s", "parameter", "median", "5%", "95%",
                "prior range");
  lines.emplace_back(line);
  for (std::size_t i = 0; i < priors.size(); ++i) {
    std::vector<double> values;
    for (const auto& p : posterior.particles)
      values.push_back(p.theta[i]);
    std::snprintf(line, sizeof line, "%-40s %12.6g %12.6g %12.6g   [%g, %g]",
                  priors[i].path.c_str(), weighted_quantile(values, weights, 0.5),
                  weighted_quantile(values, weights, 0.05),
                  weighted_quantile(values, weights, 0.95), *priors[i].low, *priors[i].high);
    lines.emplace_back(line);
  }
  return lines;
}

}  // namespace

CalibrateSummary run_calibration(const std::string& file,
                                 std::span<const scenario::Override> overrides,
                                 const CalibrateOptions& options, Cluster& cluster) {
  const auto start = std::chrono::steady_clock::now();
  const std::string started_at = utc_now();
  const ThreadLimit limit(options.threads);
  const auto base = scenario::load_file(file, overrides);
  const auto& block = base.calibrate;
  const Priors priors = block.parameters;
  if (priors.empty())
    refuse(file, overrides, "calibrate.parameters",
           "expected at least one key to fit, got none; add calibrate.parameters, e.g. "
           "[{path: dynamics.contact.rate, prior: uniform, low: 0.05, high: 0.3}]");
  std::string targets_path = options.targets;
  if (targets_path.empty()) targets_path = block.targets;
  if (targets_path.empty())
    refuse(file, overrides, "calibrate.targets",
           "expected the targets CSV (metric,subject,step,value,se,source), got nothing; set "
           "calibrate.targets or give --targets FILE");
  // Fit targets first, holdout after: the distance reads the first `n_fit`.
  std::vector<Target> targets = read_targets(targets_path, base);
  const std::size_t n_fit = targets.size();
  if (!options.holdout.empty()) {
    auto holdout = read_targets(options.holdout, base);
    targets.insert(targets.end(), holdout.begin(), holdout.end());
  }
  const std::span<const Target> fit_targets(targets.data(), n_fit);
  std::vector<std::string> roles(targets.size(), "fit");
  std::fill(roles.begin() + static_cast<std::ptrdiff_t>(n_fit), roles.end(), "holdout");

  const auto replicates = static_cast<std::size_t>(block.replicates);
  const World world(base, file);
  // Every key at its bounds loads (checked by the loader); one point now
  // also proves the world reads back before anything is written.
  {
    Point middle;
    for (const auto& p : priors)
      middle.push_back(prior_draw(p, 0.5));
    (void)world.at(priors, middle, base.seed);
  }

  const std::string experiment = "calibration:" + base.name;
  const fs::path dir = options.out;
  const auto overwrite = options.force ? io::Overwrite::anything : io::Overwrite::results_only;
  std::unique_ptr<io::ResultsDb> db;
  std::map<io::RunKey, std::string> stored;
  std::vector<Staged> staged;
  std::optional<ParticlesCsv> particles_csv;
  std::exception_ptr refusal;
  std::vector<std::uint8_t> ready;
  if (cluster.is_root()) {
    try {
      if (!fs::exists(dir / "results.db")) io::check_replaceable(dir, overwrite);
      fs::create_directories(dir);
      db = std::make_unique<io::ResultsDb>(dir / "results.db");
      stored = db->finished_runs(experiment);
      if (!stored.empty() && !options.resume)
        throw InputError((dir / "results.db").string() + ": already holds " +
                         std::to_string(stored.size()) + " runs of " + experiment +
                         "; add --resume to continue that calibration, or give another --out");
      const std::string text = experiment_text(base, targets);
      check_same_experiment(*db, experiment, text, dir);
      db->store_experiment_scenario(experiment, text);
      for (const char* name : {"priors.csv", "generations.csv", "posterior.csv", "particles.csv",
                               "fit.csv", "calibrated.yaml", "scenario.yaml", "run.json"})
        staged.push_back(stage(dir, name, io::Overwrite::anything));
      particles_csv.emplace(staged[3].path(), priors);
      ready = {1};
    } catch (...) {
      refusal = std::current_exception();
    }
  }
  ready = cluster.broadcast(std::move(ready));
  if (refusal) std::rethrow_exception(refusal);
  if (ready.empty()) throw std::runtime_error("calibrate: the root process could not start");

  CalibrateSummary summary;
  const auto ranks = static_cast<std::size_t>(cluster.size());
  Progress progress("calibrate", (static_cast<std::uint64_t>(block.budget) + ranks - 1) / ranks,
                    options.progress && cluster.is_root());
  double simulation_seconds = 0.0;

  // Runs the points' replicates not yet stored and returns, on rank 0, the
  // target values of every run: values[point][replicate][target].
  const auto simulate = [&](const std::vector<std::int64_t>& points,
                            const std::vector<Point>& thetas, bool store) {
    const std::size_t n = points.size();
    std::vector<std::uint8_t> flags(n * replicates, 0);
    if (cluster.is_root() && store)
      for (std::size_t c = 0; c < n; ++c)
        for (std::size_t r = 0; r < replicates; ++r) {
          const auto found = stored.find({points[c], kArm, static_cast<std::int64_t>(r)});
          if (found == stored.end()) continue;
          if (found->second != parameters_json(priors, thetas[c]))
            flags[c * replicates + r] = 2;
          else
            flags[c * replicates + r] = 1;
        }
    flags = cluster.broadcast(std::move(flags));
    if (std::find(flags.begin(), flags.end(), 2) != flags.end())
      throw InputError((dir / "results.db").string() + ": a stored point of " + experiment +
                       " has other parameter values than the calibration now proposes; the "
                       "calibration changed since: give another --out");
    std::vector<std::optional<scenario::Scenario>> scenarios(n);
    std::vector<RunSpec> runs;
    std::vector<std::size_t> run_slot;
    for (std::size_t c = 0; c < n; ++c)
      for (std::size_t r = 0; r < replicates; ++r) {
        if (flags[c * replicates + r] != 0) continue;
        if (!scenarios[c])
          scenarios[c] = world.at(priors, thetas[c], point_seed(base.seed, points[c]));
        runs.push_back({points[c], kArm, static_cast<std::int32_t>(r), &*scenarios[c]});
        run_slot.push_back(c * replicates + r);
      }
    const auto began = std::chrono::steady_clock::now();
    auto outputs = execute_runs(runs, cluster, progress);
    simulation_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    summary.executed += runs.size();
    std::vector<std::vector<std::vector<double>>> values(
        n, std::vector<std::vector<double>>(replicates));
    if (!cluster.is_root()) return values;
    const std::string now = utc_now();
    std::vector<io::StoredRun> to_store;
    for (std::size_t k = 0; k < runs.size(); ++k) {
      const std::size_t slot = run_slot[k];
      auto& rows = outputs[k].rows;
      std::erase_if(rows,
                    [&](const metrics::MetricRow& row) { return !row_is_targeted(row, targets); });
      values[slot / replicates][slot % replicates] = target_values(rows, targets);
      if (!store) continue;
      io::StoredRun s;
      s.experiment = experiment;
      s.point = runs[k].point;
      s.arm = kArm;
      s.replicate = runs[k].replicate;
      s.seed = outputs[k].seed;
      s.parameters = parameters_json(priors, thetas[slot / replicates]);
      s.started_at = now;
      s.wall_seconds = outputs[k].wall_seconds;
      s.rows = std::move(rows);
      to_store.push_back(std::move(s));
    }
    std::uint64_t replayed = 0;
    for (std::size_t slot = 0; slot < flags.size(); ++slot)
      if (flags[slot] == 1) {
        const auto rows = db->rows_of(experiment, {points[slot / replicates], kArm,
                                                   static_cast<std::int64_t>(slot % replicates)});
        values[slot / replicates][slot % replicates] = target_values(rows, targets);
        ++replayed;
      }
    summary.replayed += replayed;
    progress.advance(replayed);
    if (!to_store.empty()) {
      db->store_runs(to_store);
      // Each new point's summary over its replicates, as sweeps store theirs.
      std::map<std::int64_t, std::vector<metrics::TimeseriesRow>> by_point;
      for (const auto& s : to_store)
        for (const auto& row : s.rows)
          by_point[s.point].push_back({kArm, s.replicate, row});
      std::vector<io::PointSummaries> summaries;
      for (const auto& [point, rows] : by_point)
        summaries.push_back({point, metrics::summarise(rows)});
      db->store_summaries(experiment, summaries);  // one transaction for the batch
    }
    return values;
  };

  const Evaluate evaluate = [&](std::span<const Candidate> batch) {
    std::vector<std::int64_t> points;
    std::vector<Point> thetas;
    for (const auto& c : batch) {
      points.push_back(point_of(c.generation, c.index));
      thetas.push_back(c.theta);
    }
    const auto values = simulate(points, thetas, true);
    std::vector<double> distances;
    if (cluster.is_root())
      for (const auto& point : values) {
        std::vector<std::vector<double>> fit;
        for (const auto& run : point)
          fit.emplace_back(run.begin(), run.begin() + static_cast<std::ptrdiff_t>(n_fit));
        distances.push_back(target_distance(fit_targets, replicate_stats(fit), replicates));
      }
    return decode(cluster.broadcast(encode(distances)));
  };

  std::vector<GenerationResult> generations;  // without their particles
  const OnGeneration on_generation = [&](const GenerationResult& g) {
    if (particles_csv) particles_csv->add(g);
    GenerationResult row = g;
    row.particles.clear();
    generations.push_back(std::move(row));
  };
  const OnBatch on_batch = [&](std::size_t g, double tolerance, std::uint64_t proposed,
                               std::uint64_t accepted, std::uint64_t) {
    char label[160];
    std::snprintf(label, sizeof label, "calibrate gen %zu tol %.3g accepted %llu/%llu", g,
                  tolerance, static_cast<unsigned long long>(accepted),
                  static_cast<unsigned long long>(proposed));
    progress.set_label(label);
  };

  SmcSettings settings;
  settings.particles = static_cast<std::size_t>(block.particles);
  settings.generations = static_cast<std::size_t>(block.generations);
  settings.replicates = replicates;
  settings.budget = static_cast<std::uint64_t>(block.budget);
  settings.quantile = block.quantile;
  settings.min_acceptance = block.min_acceptance;
  settings.seed = base.seed;
  settings.stop_after = options.stop_after;
  const SmcResult result = run_abc_smc(priors, settings, evaluate, on_generation, on_batch);
  summary.reason = result.reason;
  summary.why = result.why;
  summary.generations = result.generations.size();
  summary.simulations = result.simulations;
  if (result.reason == StopReason::interrupted || result.generations.empty()) {
    progress.finish();
    summary.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    summary.simulation_seconds = simulation_seconds;
    return summary;
  }
  const GenerationResult& posterior = result.generations.back();

  // fit.csv: runs at particles drawn by weight, with streams of their own.
  std::vector<double> cumulative;
  double total = 0.0;
  for (const auto& p : posterior.particles)
    cumulative.push_back(total += p.weight);
  const Streams fit_rng(splitmix64(base.seed ^ kFitKey));
  std::vector<std::int64_t> fit_points;
  std::vector<Point> fit_thetas;
  for (std::size_t m = 0; m < std::min(kFitDraws, posterior.particles.size()); ++m) {
    const double u = fit_rng.uniforms_double(Purpose::attributes, 0, 0, m)[0];
    fit_points.push_back(point_of(kFitGeneration, m));
    fit_thetas.push_back(posterior.particles[draw_by_weight(cumulative, u)].theta);
  }
  const auto fit_values = simulate(fit_points, fit_thetas, false);
  progress.finish();
  summary.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  summary.simulation_seconds = simulation_seconds;
  if (!cluster.is_root()) return summary;

  std::vector<std::vector<double>> runs;
  for (const auto& point : fit_values)
    for (const auto& run : point)
      runs.push_back(run);
  const auto fit = fit_rows(targets, roles, runs);
  particles_csv->close();
  write_priors_csv(staged[0].path(), priors);
  write_generations_csv(staged[1].path(), generations);
  write_posterior_csv(staged[2].path(), priors, posterior);
  write_fit_csv(staged[4].path(), fit);
  {
    std::vector<scenario::Override> settings_now(overrides.begin(), overrides.end());
    for (auto& [path, value] : calibrated_settings(base, posterior))
      settings_now.push_back({path, value, "the posterior of " + path});
    const auto calibrated = scenario::load_file(file, settings_now);
    std::ofstream yaml(staged[5].path());
    yaml << "# " << base.name << " calibrated by `detente calibrate` (" << started_at << ", "
         << result.generations.size() << " generations, " << result.simulations
         << " simulations; stopped: " << result.why << ").\n"
         << "# Each fitted key is set to its weighted posterior median. `uncertain:` holds each\n"
         << "# fitted key's posterior as a normal with its weighted mean and sd, truncated to\n"
         << "# the range its particles cover (the loader takes parametric priors only; the\n"
         << "# particles themselves are in posterior.csv). Compare --futures draws from it.\n"
         << scenario::to_yaml(calibrated);
    if (!yaml) throw std::runtime_error("cannot write " + staged[5].path().string());
  }
  {
    std::ofstream yaml(staged[6].path());
    yaml << scenario::to_yaml(base);
    if (!yaml) throw std::runtime_error("cannot write " + staged[6].path().string());
  }
  auto info = run_info(base, "calibrate", options.command_line);
  info.kind = "calibration";
  info.started_at = started_at;
  info.threads = limit.threads();
  info.replicates = static_cast<int>(replicates);
  info.arms = {kArm};
  info.wall_seconds = summary.wall_seconds;
  std::uint64_t out_of_support = 0, abandoned = 0;
  for (const auto& g : generations) {
    out_of_support += g.out_of_support;
    abandoned += g.abandoned;
  }
  const auto quoted = [](const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  info.extra_json = {
      {"method", "\"abc_smc\""},
      {"stop_reason", quoted(to_string(result.reason))},
      {"stopped_because", quoted(result.why)},
      {"generations", std::to_string(result.generations.size())},
      {"particles", std::to_string(block.particles)},
      {"budget", std::to_string(block.budget)},
      {"simulations", std::to_string(result.simulations)},
      {"fit_simulations", std::to_string(fit_points.size() * replicates)},
      {"simulations_run_now", std::to_string(summary.executed)},
      {"simulations_read_from_results_db", std::to_string(summary.replayed)},
      {"kernel_moves_out_of_bounds", std::to_string(out_of_support)},
      {"candidates_abandoned", std::to_string(abandoned)},
      {"targets_file", quoted(targets_path)},
      {"holdout_file", quoted(options.holdout)},
      {"targets", std::to_string(n_fit)},
      {"holdout_targets", std::to_string(targets.size() - n_fit)},
  };
  io::write_run_json(staged[7].path(), info);
  for (auto& s : staged)
    s.file->commit();
  summary.written = true;
  summary.lines = posterior_lines(priors, posterior);
  return summary;
}

}  // namespace detente

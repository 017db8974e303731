#pragma once
// The tables of a calibration folder (README, "Calibrating a scenario"):
// priors.csv, generations.csv, posterior.csv, particles.csv (written a
// generation at a time), fit.csv and calibrated.yaml.
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "experiment/calibrate_smc.hpp"
#include "experiment/calibrate_targets.hpp"
#include "io/csv_table.hpp"
#include "scenario/scenario.hpp"

namespace detente {

using Priors = std::span<const scenario::UncertainParameter>;

void write_priors_csv(const std::filesystem::path& path, Priors priors);
void write_generations_csv(const std::filesystem::path& path,
                           std::span<const GenerationResult> generations);
void write_posterior_csv(const std::filesystem::path& path, Priors priors,
                         const GenerationResult& posterior);

// particles.csv, a generation at a time as the sampler completes them.
class ParticlesCsv {
 public:
  ParticlesCsv(const std::filesystem::path& path, Priors priors);
  void add(const GenerationResult& generation);
  void close() { table_.close(); }

 private:
  io::CsvTable table_;
};

// One target's simulated values at the posterior (fit.csv).
struct FitRow {
  const Target* target = nullptr;
  std::string role;  // fit or holdout
  double mean = 0.0, low = 0.0, high = 0.0, residual = 0.0;
};
// values[run][target] over the runs at posterior draws → a row per target.
std::vector<FitRow> fit_rows(std::span<const Target> targets, std::span<const std::string> roles,
                             std::span<const std::vector<double>> values);
void write_fit_csv(const std::filesystem::path& path, std::span<const FitRow> rows);

// Each parameter's weighted posterior median (rounded for an integer key).
std::vector<double> posterior_medians(Priors priors, const GenerationResult& posterior);

// The overrides that make the calibrated scenario: each key at its median,
// and `uncertain:` with each calibrated key's posterior as a normal (its
// weighted mean and sd) truncated to the range its particles cover, the
// scenario's other uncertain keys kept.
std::vector<std::pair<std::string, std::string>> calibrated_settings(
    const scenario::Scenario& base, const GenerationResult& posterior);

}  // namespace detente

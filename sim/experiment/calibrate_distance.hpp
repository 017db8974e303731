#pragma once
// How far a proposed parameter set's runs are from the targets:
//   d = sqrt( mean over targets of ((m_t − y_t) / sqrt(se_t² + v_t / R))² )
// with m_t and v_t the mean and sample variance of target t's value over the
// point's R replicates, y_t the observed value and se_t its standard error:
// each target counts in its own units of uncertainty, and a noisy simulation
// is not punished for noise a larger R would average away.
//
//   auto stats = replicate_stats(values);      // values[replicate][target]
//   double d = target_distance(targets, stats, R);
#include <span>
#include <vector>

#include "experiment/calibrate_targets.hpp"

namespace detente {

struct TargetStats {
  std::vector<double> mean;      // per target
  std::vector<double> variance;  // per target, over replicates (0 with one)
};

// values[r][t]: target t in replicate r.
TargetStats replicate_stats(std::span<const std::vector<double>> values);

// NaN when a target has no simulated value (the sampler treats it as +inf).
double target_distance(std::span<const Target> targets, const TargetStats& stats,
                       std::size_t replicates);

// (m − y) / sqrt(se² + v/R) for one target.
double standardised_difference(const Target& target, double mean, double variance,
                               std::size_t replicates);

}  // namespace detente

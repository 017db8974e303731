#include "experiment/calibrate_outputs.hpp"

#include <algorithm>
#include <cmath>

#include "experiment/calibrate_kernel.hpp"
#include "experiment/sweep.hpp"

namespace detente {
namespace {

std::string prior_name(scenario::Prior prior) {
  switch (prior) {
    case scenario::Prior::uniform:
      return "uniform";
    case scenario::Prior::log_uniform:
      return "log_uniform";
    case scenario::Prior::normal:
      return "normal";
    case scenario::Prior::beta:
      return "beta";
  }
  return "uniform";
}

std::vector<std::string> with_paths(std::vector<std::string> header, Priors priors) {
  for (const auto& p : priors)
    header.push_back(p.path);
  return header;
}

// The YAML text of one uncertain entry (flow style, numbers exact).
std::string entry_yaml(const scenario::UncertainParameter& p) {
  std::string out = "{path: \"" + p.path + "\", prior: " + prior_name(p.prior) +
                    ", low: " + number_text(*p.low) + ", high: " + number_text(*p.high);
  if (p.mean) out += ", mean: " + number_text(*p.mean);
  if (p.sd) out += ", sd: " + number_text(*p.sd);
  if (p.a) out += ", a: " + number_text(*p.a);
  if (p.b) out += ", b: " + number_text(*p.b);
  if (p.integer) out += ", integer: true";
  return out + "}";
}

}  // namespace

void write_priors_csv(const std::filesystem::path& path, Priors priors) {
  io::CsvTable t(path, {"parameter", "prior", "low", "high", "mean", "sd", "a", "b"});
  for (const auto& p : priors) {
    t.text(p.path);
    t.text(prior_name(p.prior));
    for (const auto& v : {p.low, p.high, p.mean, p.sd, p.a, p.b})
      v ? t.number(*v) : t.empty();
    t.end_row();
  }
  t.close();
}

void write_generations_csv(const std::filesystem::path& path,
                           std::span<const GenerationResult> generations) {
  io::CsvTable t(path, {"generation", "tolerance", "proposed", "accepted", "acceptance_rate", "ess",
                        "simulations"});
  for (const auto& g : generations) {
    t.integer(static_cast<std::int64_t>(g.index));
    t.number(g.tolerance);
    t.integer(static_cast<std::int64_t>(g.proposed));
    t.integer(static_cast<std::int64_t>(g.accepted));
    t.number(g.acceptance_rate);
    t.number(g.ess);
    t.integer(static_cast<std::int64_t>(g.simulations));
    t.end_row();
  }
  t.close();
}

void write_posterior_csv(const std::filesystem::path& path, Priors priors,
                         const GenerationResult& posterior) {
  io::CsvTable t(path, with_paths({"particle", "weight", "distance"}, priors));
  for (std::size_t i = 0; i < posterior.particles.size(); ++i) {
    const auto& p = posterior.particles[i];
    t.integer(static_cast<std::int64_t>(i));
    t.number(p.weight);
    t.number(p.distance);
    for (const double v : p.theta)
      t.number(v);
    t.end_row();
  }
  t.close();
}

ParticlesCsv::ParticlesCsv(const std::filesystem::path& path, Priors priors)
    : table_(path, with_paths({"generation", "particle", "weight", "distance"}, priors)) {}

void ParticlesCsv::add(const GenerationResult& generation) {
  for (std::size_t i = 0; i < generation.particles.size(); ++i) {
    const auto& p = generation.particles[i];
    table_.integer(static_cast<std::int64_t>(generation.index));
    table_.integer(static_cast<std::int64_t>(i));
    table_.number(p.weight);
    table_.number(p.distance);
    for (const double v : p.theta)
      table_.number(v);
    table_.end_row();
  }
}

std::vector<FitRow> fit_rows(std::span<const Target> targets, std::span<const std::string> roles,
                             std::span<const std::vector<double>> values) {
  std::vector<FitRow> rows;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    std::vector<double> v;
    for (const auto& run : values)
      if (!std::isnan(run[t])) v.push_back(run[t]);
    FitRow row{&targets[t], roles[t]};
    if (v.empty()) {
      row.mean = row.low = row.high = row.residual = std::nan("");
    } else {
      double sum = 0.0;
      for (const double x : v)
        sum += x;
      row.mean = sum / static_cast<double>(v.size());
      row.low = sample_quantile(v, 0.025);
      row.high = sample_quantile(v, 0.975);
      row.residual = (row.mean - targets[t].value) / targets[t].se;
    }
    rows.push_back(row);
  }
  return rows;
}

void write_fit_csv(const std::filesystem::path& path, std::span<const FitRow> rows) {
  io::CsvTable t(path,
                 {"metric", "subject", "step", "observed", "se", "simulated_mean", "simulated_low",
                  "simulated_high", "standardised_residual", "source", "role"});
  for (const auto& r : rows) {
    t.text(r.target->metric);
    t.text(r.target->subject);
    t.text(r.target->step);
    t.number(r.target->value);
    t.number(r.target->se);
    for (const double v : {r.mean, r.low, r.high, r.residual})
      std::isnan(v) ? t.empty() : t.number(v);
    t.text(r.target->source);
    t.text(r.role);
    t.end_row();
  }
  t.close();
}

std::vector<double> posterior_medians(Priors priors, const GenerationResult& posterior) {
  std::vector<double> medians;
  std::vector<double> weights;
  for (const auto& p : posterior.particles)
    weights.push_back(p.weight);
  for (std::size_t i = 0; i < priors.size(); ++i) {
    std::vector<double> values;
    for (const auto& p : posterior.particles)
      values.push_back(p.theta[i]);
    const double m = weighted_quantile(values, weights, 0.5);
    medians.push_back(priors[i].integer ? std::round(m) : m);
  }
  return medians;
}

std::vector<std::pair<std::string, std::string>> calibrated_settings(
    const scenario::Scenario& base, const GenerationResult& posterior) {
  const auto& priors = base.calibrate.parameters;
  const auto medians = posterior_medians(priors, posterior);
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < priors.size(); ++i)
    out.emplace_back(priors[i].path, number_text(medians[i]));

  std::vector<Point> thetas;
  std::vector<double> weights;
  for (const auto& p : posterior.particles) {
    thetas.push_back(p.theta);
    weights.push_back(p.weight);
  }
  const auto moments = weighted_moments(thetas, weights);
  std::string list = "[";
  for (const auto& u : base.uncertain)
    if (std::none_of(priors.begin(), priors.end(), [&](const auto& p) { return p.path == u.path; }))
      list += (list.size() > 1 ? ", " : "") + entry_yaml(u);
  for (std::size_t i = 0; i < priors.size(); ++i) {
    double low = *priors[i].high, high = *priors[i].low;
    for (const auto& p : posterior.particles)
      if (p.weight > 0.0) {
        low = std::min(low, p.theta[i]);
        high = std::max(high, p.theta[i]);
      }
    // A posterior that collapsed to a point still needs a range and a spread.
    const double width = *priors[i].high - *priors[i].low;
    if (!(high - low > 1e-9 * width)) {
      low = std::max(*priors[i].low, low - 1e-6 * width);
      high = std::min(*priors[i].high, high + 1e-6 * width);
    }
    scenario::UncertainParameter u;
    u.path = priors[i].path;
    u.prior = scenario::Prior::normal;
    u.low = low;
    u.high = high;
    u.mean = std::clamp(moments.mean[i], low, high);
    u.sd = std::max(std::sqrt(std::max(moments.covariance[i][i], 0.0)), 1e-9 * width);
    u.integer = priors[i].integer;
    list += (list.size() > 1 ? ", " : "") + entry_yaml(u);
  }
  out.emplace_back("uncertain", list + "]");
  return out;
}

}  // namespace detente

#include "metrics/compare.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include "core/errors.hpp"

namespace detente::metrics {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double mean_of(const std::vector<double>& v) {
  double sum = 0;
  for (const double x : v)
    sum += x;
  return sum / static_cast<double>(v.size());
}

double sd_of(const std::vector<double>& v) {
  if (v.size() < 2) return 0.0;
  const double m = mean_of(v);
  double squares = 0;
  for (const double x : v)
    squares += (x - m) * (x - m);
  return std::sqrt(squares / static_cast<double>(v.size() - 1));
}

// Final value and mean over steps of (metric, subject) in one run's rows.
struct Windows {
  double final = kNaN, average = kNaN;
};
Windows windows_of(const std::vector<MetricRow>& rows, const std::string& metric,
                   const std::string& subject) {
  Windows w;
  std::int64_t last = -1;
  double sum = 0;
  std::size_t count = 0;
  for (const auto& r : rows) {
    if (r.metric != metric || r.subject != subject) continue;
    if (r.step > last) {
      last = r.step;
      w.final = r.value;
    }
    // A share of nobody (no participants yet) is undefined, not zero: the
    // average runs over the steps where the metric has a value.
    if (std::isnan(r.value)) continue;
    sum += r.value;
    ++count;
  }
  if (count) w.average = sum / static_cast<double>(count);
  return w;
}

}  // namespace

PairedDifference paired_difference(const std::vector<double>& arm,
                                   const std::vector<double>& baseline) {
  if (arm.size() != baseline.size() || arm.empty())
    throw std::invalid_argument("paired_difference: expected two samples of one non-zero size");
  std::vector<double> d(arm.size());
  for (std::size_t r = 0; r < arm.size(); ++r)
    d[r] = arm[r] - baseline[r];
  PairedDifference out;
  out.n = static_cast<std::int64_t>(d.size());
  out.mean = mean_of(d);
  double half = 0.0;
  if (d.size() > 1) {
    const boost::math::students_t_distribution<double> t(static_cast<double>(d.size() - 1));
    half = boost::math::quantile(t, 0.975) * sd_of(d) / std::sqrt(static_cast<double>(d.size()));
  }
  out.ci_low = out.mean - half;
  out.ci_high = out.mean + half;
  return out;
}

double glass_delta(double mean_difference, const std::vector<double>& baseline) {
  const double sd = sd_of(baseline);
  return sd > 0.0 ? mean_difference / sd : kNaN;
}

std::vector<CompareRow> compare_arms(const std::vector<ArmReplicates>& arms, std::size_t baseline,
                                     const std::vector<std::string>& wanted) {
  const auto& base = arms.at(baseline);
  const std::size_t n = base.replicates.size();
  for (const auto& a : arms)
    if (a.replicates.size() != n)
      throw std::invalid_argument("compare_arms: arm '" + a.name + "' has " +
                                  std::to_string(a.replicates.size()) +
                                  " replicates, the baseline " + std::to_string(n));
  // (metric, subject) pairs in first-seen order of the baseline's first replicate.
  std::vector<std::pair<std::string, std::string>> series;
  for (const auto& r : base.replicates.at(0)) {
    if (r.metric == "spending") continue;
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), r.metric) == wanted.end())
      continue;
    const std::pair<std::string, std::string> key{r.metric, r.subject};
    if (std::find(series.begin(), series.end(), key) == series.end()) series.push_back(key);
  }
  for (const auto& metric : wanted)
    if (std::none_of(series.begin(), series.end(),
                     [&](const auto& s) { return s.first == metric; })) {
      std::string known;
      for (const auto& [m, subject] : series)
        if (known.find(m) == std::string::npos) known += (known.empty() ? "" : ", ") + m;
      throw InputError("--metric: no metric \"" + metric + "\" in the outputs");
    }
  const auto values = [&](const ArmReplicates& a, const std::string& metric,
                          const std::string& subject, bool final) {
    std::vector<double> out;
    for (const auto& rows : a.replicates) {
      const auto w = windows_of(rows, metric, subject);
      out.push_back(final ? w.final : w.average);
    }
    return out;
  };

  std::vector<CompareRow> rows;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    if (a == baseline) continue;
    const auto spent = values(arms[a], "spending", "all", true);
    double spending = 0.0;
    if (std::none_of(spent.begin(), spent.end(), [](double v) { return std::isnan(v); }))
      spending = mean_of(spent);
    for (const auto& [metric, subject] : series)
      for (const bool final : {true, false}) {
        const auto arm_values = values(arms[a], metric, subject, final);
        const auto base_values = values(base, metric, subject, final);
        const auto d = paired_difference(arm_values, base_values);
        CompareRow row;
        row.arm = arms[a].name;
        row.baseline = base.name;
        row.metric = metric;
        row.subject = subject;
        row.window = final ? "final" : "average";
        row.better = require(metric).better;
        row.mean_difference = d.mean;
        row.ci_low = d.ci_low;
        row.ci_high = d.ci_high;
        row.glass_delta = glass_delta(d.mean, base_values);
        row.spending = spending;
        row.gain_per_million = spending > 0.0 ? d.mean / spending * 1e6 : kNaN;
        row.n = d.n;
        rows.push_back(row);
      }
  }
  // Rank within (metric, subject, window): 1 + the number of arms strictly
  // better, in the metric's direction.
  const auto beats = [](const CompareRow& a, const CompareRow& b) {
    return a.better == Better::lower ? a.mean_difference < b.mean_difference
                                     : a.mean_difference > b.mean_difference;
  };
  for (auto& row : rows) {
    if (std::isnan(row.mean_difference)) continue;  // no difference, no rank (0)
    row.rank = 1;
    for (const auto& other : rows)
      if (other.metric == row.metric && other.subject == row.subject &&
          other.window == row.window && beats(other, row))
        ++row.rank;
  }
  return rows;
}

}  // namespace detente::metrics

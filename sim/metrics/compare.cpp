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

std::vector<double> window_values(const ArmReplicates& a, const std::string& metric,
                                  const std::string& subject, bool final) {
  std::vector<double> out;
  for (const auto& rows : a.replicates) {
    const auto w = windows_of(rows, metric, subject);
    out.push_back(final ? w.final : w.average);
  }
  return out;
}

// Mean total spending of an arm at its last step; 0 when it records none.
double spending_of(const ArmReplicates& a) {
  const auto spent = window_values(a, std::string(name(Metric::spending)), "all", true);
  if (std::any_of(spent.begin(), spent.end(), [](double v) { return std::isnan(v); })) return 0.0;
  return mean_of(spent);
}

// The sd over people behind a difference in `metric` (compare.hpp): NaN when
// the metric has none.
double person_sd(const ArmReplicates& baseline, Scale scale, const std::string& subject,
                 const std::vector<double>& baseline_values, bool final) {
  if (scale == Scale::trust_level)
    return mean_of(window_values(baseline, std::string(name(Metric::sd)), subject, final));
  if (scale == Scale::public_share) {
    const double p = mean_of(baseline_values);
    return std::sqrt(p * (1.0 - p));
  }
  return kNaN;
}

bool improves(const CompareRow& row, double difference) {
  return row.better == Better::lower ? difference < 0.0 : difference > 0.0;
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

bool beats_baseline(const CompareRow& row) {
  if (std::isnan(row.ci_low) || std::isnan(row.ci_high)) return false;
  return row.better == Better::lower ? row.ci_high < 0.0 : row.ci_low > 0.0;
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
  std::vector<Outcome> series;
  for (const auto& r : base.replicates.at(0)) {
    if (r.metric == name(Metric::spending)) continue;
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), r.metric) == wanted.end())
      continue;
    const Outcome key{r.metric, r.subject};
    if (std::find(series.begin(), series.end(), key) == series.end()) series.push_back(key);
  }
  for (const auto& metric : wanted)
    if (std::none_of(series.begin(), series.end(),
                     [&](const auto& s) { return s.first == metric; }))
      throw InputError("--metric: no metric \"" + metric + "\" in the outputs");

  const double baseline_spending = spending_of(base);
  std::vector<CompareRow> rows;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    if (a == baseline) continue;
    const double spending = spending_of(arms[a]);
    for (const auto& [metric, subject] : series)
      for (const bool final : {true, false}) {
        const auto base_values = window_values(base, metric, subject, final);
        const auto d =
            paired_difference(window_values(arms[a], metric, subject, final), base_values);
        CompareRow row;
        row.arm = arms[a].name;
        row.baseline = base.name;
        row.metric = metric;
        row.subject = subject;
        row.window = final ? "final" : "average";
        const MetricInfo& info = require(metric);
        row.better = info.better;
        row.scale = info.scale;
        row.mean_difference = d.mean;
        row.ci_low = d.ci_low;
        row.ci_high = d.ci_high;
        const bool share = row.scale == Scale::public_share || row.scale == Scale::share;
        row.points = share ? 100.0 * d.mean : kNaN;
        row.per_1000 = row.scale == Scale::public_share ? 1000.0 * d.mean : kNaN;
        row.person_sd = person_sd(base, row.scale, subject, base_values, final);
        row.standardised = row.person_sd > 0.0 ? d.mean / row.person_sd : kNaN;
        row.baseline_spending = baseline_spending;
        row.spending = spending;
        row.extra_spending = spending - baseline_spending;
        row.gain_per_million = row.extra_spending > 0.0 ? d.mean / row.extra_spending * 1e6 : kNaN;
        row.n = d.n;
        rows.push_back(row);
      }
  }
  // Rank within (metric, subject, window), among the arms that beat the
  // baseline with 95% confidence only: a loss or noise is never "first".
  for (auto& row : rows) {
    if (!beats_baseline(row)) continue;  // rank 0: no rank
    row.rank = 1;
    for (const auto& other : rows)
      if (other.metric == row.metric && other.subject == row.subject &&
          other.window == row.window && beats_baseline(other) &&
          improves(row, other.mean_difference - row.mean_difference))
        ++row.rank;
  }
  return rows;
}

std::vector<Outcome> headline_outcomes(const std::vector<CompareRow>& rows,
                                       const std::vector<Outcome>& declared, std::size_t limit) {
  std::vector<Outcome> out;
  const auto held = [&](const Outcome& o) {
    return std::any_of(rows.begin(), rows.end(), [&](const CompareRow& r) {
      return r.metric == o.first && r.subject == o.second;
    });
  };
  if (!declared.empty()) {
    for (const auto& o : declared)
      if (out.size() < limit && held(o) && std::find(out.begin(), out.end(), o) == out.end())
        out.push_back(o);
    return out;
  }
  // Per outcome: whether some arm is distinguishable from the baseline, and
  // the largest |standardised| difference of any arm, in the final window.
  struct Separation {
    Outcome outcome;
    bool distinct = false;
    double size = 0.0;           // over every arm
    double distinct_size = 0.0;  // over the arms distinguishable from the baseline
  };
  std::vector<Separation> found;
  for (const auto& r : rows) {
    if (r.window != "final" || std::isnan(r.standardised)) continue;
    const Outcome o{r.metric, r.subject};
    auto it = std::find_if(found.begin(), found.end(),
                           [&](const Separation& s) { return s.outcome == o; });
    if (it == found.end()) it = found.insert(found.end(), Separation{o});
    const bool distinct = r.ci_low > 0.0 || r.ci_high < 0.0;
    it->distinct = it->distinct || distinct;
    it->size = std::max(it->size, std::abs(r.standardised));
    if (distinct) it->distinct_size = std::max(it->distinct_size, std::abs(r.standardised));
  }
  std::stable_sort(found.begin(), found.end(), [](const Separation& a, const Separation& b) {
    if (a.distinct != b.distinct) return a.distinct;
    return a.distinct ? a.distinct_size > b.distinct_size : a.size > b.size;
  });
  for (const auto& s : found)
    if (out.size() < limit) out.push_back(s.outcome);
  return out;
}

}  // namespace detente::metrics

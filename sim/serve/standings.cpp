#include "serve/standings.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <numeric>

#include "metrics/metric_table.hpp"

namespace detente::serve {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string all_of(metrics::Metric m) {
  return std::string(metrics::name(m)) + " all";
}

std::ptrdiff_t index_of(const std::vector<std::string>& series, const std::string& name) {
  const auto it = std::find(series.begin(), series.end(), name);
  return it == series.end() ? -1 : it - series.begin();
}

// The column of series `i` over replicates; empty when a replicate lacks it.
std::vector<double> column(const Finals& run, std::size_t i) {
  std::vector<double> out;
  for (const auto& replicate : run.values) {
    if (i >= replicate.size()) return {};
    out.push_back(replicate[i]);
  }
  return out;
}

Outcome summarise(const std::string& name, const std::vector<double>& v) {
  Outcome o;
  o.series = name;
  o.n = v.size();
  o.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  o.min = *std::min_element(v.begin(), v.end());
  o.max = *std::max_element(v.begin(), v.end());
  double half = 0;
  if (v.size() > 1) {
    double ss = 0;
    for (const double x : v)
      ss += (x - o.mean) * (x - o.mean);
    const double sd = std::sqrt(ss / static_cast<double>(v.size() - 1));
    const boost::math::students_t_distribution<double> t(static_cast<double>(v.size() - 1));
    half = boost::math::quantile(t, 0.975) * sd / std::sqrt(static_cast<double>(v.size()));
  }
  o.ci_low = o.mean - half;
  o.ci_high = o.mean + half;
  o.difference.mean = o.difference.ci_low = o.difference.ci_high = kNaN;
  return o;
}

}  // namespace

std::vector<std::string> headline_series() {
  using metrics::Metric;
  return {all_of(Metric::mean), all_of(Metric::political_space), all_of(Metric::positive_tie_share),
          all_of(Metric::spending)};
}

std::vector<Outcome> outcomes_of(const Finals& team, const Finals& baseline) {
  std::vector<Outcome> out;
  for (const std::string& name : headline_series()) {
    const auto i = index_of(team.series, name);
    if (i < 0) continue;
    const std::vector<double> v = column(team, static_cast<std::size_t>(i));
    if (v.empty()) continue;
    Outcome o = summarise(name, v);
    const auto b = index_of(baseline.series, name);
    if (b >= 0) {
      const std::vector<double> w = column(baseline, static_cast<std::size_t>(b));
      if (w.size() == v.size()) o.difference = metrics::paired_difference(v, w);
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<Outcome> outcomes_of(const Finals& run) {
  std::vector<Outcome> out = outcomes_of(run, run);
  for (Outcome& o : out)
    o.difference = {0, 0, 0, static_cast<std::int64_t>(o.n)};
  return out;
}

std::vector<Place> place_teams(const std::vector<metrics::PairedDifference>& differences) {
  std::vector<Place> out(differences.size());
  std::vector<std::size_t> better;
  for (std::size_t i = 0; i < differences.size(); ++i) {
    const auto& d = differences[i];
    // NaN compares false both ways: no interval, no verdict.
    out[i].verdict = d.ci_low > 0 ? "better" : d.ci_high < 0 ? "worse" : "unclear";
    if (d.ci_low > 0) better.push_back(i);
  }
  // A team's place is one more than the number of ranked teams that are
  // clearly ahead of it (their whole interval above its whole interval):
  // teams nothing orders share a place, without chaining a clear gap away.
  for (const std::size_t i : better) {
    out[i].place = 1;
    for (const std::size_t j : better)
      if (j != i && differences[j].ci_low > differences[i].ci_high) ++out[i].place;
  }
  for (const std::size_t i : better)
    out[i].shared = std::any_of(better.begin(), better.end(), [&](std::size_t j) {
      return j != i && out[j].place == out[i].place;
    });
  return out;
}

}  // namespace detente::serve

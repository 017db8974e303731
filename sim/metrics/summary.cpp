#include "metrics/summary.hpp"

#include "metrics/order_statistics.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace detente::metrics {
namespace {

// Numbers strings by first appearance, so that sorting by number keeps that order.
class FirstSeen {
 public:
  std::size_t operator()(std::string_view s) {
    return index_.try_emplace(s, index_.size()).first->second;
  }

 private:
  std::unordered_map<std::string_view, std::size_t> index_;
};

struct Key {
  std::size_t arm = 0, metric = 0, subject = 0;
  std::int64_t step = 0;
  std::int64_t replicate = 0;
  std::size_t row = 0;

  auto group() const { return std::tie(arm, metric, subject, step); }
  auto order() const { return std::tie(arm, metric, subject, step, replicate); }
};

// t(0.975, dof), memoised by sample size: a run has few distinct sizes.
class StudentQuantile {
 public:
  double operator()(std::size_t n) {
    if (cache_.size() <= n) cache_.resize(n + 1, 0.0);
    if (cache_[n] == 0.0) {
      const boost::math::students_t_distribution<double> t(static_cast<double>(n - 1));
      cache_[n] = boost::math::quantile(t, 0.975);
    }
    return cache_[n];
  }

 private:
  std::vector<double> cache_;
};

}  // namespace

std::vector<SummaryRow> summarise(std::span<const TimeseriesRow> rows) {
  FirstSeen arms, metrics, subjects;
  std::vector<Key> keys(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    keys[i] = {arms(r.arm), metrics(r.row.metric), subjects(r.row.subject),
               r.row.step,  r.replicate,           i};
  }
  std::sort(keys.begin(), keys.end(),
            [](const Key& a, const Key& b) { return a.order() < b.order(); });

  std::vector<SummaryRow> out;
  StudentQuantile t_quantile;
  std::vector<double> values;
  for (std::size_t begin = 0; begin < keys.size();) {
    std::size_t end = begin + 1;
    while (end < keys.size() && keys[end].group() == keys[begin].group()) {
      if (keys[end].replicate == keys[end - 1].replicate) {
        const auto& r = rows[keys[end].row];
        throw std::invalid_argument("summarise: two rows for arm '" + r.arm + "', replicate " +
                                    std::to_string(r.replicate) + ", metric '" + r.row.metric +
                                    "', subject '" + r.row.subject + "', step " +
                                    std::to_string(r.row.step));
      }
      ++end;
    }
    values.clear();
    for (std::size_t k = begin; k < end; ++k)
      values.push_back(rows[keys[k].row].row.value);

    const std::size_t n = values.size();
    double sum = 0.0;
    for (double v : values)
      sum += v;
    const double mean = sum / static_cast<double>(n);
    double sd = 0.0;
    double half_width = 0.0;
    if (n > 1) {
      double squares = 0.0;
      for (double v : values)
        squares += (v - mean) * (v - mean);
      sd = std::sqrt(squares / static_cast<double>(n - 1));
      half_width = t_quantile(n) * sd / std::sqrt(static_cast<double>(n));
    }

    std::sort(values.begin(), values.end());
    const auto percentile = [&](double q) {
      const auto at = detail::quantile_position(n, q);
      if (at.frac == 0.0) return values[at.low];
      return detail::lerp_numpy(values[at.low], values[at.low + 1], at.frac);
    };
    const auto& first = rows[keys[begin].row];
    out.push_back({first.arm, first.row.metric, first.row.subject, first.row.step, mean, sd,
                   mean - half_width, mean + half_width, static_cast<std::int64_t>(n),
                   percentile(0.1), percentile(0.5), percentile(0.9)});
    begin = end;
  }
  return out;
}

}  // namespace detente::metrics

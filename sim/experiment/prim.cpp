#include "experiment/prim.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

namespace detente {
namespace {

bool inside(const std::vector<double>& point, const std::vector<double>& low,
            const std::vector<double>& high) {
  for (std::size_t j = 0; j < point.size(); ++j)
    if (point[j] < low[j] || point[j] > high[j]) return false;
  return true;
}

PrimBox measured(std::vector<double> low, std::vector<double> high,
                 const std::vector<std::vector<double>>& points, const std::vector<bool>& interest,
                 std::size_t total_interest) {
  PrimBox box{std::move(low), std::move(high)};
  for (std::size_t f = 0; f < points.size(); ++f)
    if (inside(points[f], box.low, box.high)) {
      ++box.futures;
      box.of_interest += interest[f] ? 1 : 0;
    }
  box.coverage = total_interest
                     ? static_cast<double>(box.of_interest) / static_cast<double>(total_interest)
                     : 0.0;
  box.density =
      box.futures ? static_cast<double>(box.of_interest) / static_cast<double>(box.futures) : 0.0;
  return box;
}

}  // namespace

std::vector<PrimBox> prim_peel(const std::vector<std::vector<double>>& points,
                               const std::vector<bool>& interest, double alpha,
                               std::size_t min_support) {
  if (points.empty() || points.size() != interest.size())
    throw std::invalid_argument("prim_peel: expected one interest flag per point");
  if (!(alpha > 0.0 && alpha < 0.5) || min_support < 1)
    throw std::invalid_argument("prim_peel: expected alpha in (0, 0.5) and min_support >= 1");
  const std::size_t k = points[0].size();
  const auto total = static_cast<std::size_t>(std::count(interest.begin(), interest.end(), true));
  std::vector<double> low(k), high(k);
  for (std::size_t j = 0; j < k; ++j) {
    low[j] = high[j] = points[0][j];
    for (const auto& p : points) {
      low[j] = std::min(low[j], p[j]);
      high[j] = std::max(high[j], p[j]);
    }
  }
  std::vector<PrimBox> boxes = {measured(low, high, points, interest, total)};
  // Each peel removes at least one future, so the loop ends.
  while (boxes.back().density < 1.0) {
    const PrimBox& box = boxes.back();
    std::vector<std::size_t> in;
    for (std::size_t f = 0; f < points.size(); ++f)
      if (inside(points[f], box.low, box.high)) in.push_back(f);
    const auto peel = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::floor(alpha * static_cast<double>(in.size()))));
    std::optional<PrimBox> best;
    for (std::size_t j = 0; j < k; ++j) {
      std::vector<double> column;
      for (const std::size_t f : in)
        column.push_back(points[f][j]);
      std::sort(column.begin(), column.end());
      if (column.front() == column.back()) continue;
      for (const bool from_low : {true, false}) {
        auto new_low = box.low, new_high = box.high;
        // Peel at least `peel` futures: every one at or beyond the peel-th
        // value, so that tied values leave the box together.
        if (from_low) {
          const auto above = std::upper_bound(column.begin(), column.end(), column[peel - 1]);
          if (above == column.end()) continue;
          new_low[j] = *above;
        } else {
          const auto below =
              std::lower_bound(column.begin(), column.end(), column[column.size() - peel]);
          if (below == column.begin()) continue;
          new_high[j] = *(below - 1);
        }
        PrimBox candidate = measured(new_low, new_high, points, interest, total);
        if (candidate.futures < min_support) continue;
        if (!best || candidate.density > best->density) best = std::move(candidate);
      }
    }
    if (!best || !(best->density > box.density)) break;
    boxes.push_back(std::move(*best));
  }
  return boxes;
}

std::size_t chosen_box(const std::vector<PrimBox>& boxes, double min_coverage) {
  std::size_t chosen = 0;
  for (std::size_t b = 0; b < boxes.size(); ++b)
    if (boxes[b].coverage >= min_coverage && boxes[b].density > boxes[chosen].density) chosen = b;
  return chosen;
}

}  // namespace detente

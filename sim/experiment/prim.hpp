#pragma once
// PRIM, the patient rule induction method (Friedman & Fisher 1999), as
// scenario discovery uses it (Bryant & Lempert 2010): starting from the box
// that holds every future, peel off the α-share of futures at the low or high
// end of one parameter, whichever leaves the box densest in the futures of
// interest, until no peel raises the density or the box would hold fewer than
// `min_support` futures. Every box of that trajectory is returned, the whole
// space first, so a reader can trade coverage against density.
//
//   auto boxes = prim_peel(values, flipped, 0.1, 4);
//   boxes.back().density;   // share of the futures in the last box that flip
//
// coverage = futures of interest in the box / all futures of interest;
// density  = futures of interest in the box / futures in the box.
#include <cstddef>
#include <vector>

namespace detente {

struct PrimBox {
  std::vector<double> low, high;  // per parameter, closed bounds (the whole range: min, max)
  std::size_t futures = 0;        // futures in the box
  std::size_t of_interest = 0;    // of them, futures of interest
  double coverage = 0.0, density = 0.0;
};

// `points[f]` are future f's parameter values, `interest[f]` whether it is a
// future of interest. α in (0, 0.5); min_support ≥ 1. Deterministic: ties
// between peels go to the lower parameter index, then the low end.
std::vector<PrimBox> prim_peel(const std::vector<std::vector<double>>& points,
                               const std::vector<bool>& interest, double alpha,
                               std::size_t min_support);

// The box a reader should look at first: the densest box that still covers at
// least `min_coverage` of the futures of interest (the first box if none).
std::size_t chosen_box(const std::vector<PrimBox>& boxes, double min_coverage = 0.5);

}  // namespace detente

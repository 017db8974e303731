#pragma once
// Experimental designs on the unit hypercube [0,1]^k; a sweep maps each
// coordinate to its parameter's range or value list (sweep.hpp).
//
//   Streams rng = design_streams(seed);
//   auto points = latin_hypercube(20, 3, rng);        // 20 points in [0,1]^3
//   auto morris = morris_design(10, 3, 4, rng);       // 10 trajectories, 4 levels
//   auto sobol  = saltelli_design(1024, 3, rng);      // 1024 × (3 + 2) points
//
// Every design is a pure function of its arguments and the stream's seed.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/rng.hpp"

namespace detente {

using Point = std::vector<double>;

// The streams of a sweep's design and bootstrap: keyed apart from every
// simulation stream of the same seed.
Streams design_streams(std::uint64_t seed);

// Full factorial: coordinate i takes levels[i] values; with levels[i] = 1 it is
// 0.5. Values are i/(L − 1); the last coordinate varies fastest.
std::vector<Point> grid_design(const std::vector<std::size_t>& levels);

// n points, one in each of the n strata of every coordinate, jittered within
// the stratum (McKay, Beckman & Conover 1979). `draw` separates independent
// hypercubes drawn from one stream.
std::vector<Point> latin_hypercube(std::size_t n, std::size_t k, const Streams& rng,
                                   std::uint32_t draw = 0);

// Morris (1991) one-at-a-time trajectories on a grid of p levels {0, 1/(p−1), …, 1}
// with jump Δ = p / (2(p − 1)) (p even). Each trajectory starts at a random
// grid point and moves every coordinate once, in a random order, by +Δ where it
// fits and −Δ otherwise: k + 1 points per trajectory, r(k + 1) in all.
struct MorrisDesign {
  std::size_t trajectories = 0, factors = 0, levels = 0;
  double delta = 0.0;
  std::vector<Point> points;  // trajectory t occupies [t(k+1), (t+1)(k+1))
  // moved[t][s]: the coordinate that changes between points s and s + 1 of trajectory t
  std::vector<std::vector<std::size_t>> moved;
};
MorrisDesign morris_design(std::size_t trajectories, std::size_t factors, std::size_t levels,
                           const Streams& rng);

// Saltelli (2010) sampling: base matrices A and B (independent Latin
// hypercubes of n rows) and, for each coordinate i, AB_i = A with column i
// from B. Point order: for each row j, A_j, B_j, AB_1j, …, AB_kj.
std::vector<Point> saltelli_design(std::size_t n, std::size_t k, const Streams& rng);

}  // namespace detente

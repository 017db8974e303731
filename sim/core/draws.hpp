#pragma once
// Turning the random words of detente::Streams into choices.
//
//   auto b = rng.bits(Purpose::classic, sub, step, entity);
//   AgentId i = uniform_below(b[0], b[1], agents);        // 64 bits: bias ≤ n / 2^64
//   std::uint32_t slot = uniform_below32(b[2], degree);  // 32 bits: for small n
#include <cstdint>

namespace detente {

// A uniform integer in [0, n) from 64 random bits (multiply-shift; the bias,
// at most n / 2^64, is far below anything a run could detect).
inline std::uint64_t uniform_below(std::uint32_t hi, std::uint32_t lo, std::uint64_t n) {
  __extension__ typedef unsigned __int128 Wide;
  const std::uint64_t x = (static_cast<std::uint64_t>(hi) << 32) | lo;
  return static_cast<std::uint64_t>((static_cast<Wide>(x) * n) >> 64);
}

// A uniform integer in [0, n) from 32 random bits; the bias is at most
// n / 2^32, so use it for small n (a degree, a feature count).
inline std::uint32_t uniform_below32(std::uint32_t x, std::uint32_t n) {
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(x) * n) >> 32);
}

}  // namespace detente

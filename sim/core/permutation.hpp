#pragma once
// A pseudo-random permutation of [0, n) that costs O(1) per element and no
// memory, so a random perfect matching of a million agents (pair π(2m) with
// π(2m+1)) can be built in parallel, each pair by whichever thread gets it,
// with the same result at any thread count.
//
// A balanced Feistel network of four rounds on the smallest even number of
// bits 2h with 2^(2h) ≥ n, the round function a murmur3 finaliser keyed by one
// word each; values ≥ n are walked through the cipher again until they fall
// inside (cycle walking, fewer than four passes on average), which keeps it a
// bijection of [0, n). The keys come from detente::Streams, so the permutation
// is a pure function of (seed, replicate, purpose, step).
//
//   RandomPermutation pi(agents, rng.bits(Purpose::classic, sub, step, 0));
//   for (std::uint64_t m = 0; m < agents / 2; ++m) meet(pi(2 * m), pi(2 * m + 1));
//
// It is not a uniformly random permutation (four keyed rounds reach a small
// share of the n! orders), which does not matter for pairing agents at random.
#include <array>
#include <cstdint>

namespace detente {

class RandomPermutation {
 public:
  RandomPermutation(std::uint64_t n, const std::array<std::uint32_t, 4>& keys) noexcept
      : n_(n), keys_(keys) {
    while ((std::uint64_t{1} << (2 * half_bits_)) < n && half_bits_ < 31)
      ++half_bits_;
    mask_ = (std::uint64_t{1} << half_bits_) - 1;
  }

  std::uint64_t size() const noexcept { return n_; }

  // π(x) for x < n.
  std::uint64_t operator()(std::uint64_t x) const noexcept {
    do {
      x = encrypt(x);
    } while (x >= n_);
    return x;
  }

 private:
  static std::uint32_t mix(std::uint32_t h) noexcept {
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
  }

  std::uint64_t encrypt(std::uint64_t x) const noexcept {
    std::uint64_t left = x >> half_bits_;
    std::uint64_t right = x & mask_;
    for (const std::uint32_t key : keys_) {
      const std::uint64_t f = mix(static_cast<std::uint32_t>(right) ^ key) & mask_;
      const std::uint64_t next = left ^ f;
      left = right;
      right = next;
    }
    return (left << half_bits_) | right;
  }

  std::uint64_t n_;
  std::array<std::uint32_t, 4> keys_;
  unsigned half_bits_ = 1;
  std::uint64_t mask_ = 1;
};

}  // namespace detente

#pragma once
// Counter-based random streams (Random123 Philox4x32-10).
//
// Every random decision in detente is a pure function of
// (seed, replicate, purpose, sub-stream, step, entity, draw): there is no
// generator state to advance. So a decision gives the same number whatever
// thread makes it and in whatever order, and two arms of one scenario draw the
// same number for the same decision (common random numbers): adding an
// intervention, keyed by its own sub-stream, shifts nobody else's draws.
//
//   detente::Streams rng(seed, replicate);
//   auto u = rng.uniforms(Purpose::contact, 0, step, tie_key);  // 4 uniforms in [0,1)
//   if (u[0] < p_meet) { ... }
#include <Random123/philox.h>

#include <array>
#include <cstdint>
#include <string_view>

namespace detente {

// What a draw is for. Values are part of the reproducibility contract: never
// renumber them, only append.
enum class Purpose : std::uint32_t {
  attributes = 1,      // initial agent attributes (entity = agent, draw = attribute)
  network = 2,         // network construction (entity = edge or node)
  media_audience = 3,  // who follows an outlet (sub = outlet key)
  media_exposure = 4,  // who sees an outlet this step (sub = outlet key)
  contact = 5,         // tie meetings (entity = tie key)
  shock = 6,           // Poisson crises (entity = 0)
  intervention = 7,    // interventions (sub = intervention key)
  classic = 8,         // classic opinion-dynamics rules
  roles = 9,           // role and marginalised flags
  turnover = 10,       // who leaves and what newcomers bring (rules/turnover.hpp)
  leaders = 11,        // which seats change hands, and who takes them (rules/leaders.hpp)
};

// A 24-bit sub-stream key from a name (outlets, interventions), so that a
// stream belongs to a name rather than a position in a list.
constexpr std::uint32_t stream_key(std::string_view name) noexcept {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return (h ^ (h >> 24)) & 0xFFFFFFu;
}

// SplitMix64: derives a replicate's key from the scenario seed.
constexpr std::uint64_t splitmix64(std::uint64_t x) noexcept {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// The seed of replicate r of a scenario with seed s (recorded in run.json).
constexpr std::uint64_t replicate_seed(std::uint64_t seed, std::uint32_t replicate) noexcept {
  return splitmix64(seed ^ splitmix64(0xD3E7A17Eull + replicate));
}

class Streams {
 public:
  Streams() = default;
  explicit Streams(std::uint64_t replicate_seed) noexcept
      : key_{{static_cast<std::uint32_t>(replicate_seed),
              static_cast<std::uint32_t>(replicate_seed >> 32)}} {}
  Streams(std::uint64_t seed, std::uint32_t replicate) noexcept
      : Streams(replicate_seed(seed, replicate)) {}

  // Four independent 32-bit words for one decision. `entity` may use 56 bits
  // (agents, edges, tie keys); `draw` distinguishes up to 256 draws per entity.
  std::array<std::uint32_t, 4> bits(Purpose purpose, std::uint32_t sub, std::uint64_t step,
                                    std::uint64_t entity, std::uint32_t draw = 0) const noexcept {
    r123::Philox4x32::ctr_type ctr = {
        {(static_cast<std::uint32_t>(purpose) << 24) | (sub & 0xFFFFFFu),
         static_cast<std::uint32_t>(step), static_cast<std::uint32_t>(entity),
         static_cast<std::uint32_t>((entity >> 32) << 8) | (draw & 0xFFu)}};
    r123::Philox4x32 philox;
    auto out = philox(ctr, key_);
    return {out[0], out[1], out[2], out[3]};
  }

  // Four uniforms in [0,1) with 24 bits each (float precision).
  std::array<float, 4> uniforms(Purpose purpose, std::uint32_t sub, std::uint64_t step,
                                std::uint64_t entity, std::uint32_t draw = 0) const noexcept {
    auto b = bits(purpose, sub, step, entity, draw);
    return {to_unit_float(b[0]), to_unit_float(b[1]), to_unit_float(b[2]), to_unit_float(b[3])};
  }

  // Two uniforms in [0,1) with 53 bits each.
  std::array<double, 2> uniforms_double(Purpose purpose, std::uint32_t sub, std::uint64_t step,
                                        std::uint64_t entity,
                                        std::uint32_t draw = 0) const noexcept {
    auto b = bits(purpose, sub, step, entity, draw);
    return {to_unit_double(b[0], b[1]), to_unit_double(b[2], b[3])};
  }

  static constexpr float to_unit_float(std::uint32_t x) noexcept {
    return static_cast<float>(x >> 8) * (1.0f / 16777216.0f);
  }
  static constexpr double to_unit_double(std::uint32_t hi, std::uint32_t lo) noexcept {
    const std::uint64_t v = (static_cast<std::uint64_t>(hi) << 21) ^ (lo >> 11);
    return static_cast<double>(v & ((1ull << 53) - 1)) * (1.0 / 9007199254740992.0);
  }

 private:
  r123::Philox4x32::key_type key_ = {{0, 0}};
};

}  // namespace detente

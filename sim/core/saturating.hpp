#pragma once
// Integer arithmetic that cannot overflow: results past the type's range stop
// at its largest (or smallest) value. Schedules and sizes come from scenario
// files; even with the schema's bounds, a sum of steps and a product of
// rounds and spacing must not wrap into a step in the past (signed overflow
// is undefined behaviour, and UBSan reports it).
//
//   saturating_add(INT64_MAX, 1)   // INT64_MAX
//   saturating_mul(rounds, every)  // INT64_MAX when the product does not fit
#include <concepts>
#include <limits>

namespace detente {

template <std::integral T>
constexpr T saturating_add(T a, T b) {
  T out{};
  if (!__builtin_add_overflow(a, b, &out)) return out;
  return b > 0 ? std::numeric_limits<T>::max() : std::numeric_limits<T>::min();
}

template <std::integral T>
constexpr T saturating_mul(T a, T b) {
  T out{};
  if (!__builtin_mul_overflow(a, b, &out)) return out;
  return (a < 0) != (b < 0) ? std::numeric_limits<T>::min() : std::numeric_limits<T>::max();
}

// Whether a + b (or a * b) fits in T.
template <std::integral T>
constexpr bool adds_within(T a, T b) {
  T out{};
  return !__builtin_add_overflow(a, b, &out);
}
template <std::integral T>
constexpr bool multiplies_within(T a, T b) {
  T out{};
  return !__builtin_mul_overflow(a, b, &out);
}

}  // namespace detente

#include "interventions/intervention.hpp"

#include "core/errors.hpp"

namespace detente::interventions {

bool scheduled(const scenario::Intervention& spec, std::int64_t step) {
  if (step < spec.start) return false;
  const std::int64_t since = step - spec.start;
  if (since % spec.every != 0) return false;
  if (spec.end && step > *spec.end) return false;
  if (spec.rounds && since / spec.every >= *spec.rounds) return false;
  return true;
}

template <class Real>
std::vector<std::unique_ptr<Intervention<Real>>> make_interventions(
    std::span<const scenario::Intervention> specs) {
  std::vector<std::unique_ptr<Intervention<Real>>> made;
  for (const auto& spec : specs) {
    // The registry of types is empty in this version; the scenario loader
    // refuses every entry first, so reaching this is a programming error.
    throw std::logic_error("intervention type '" + spec.type + "' of '" + spec.name +
                           "' has no implementation");
  }
  return made;
}

template std::vector<std::unique_ptr<Intervention<float>>> make_interventions(
    std::span<const scenario::Intervention>);
template std::vector<std::unique_ptr<Intervention<double>>> make_interventions(
    std::span<const scenario::Intervention>);

}  // namespace detente::interventions

#include "interventions/triggers.hpp"

#include <cmath>

#include "core/saturating.hpp"
#include "interventions/intervention.hpp"

namespace detente::interventions {

bool Schedule::in_response(std::int64_t step) const {
  return step >= first_ && step <= last_ && (step - first_) % spec_.every == 0;
}

bool Schedule::due(std::int64_t step, const Probe& probe) {
  if (!triggered()) return scheduled(spec_, step);
  if (step <= last_) return in_response(step);
  // Steps, rounds and spacing come from the scenario: sums and products
  // saturate rather than wrap into the past (core/saturating.hpp).
  const bool cooling = fired_ > 0 && step <= saturating_add(last_, spec_.when.cooldown);
  const bool watching = !cooling && fired_ < spec_.when.repeat && step >= spec_.start &&
                        (!spec_.end || step <= *spec_.end);
  if (!watching) return false;
  const double value = probe(spec_.when.metric, spec_.when.subject);
  const bool crossed =
      spec_.when.below ? value < *spec_.when.below : spec_.when.above && value > *spec_.when.above;
  if (std::isnan(value) || !crossed) return false;
  ++fired_;
  fired_value_ = value;
  first_ = saturating_add(step, spec_.when.delay);
  last_ = saturating_add(first_, saturating_mul(spec_.rounds.value_or(1) - 1, spec_.every));
  return in_response(step);
}

bool Schedule::rounds_ahead(std::int64_t step) const {
  if (!spec_.enabled) return false;
  if (triggered()) return step < last_;
  if (step < spec_.start) return true;
  const std::int64_t rounds_done = (step - spec_.start) / spec_.every + 1;
  const std::int64_t next = saturating_add(spec_.start, saturating_mul(rounds_done, spec_.every));
  if (spec_.end && next > *spec_.end) return false;
  if (spec_.rounds && rounds_done >= *spec_.rounds) return false;
  return true;
}

}  // namespace detente::interventions

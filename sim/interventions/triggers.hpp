#pragma once
// When an intervention's rounds fall: its schedule (start, every, end or
// rounds), or, with `when:`, a response to the state of the world
// (design §2.4):
//
//   watching ── metric crosses the threshold at step t ──▶ responding:
//     rounds at t + delay, t + delay + every, … (`rounds` of them, default 1)
//   responding ── after the last round ──▶ cooling down for `cooldown` steps
//   cooling ──▶ watching again, until it has fired `repeat` times.
//
// The metric is read on the state the previous step left (the start of
// step t), with the definitions of timeseries.csv. It is watched from
// `start` and, when `end` is given, up to `end`.
#include <cstdint>
#include <functional>
#include <string_view>

#include "scenario/scenario.hpp"

namespace detente::interventions {

// The value of a metric (timeseries.csv names) for a subject, now.
using Probe = std::function<double(std::string_view metric, std::string_view subject)>;

class Schedule {
 public:
  explicit Schedule(const scenario::Intervention& spec) : spec_(spec) {}

  // Whether a round is due in `step`; reads the watched metric through
  // `probe` only while watching. Call once per step, in step order.
  bool due(std::int64_t step, const Probe& probe);
  // Whether a round is due after `step` as things stand.
  bool rounds_ahead(std::int64_t step) const;
  // Times the trigger has fired.
  std::int64_t fired() const { return fired_; }
  // The watched metric's value when the trigger last fired, and the first
  // step of that response's rounds.
  double fired_value() const { return fired_value_; }
  std::int64_t response_start() const { return first_; }
  bool triggered() const { return !spec_.when.metric.empty(); }
  // Takes where `from` (a schedule of the same declaration) stands.
  void take_state(const Schedule& from) {
    fired_ = from.fired_;
    first_ = from.first_;
    last_ = from.last_;
    fired_value_ = from.fired_value_;
  }

 private:
  bool in_response(std::int64_t step) const;

  const scenario::Intervention& spec_;
  std::int64_t fired_ = 0;
  std::int64_t first_ = 0;  // the current response's first and last round
  std::int64_t last_ = -1;
  double fired_value_ = 0.0;
};

}  // namespace detente::interventions

#pragma once
// events.csv: what happened in each run (core/events.hpp), one row per event
// in the order of the runs and, within a run, the order they happened.
//
//   arm,replicate,step,event,subject,detail
//
// Text fields holding a comma, a quote or a line break are quoted (RFC 4180).
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/events.hpp"

namespace detente::io {

// One run's events.
struct EventBlock {
  std::string arm;
  std::int64_t replicate = 0;
  std::vector<Event> events;
};

void write_events_csv(const std::filesystem::path& path, std::span<const EventBlock> blocks);

}  // namespace detente::io

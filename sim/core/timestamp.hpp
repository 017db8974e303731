#pragma once
// Moments as people and files write them: "YYYY-MM-DDTHH:MM:SSZ", in UTC, to
// the second (run.json's started_at, results.db's rows).
#include <chrono>
#include <string>

namespace detente {

std::string utc_iso8601(std::chrono::system_clock::time_point when);
inline std::string utc_now() {
  return utc_iso8601(std::chrono::system_clock::now());
}

}  // namespace detente

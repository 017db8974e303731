#include <catch2/catch.hpp>
#include <chrono>

#include "core/timestamp.hpp"

TEST_CASE("UTC timestamps are ISO 8601", "[core][timestamp]") {
  using namespace std::chrono;
  const auto when = sys_days{year{2025} / January / 31} + hours{9} + minutes{5} + seconds{7};
  CHECK(detente::utc_iso8601(when) == "2025-01-31T09:05:07Z");
  CHECK(detente::utc_now().size() == 20);
}

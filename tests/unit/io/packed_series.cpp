// A packed series reads back as it went in, and bytes that are not one are
// refused without reading past their end.
#include "io/packed_series.hpp"

#include <bit>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

using detente::io::pack_series;
using detente::io::unpack_series;
using detente::metrics::MetricRow;

namespace {

std::vector<MetricRow> sample_rows() {
  return {{0, "mean", "north->south", 0.1},
          {0, "mean", "south->north", 1.0 / 3.0},
          {4, "trusting_share", "all", std::numeric_limits<double>::quiet_NaN()},
          {-1, "gap", "", -0.0},
          {std::numeric_limits<std::int64_t>::max(), "mean", "north->south",
           std::numeric_limits<double>::denorm_min()}};
}

}  // namespace

TEST_CASE("packed series read back bit for bit", "[io][packed_series]") {
  const auto rows = sample_rows();
  const auto back = unpack_series(pack_series(rows));
  REQUIRE(back.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(back[i].step == rows[i].step);
    CHECK(back[i].metric == rows[i].metric);
    CHECK(back[i].subject == rows[i].subject);
    CHECK(std::bit_cast<std::uint64_t>(back[i].value) ==
          std::bit_cast<std::uint64_t>(rows[i].value));
  }
  CHECK(unpack_series(pack_series(std::vector<MetricRow>{})).empty());
}

TEST_CASE("names are stored once however many rows use them", "[io][packed_series]") {
  std::vector<MetricRow> rows;
  for (int step = 0; step < 1000; ++step)
    rows.push_back({step, "a_rather_long_metric_name", "a_rather_long_subject_name", 0.5});
  // 24 bytes a row, the two names once, and the header.
  CHECK(pack_series(rows).size() < 1000 * 24 + 100);
}

TEST_CASE("bytes that are not a packed series are refused", "[io][packed_series]") {
  const std::string good = pack_series(sample_rows());
  // Every truncation is refused (never read past the end).
  for (std::size_t n = 0; n < good.size(); ++n)
    CHECK_THROWS_AS(unpack_series(std::string_view(good).substr(0, n)), std::runtime_error);
  CHECK_THROWS_AS(unpack_series("XXXX" + good.substr(4)), std::runtime_error);
  // Trailing bytes that are not whole rows.
  CHECK_THROWS_AS(unpack_series(good + "x"), std::runtime_error);
  // A name count the bytes cannot hold: refused before anything is allocated.
  std::string huge_names = good;
  huge_names.replace(4, 4, std::string("\xff\xff\xff\x7f", 4));
  CHECK_THROWS_AS(unpack_series(huge_names), std::runtime_error);
  // A name index past the table (the first row's metric index is after the
  // names and the row count; set it to a large value).
  const auto one = pack_series(std::vector<MetricRow>{{0, "m", "s", 1.0}});
  std::string bad_index = one;
  const std::size_t metric_at = one.size() - 16;  // i64 step, then u32 metric
  bad_index.replace(metric_at, 4, std::string("\x09\x00\x00\x00", 4));
  CHECK_THROWS_AS(unpack_series(bad_index), std::runtime_error);
  // A flipped byte anywhere either reads back as some series or is refused,
  // never crashes (the sanitizer build runs this too).
  for (std::size_t i = 0; i < good.size(); ++i) {
    std::string flipped = good;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x5a);
    try {
      (void)unpack_series(flipped);
    } catch (const std::runtime_error&) {
    }
  }
}

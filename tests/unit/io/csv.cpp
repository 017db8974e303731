#include "io/csv.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "core/rng.hpp"
#include "io/text_file.hpp"
#include "temp_folder.hpp"

using detente::metrics::MetricRow;
using detente::metrics::SummaryRow;
using detente::metrics::TimeseriesRow;

namespace {

std::vector<std::string> read_lines(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

std::string last_field(const std::string& line) {
  return line.substr(line.rfind(',') + 1);
}

double parse(const std::string& text) {
  double v = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  REQUIRE(r.ec == std::errc());
  REQUIRE(r.ptr == text.data() + text.size());
  return v;
}

}  // namespace

TEST_CASE("timeseries.csv has the contract header and one line per row", "[io][csv]") {
  detente::test::TempFolder dir("csv-header");
  const std::vector<TimeseriesRow> rows = {
      {"baseline", 0, {0, "mean", "north->south", 0.5}},
      {"baseline", 1, {4, "trusting_share", "all", 0.25}},
  };
  detente::io::write_timeseries_csv(dir.path() / "timeseries.csv", rows);
  const auto lines = read_lines(dir.path() / "timeseries.csv");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "arm,replicate,step,metric,subject,value");
  CHECK(lines[1] == "baseline,0,0,mean,north->south,0.5");
  CHECK(lines[2] == "baseline,1,4,trusting_share,all,0.25");
}

TEST_CASE("summary.csv has the contract header", "[io][csv]") {
  detente::test::TempFolder dir("csv-summary");
  const std::vector<SummaryRow> rows = {
      {"exchange", "sd", "south", 12, 0.125, 0.5, -1.5, 2, 7, 0.25, 0.5, 0.75}};
  detente::io::write_summary_csv(dir.path() / "summary.csv", rows);
  const auto lines = read_lines(dir.path() / "summary.csv");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "arm,metric,subject,step,mean,sd,ci_low,ci_high,n,p10,p50,p90");
  CHECK(lines[1] == "exchange,sd,south,12,0.125,0.5,-1.5,2,7,0.25,0.5,0.75");
}

TEST_CASE("text fields with commas, quotes or line breaks are quoted", "[io][csv]") {
  detente::test::TempFolder dir("csv-quote");
  const std::vector<TimeseriesRow> rows = {
      {"a,b", 0, {0, "say \"hi\"", "plain", 1.0}},
      {"two\nlines", 0, {0, "m", "s", 2.0}},
  };
  detente::io::write_timeseries_csv(dir.path() / "t.csv", rows);
  std::ifstream in(dir.path() / "t.csv", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() ==
        "arm,replicate,step,metric,subject,value\n"
        "\"a,b\",0,0,\"say \"\"hi\"\"\",plain,1\n"
        "\"two\nlines\",0,0,m,s,2\n");
}

TEST_CASE("doubles survive the round trip through text exactly", "[io][csv]") {
  std::vector<double> values = {0.1,
                                1.0 / 3.0,
                                -2.5e-300,
                                std::numeric_limits<double>::denorm_min(),
                                std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::lowest(),
                                std::numeric_limits<double>::epsilon(),
                                0.6000000238418579,  // 0.6f widened
                                1e21,
                                123456789012345680.0};
  const detente::Streams rng(7, 0);
  for (std::uint64_t i = 0; i < 2000; ++i) {  // arbitrary bit patterns, skipping NaN and inf
    const auto b = rng.bits(detente::Purpose::classic, 1, 0, i);
    const double v = std::bit_cast<double>((std::uint64_t{b[0]} << 32) | b[1]);
    if (std::isfinite(v)) values.push_back(v);
  }
  std::vector<TimeseriesRow> rows;
  for (double v : values)
    rows.push_back({"a", 0, {0, "m", "s", v}});

  detente::test::TempFolder dir("csv-roundtrip");
  detente::io::write_timeseries_csv(dir.path() / "t.csv", rows);
  const auto lines = read_lines(dir.path() / "t.csv");
  REQUIRE(lines.size() == values.size() + 1);
  for (std::size_t i = 0; i < values.size(); ++i) {
    INFO(lines[i + 1]);
    CHECK(std::bit_cast<std::uint64_t>(parse(last_field(lines[i + 1]))) ==
          std::bit_cast<std::uint64_t>(values[i]));
  }
  // Shortest form: no trailing digits beyond what identifies the double.
  CHECK(last_field(lines[1]) == "0.1");
}

TEST_CASE("non-finite values are written as nan and inf", "[io][csv]") {
  CHECK(detente::io::detail::format_number(std::numeric_limits<double>::quiet_NaN()) == "nan");
  CHECK(detente::io::detail::format_number(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(detente::io::detail::format_number(-std::numeric_limits<double>::infinity()) == "-inf");
}

TEST_CASE("many rows are written completely", "[io][csv]") {
  detente::test::TempFolder dir("csv-many");
  std::vector<TimeseriesRow> rows;
  for (int i = 0; i < 200000; ++i)
    rows.push_back({"arm", i % 10, {i, "metric", "subject", i * 0.5}});
  detente::io::write_timeseries_csv(dir.path() / "t.csv", rows);
  const auto lines = read_lines(dir.path() / "t.csv");
  REQUIRE(lines.size() == rows.size() + 1);  // crosses several buffer flushes
  CHECK(lines.back() == "arm,9,199999,metric,subject,99999.5");
}

TEST_CASE("the streaming writer appends replicates as they come", "[io][csv]") {
  detente::test::TempFolder dir("csv-stream");
  detente::io::TimeseriesCsv csv(dir.path() / "t.csv");
  const std::vector<MetricRow> first = {{0, "mean", "all", 0.5}};
  const std::vector<MetricRow> second = {{0, "mean", "all", 0.75}, {4, "mean", "all", 1}};
  csv.write("base", 0, first);
  csv.write("base", 1, second);
  csv.close();
  const auto lines = read_lines(dir.path() / "t.csv");
  REQUIRE(lines.size() == 4);
  CHECK(lines[1] == "base,0,0,mean,all,0.5");
  CHECK(lines[3] == "base,1,4,mean,all,1");
}

TEST_CASE("an unwritable path throws a system error naming the file", "[io][csv]") {
  detente::test::TempFolder dir("csv-error");
  const auto path = dir.path() / "missing-folder" / "t.csv";
  CHECK_THROWS_AS(detente::io::write_timeseries_csv(path, {}), std::system_error);
  CHECK_THROWS_WITH(detente::io::write_timeseries_csv(path, {}),
                    Catch::Contains("cannot create file '" + path.string() + "'"));
}

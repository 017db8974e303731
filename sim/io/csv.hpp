#pragma once
// The tidy CSV files of a run (design §4).
//
//   io::write_timeseries_csv(dir / "timeseries.csv", rows);
//   io::write_summary_csv(dir / "summary.csv", metrics::summarise(rows));
//
// Headers are exactly
//   timeseries.csv: arm,replicate,step,metric,subject,value
//   summary.csv:    arm,metric,subject,step,mean,sd,ci_low,ci_high,n,p10,p50,p90
// Numbers use the shortest text that reads back to the same double ("nan",
// "inf" for non-finite values); lines end in "\n"; a text field holding a
// comma, a double quote or a line break is quoted, its quotes doubled (RFC 4180).
// Errors writing throw std::system_error naming the file.
//
// To write replicates as they finish instead of holding every row in memory:
//   io::TimeseriesCsv csv(dir / "timeseries.csv");
//   csv.write("baseline", replicate, metric_rows);   // per replicate
//   csv.close();
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>

#include "metrics/metric_row.hpp"
#include "metrics/summary.hpp"
#include "metrics/timeseries.hpp"

namespace detente::io {

namespace detail {
class TextFile;
}

void write_timeseries_csv(const std::filesystem::path& path,
                          std::span<const metrics::TimeseriesRow> rows);
void write_summary_csv(const std::filesystem::path& path,
                       std::span<const metrics::SummaryRow> rows);

// timeseries.csv written incrementally; the header is written on opening.
class TimeseriesCsv {
 public:
  explicit TimeseriesCsv(const std::filesystem::path& path);
  ~TimeseriesCsv();
  TimeseriesCsv(const TimeseriesCsv&) = delete;
  TimeseriesCsv& operator=(const TimeseriesCsv&) = delete;

  void write(std::span<const metrics::TimeseriesRow> rows);
  void write(std::string_view arm, std::int64_t replicate,
             std::span<const metrics::MetricRow> rows);
  void close();  // flushes; throws if the data did not reach the file

 private:
  std::unique_ptr<detail::TextFile> file_;
};

}  // namespace detente::io

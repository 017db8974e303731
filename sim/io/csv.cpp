#include "io/csv.hpp"

#include "io/text_file.hpp"

namespace detente::io {
namespace {

void write_row(detail::TextFile& file, std::string_view arm, std::int64_t replicate,
               const metrics::MetricRow& row) {
  detail::write_csv_field(file, arm);
  file.write(',');
  file.write_integer(replicate);
  file.write(',');
  file.write_integer(row.step);
  file.write(',');
  detail::write_csv_field(file, row.metric);
  file.write(',');
  detail::write_csv_field(file, row.subject);
  file.write(',');
  file.write_number(row.value);
  file.write('\n');
}

}  // namespace

TimeseriesCsv::TimeseriesCsv(const std::filesystem::path& path)
    : file_(std::make_unique<detail::TextFile>(path)) {
  file_->write("arm,replicate,step,metric,subject,value\n");
}

TimeseriesCsv::~TimeseriesCsv() = default;

void TimeseriesCsv::write(std::span<const metrics::TimeseriesRow> rows) {
  for (const auto& r : rows)
    write_row(*file_, r.arm, r.replicate, r.row);
}

void TimeseriesCsv::write(std::string_view arm, std::int64_t replicate,
                          std::span<const metrics::MetricRow> rows) {
  for (const auto& row : rows)
    write_row(*file_, arm, replicate, row);
}

void TimeseriesCsv::close() {
  file_->close();
}

void write_timeseries_csv(const std::filesystem::path& path,
                          std::span<const metrics::TimeseriesRow> rows) {
  TimeseriesCsv csv(path);
  csv.write(rows);
  csv.close();
}

void write_summary_csv(const std::filesystem::path& path,
                       std::span<const metrics::SummaryRow> rows) {
  detail::TextFile file(path);
  file.write("arm,metric,subject,step,mean,sd,ci_low,ci_high,n,p10,p50,p90\n");
  for (const auto& r : rows) {
    detail::write_csv_field(file, r.arm);
    file.write(',');
    detail::write_csv_field(file, r.metric);
    file.write(',');
    detail::write_csv_field(file, r.subject);
    file.write(',');
    file.write_integer(r.step);
    for (const double v : {r.mean, r.sd, r.ci_low, r.ci_high}) {
      file.write(',');
      file.write_number(v);
    }
    file.write(',');
    file.write_integer(r.n);
    for (const double v : {r.p10, r.p50, r.p90}) {
      file.write(',');
      file.write_number(v);
    }
    file.write('\n');
  }
  file.close();
}

}  // namespace detente::io

namespace detente::io::detail {

// One CSV field, quoted only when it holds a comma, a quote or a line break.
void write_csv_field(TextFile& file, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    file.write(field);
    return;
  }
  file.write('"');
  for (const char c : field) {
    if (c == '"') file.write('"');
    file.write(c);
  }
  file.write('"');
}

}  // namespace detente::io::detail

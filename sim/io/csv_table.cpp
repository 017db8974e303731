#include "io/csv_table.hpp"

#include <unistd.h>

#include "io/text_file.hpp"

namespace detente::io {

CsvTable::CsvTable(const std::filesystem::path& path, const std::vector<std::string>& header)
    : target_(path),
      staging_(path.parent_path() /
               ("." + path.filename().string() + ".tmp-" + std::to_string(getpid()))),
      file_(std::make_unique<detail::TextFile>(staging_)) {
  for (const auto& column : header)
    text(column);
  end_row();
}

CsvTable::~CsvTable() {
  if (file_) {
    file_.reset();
    std::error_code ignored;
    std::filesystem::remove(staging_, ignored);
  }
}

void CsvTable::separate() {
  if (row_started_) file_->write(',');
  row_started_ = true;
}

void CsvTable::text(std::string_view value) {
  separate();
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) {
    file_->write(value);
    return;
  }
  file_->write('"');
  for (const char c : value) {
    if (c == '"') file_->write('"');
    file_->write(c);
  }
  file_->write('"');
}

void CsvTable::number(double value) {
  separate();
  file_->write_number(value);
}

void CsvTable::integer(std::int64_t value) {
  separate();
  file_->write_integer(value);
}

void CsvTable::empty() {
  separate();
}

void CsvTable::end_row() {
  file_->write('\n');
  row_started_ = false;
}

void CsvTable::close() {
  file_->close();
  file_.reset();
  std::filesystem::rename(staging_, target_);
}

}  // namespace detente::io

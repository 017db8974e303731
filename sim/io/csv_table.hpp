#pragma once
// A CSV file of any columns, written cell by cell with the conventions of
// csv.hpp (shortest exact numbers, RFC 4180 quoting, "\n"). The file is
// written beside its target and renamed into place by close(), so a reader
// never sees half a table.
//
//   io::CsvTable t(dir / "sweep.csv", {"point", "value"});
//   t.integer(3); t.number(0.25); t.end_row();
//   t.close();
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace detente::io {
namespace detail {
class TextFile;
}

class CsvTable {
 public:
  CsvTable(const std::filesystem::path& path, const std::vector<std::string>& header);
  ~CsvTable();
  CsvTable(const CsvTable&) = delete;
  CsvTable& operator=(const CsvTable&) = delete;

  void text(std::string_view value);
  void number(double value);
  void integer(std::int64_t value);
  void empty();  // an empty cell
  void end_row();
  void close();  // throws std::system_error if the data did not reach the file

 private:
  void separate();
  std::filesystem::path target_, staging_;
  std::unique_ptr<detail::TextFile> file_;
  bool row_started_ = false;
};

}  // namespace detente::io

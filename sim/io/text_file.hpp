#pragma once
// A buffered output file for the writers of this module (internal).
//
// Text is collected in a large buffer and handed to the OS in big writes, so
// millions of short CSV fields cost one system call per megabyte. Numbers are
// printed with std::to_chars: the shortest text that reads back to the same
// double, independent of the locale.
//
// Errors (cannot open, disk full) throw std::system_error naming the file.
// close() must be called to learn whether the last bytes reached the disk; a
// file destroyed without close() is closed quietly (an exception is already
// on its way in that case).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace detente::io::detail {

class TextFile {
 public:
  explicit TextFile(const std::filesystem::path& path);
  ~TextFile();
  TextFile(const TextFile&) = delete;
  TextFile& operator=(const TextFile&) = delete;

  void write(std::string_view text);
  void write(char c);
  void write_number(double value);
  void write_integer(std::int64_t value);
  void write_integer(std::uint64_t value);
  void close();

 private:
  void flush();
  [[noreturn]] void fail(const char* what) const;

  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
};

// The shortest decimal text that reads back as exactly `value` ("nan", "inf"
// and "-inf" for the non-finite values).
std::string format_number(double value);

// Writes one CSV field, quoted when it holds a comma, a quote or a line break
// (io/csv.cpp); shared by every CSV writer.
void write_csv_field(TextFile& file, std::string_view field);

}  // namespace detente::io::detail

#include "io/text_file.hpp"

#include <cerrno>
#include <charconv>
#include <system_error>

namespace detente::io::detail {
namespace {

constexpr std::size_t kFlushAt = std::size_t{1} << 20;

template <class T>
std::string_view to_text(T value, char (&buffer)[32]) {
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return {buffer, static_cast<std::size_t>(result.ptr - buffer)};
}

}  // namespace

TextFile::TextFile(const std::filesystem::path& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) fail("cannot create");
  buffer_.reserve(kFlushAt + 4096);
}

TextFile::~TextFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void TextFile::write(std::string_view text) {
  buffer_.append(text);
  if (buffer_.size() >= kFlushAt) flush();
}

void TextFile::write(char c) {
  buffer_.push_back(c);
  if (buffer_.size() >= kFlushAt) flush();
}

void TextFile::write_number(double value) {
  char buffer[32];
  write(to_text(value, buffer));
}

void TextFile::write_integer(std::int64_t value) {
  char buffer[32];
  write(to_text(value, buffer));
}

void TextFile::write_integer(std::uint64_t value) {
  char buffer[32];
  write(to_text(value, buffer));
}

void TextFile::flush() {
  if (buffer_.empty()) return;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) fail("cannot write");
  buffer_.clear();
}

void TextFile::close() {
  if (file_ == nullptr) return;
  flush();
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) fail("cannot write");
}

void TextFile::fail(const char* what) const {
  throw std::system_error(errno, std::generic_category(),
                          std::string(what) + " file '" + path_.string() + "'");
}

std::string format_number(double value) {
  char buffer[32];
  return std::string(to_text(value, buffer));
}

}  // namespace detente::io::detail

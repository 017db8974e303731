#include "io/staged_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "core/errors.hpp"

namespace detente::io {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxAttempts = 10000;

// Creates `.<name>.tmp-<pid>-<n>` beside `target`, exclusively.
fs::path make_sibling_file(const fs::path& target, const std::string& what) {
  const std::string stem =
      "." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-";
  for (int n = 0; n < kMaxAttempts; ++n) {
    const fs::path candidate = target.parent_path() / (stem + std::to_string(n));
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return candidate;
    }
    if (errno != EEXIST)
      throw InputError(what + " '" + target.string() + "': cannot write in '" +
                       target.parent_path().string() + "': " + std::strerror(errno));
  }
  throw InputError(what + " '" + target.string() +
                   "': no free name for a temporary file beside it");
}

}  // namespace

bool first_line_starts_with(const fs::path& file, std::string_view prefix) {
  std::ifstream in(file, std::ios::binary);
  std::string head(prefix.size(), '\0');
  in.read(head.data(), static_cast<std::streamsize>(prefix.size()));
  return in.gcount() == static_cast<std::streamsize>(prefix.size()) && head == prefix;
}

void check_replaceable_file(const fs::path& target, const Recognise& ours, Overwrite overwrite,
                            const std::string& what) {
  std::error_code ec;
  const auto st = fs::status(target, ec);
  if (fs::is_directory(st))
    throw InputError(what + " '" + target.string() + "' is a folder; give a file name, e.g. " +
                     (target / "out").string());
  if (!fs::exists(st) || overwrite == Overwrite::anything) return;
  if (fs::is_regular_file(st) && ours(target)) return;
  throw InputError(what + " '" + target.string() +
                   "' exists and is not one detente wrote; choose another file name, or add "
                   "--force to replace it");
}

StagedFile::StagedFile(const fs::path& target, const Recognise& ours, Overwrite overwrite,
                       const std::string& what)
    : target_(fs::absolute(target).lexically_normal()) {
  if (target.empty() || !target_.has_filename())
    throw InputError(what + " '" + target.string() + "': expected a file name");
  check_replaceable_file(target, ours, overwrite, what);
  std::error_code ec;
  if (!fs::is_directory(target_.parent_path(), ec))
    throw InputError(what + " '" + target.string() + "': the folder '" +
                     target_.parent_path().string() + "' does not exist");
  staging_ = make_sibling_file(target_, what);
  try {
    cleanup_ = CleanupOnSignal(staging_);
  } catch (...) {
    fs::remove(staging_, ec);
    throw;
  }
}

StagedFile::~StagedFile() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove(staging_, ignored);
}

void StagedFile::commit() {
  fs::rename(staging_, target_);
  cleanup_.release();
  committed_ = true;
}

}  // namespace detente::io

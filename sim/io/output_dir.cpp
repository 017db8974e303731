#include "io/output_dir.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

#include "core/errors.hpp"

namespace detente::io {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxSiblingAttempts = 10000;

fs::path normalised_target(const fs::path& target) {
  if (target.empty()) throw InputError("output folder: the path is empty");
  fs::path p = fs::absolute(target).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();  // "results/x/" names the folder x
  if (p == p.root_path())
    throw InputError("output folder '" + target.string() +
                     "': refusing to replace the root folder; choose a folder below it");
  return p;
}

void refuse_non_folder(const fs::path& target) {
  std::error_code ec;
  const auto st = fs::status(target, ec);
  if (fs::exists(st) && !fs::is_directory(st))
    throw InputError("output folder '" + target.string() +
                     "' exists and is not a folder; choose another output path or remove it");
}

bool is_plain_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(fs::symlink_status(path, ec));
}

// Whether `inner` is `outer` or inside it (both absolute and normalised).
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

}  // namespace

bool is_result_folder(const fs::path& folder) {
  return is_plain_file(folder / "run.json") ||
         (is_plain_file(folder / "results.db") && is_plain_file(folder / "scenario.yaml"));
}

void check_replaceable(const fs::path& target, Overwrite overwrite) {
  const fs::path normal = normalised_target(target);
  std::error_code ec;
  const auto link = fs::symlink_status(normal, ec);
  if (!fs::exists(link) || fs::is_symlink(link)) return;  // a link is replaced, not followed
  refuse_non_folder(normal);
  const fs::path here = fs::current_path(ec).lexically_normal();
  if (!ec && is_within(here, normal))
    throw InputError(
        "output folder '" + target.string() + "' is " +
        (here == normal ? "the current folder" : "a folder that holds the current one") +
        "; detente replaces its output folder whole, so choose a folder of its own, "
        "e.g. --out results/" +
        normal.filename().string());
  if (overwrite == Overwrite::anything || is_result_folder(normal)) return;
  if (fs::directory_iterator(normal, ec) == fs::directory_iterator()) {
    if (!ec) return;  // empty
    throw InputError("output folder '" + target.string() + "': cannot read it: " + ec.message());
  }
  throw InputError("output folder '" + target.string() +
                   "' is not empty and holds no detente result (no run.json); detente replaces "
                   "its output folder whole, so choose a new or empty folder, or add --force to "
                   "replace it and everything in it");
}

namespace {

// Holds back the signals that end a run while it lives.
class HeldSignals {
 public:
  HeldSignals() {
    sigset_t held;
    sigemptyset(&held);
    sigaddset(&held, SIGINT);
    sigaddset(&held, SIGTERM);
    sigaddset(&held, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &held, &previous_);
  }
  ~HeldSignals() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  HeldSignals(const HeldSignals&) = delete;
  HeldSignals& operator=(const HeldSignals&) = delete;

 private:
  sigset_t previous_;
};

}  // namespace

namespace detail {

fs::path make_sibling_folder(const fs::path& target, std::string_view tag) {
  const std::string stem = "." + target.filename().string() + "." + std::string(tag) + "-" +
                           std::to_string(::getpid()) + "-";
  for (int n = 0; n < kMaxSiblingAttempts; ++n) {
    const fs::path candidate = target.parent_path() / (stem + std::to_string(n));
    std::error_code ec;
    if (fs::create_directory(candidate, ec)) return candidate;
    if (ec && ec != std::errc::file_exists)
      throw fs::filesystem_error("cannot create a folder beside the output folder", candidate, ec);
  }
  throw fs::filesystem_error("no free name for a folder beside the output folder", target,
                             std::make_error_code(std::errc::file_exists));
}

void replace_by_renames(const fs::path& staging, const fs::path& target) {
  // Renaming a folder onto an empty folder replaces it, so the freshly made
  // (and therefore unused) sibling is a safe place to move the old one to.
  const fs::path aside = make_sibling_folder(target, "old");
  try {
    fs::rename(target, aside);
  } catch (...) {
    std::error_code ignored;
    fs::remove(aside, ignored);
    throw;
  }
  try {
    fs::rename(staging, target);
  } catch (...) {
    std::error_code ignored;
    fs::rename(aside, target, ignored);
    throw;
  }
  fs::remove_all(aside);
}

}  // namespace detail

StagedOutput::StagedOutput(const fs::path& target, Overwrite overwrite)
    : target_(normalised_target(target)) {
  check_replaceable(target, overwrite);
  std::error_code ec;
  fs::create_directories(target_.parent_path(), ec);
  if (ec)
    throw InputError("output folder '" + target.string() + "': cannot create '" +
                     target_.parent_path().string() + "': " + ec.message());
  // The staging folder is made and registered for removal with SIGINT,
  // SIGTERM and SIGHUP held back, so a signal between the two cannot leave it
  // behind; one that arrived meanwhile is delivered when they are let through.
  const HeldSignals held;
  try {
    staging_ = detail::make_sibling_folder(target_, "tmp");
  } catch (const fs::filesystem_error& e) {
    throw InputError("output folder '" + target.string() +
                     "': cannot create a staging folder in '" + target_.parent_path().string() +
                     "': " + e.code().message());
  }
  try {
    cleanup_ = CleanupOnSignal(staging_);
  } catch (...) {
    fs::remove(staging_, ec);
    throw;
  }
}

StagedOutput::StagedOutput(StagedOutput&& other) noexcept
    : target_(std::move(other.target_)),
      staging_(std::move(other.staging_)),
      cleanup_(std::move(other.cleanup_)),
      committed_(std::exchange(other.committed_, true)) {}

StagedOutput::~StagedOutput() {
  if (committed_ || staging_.empty()) return;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

void StagedOutput::commit() {
  if (committed_) throw std::logic_error("StagedOutput::commit: already committed");
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(target_, ec))) {
    fs::rename(staging_, target_);
    cleanup_.release();
    committed_ = true;
    return;
  }
  refuse_non_folder(target_);
#ifdef RENAME_EXCHANGE
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
    committed_ = true;
    fs::remove_all(staging_);  // now holds the previous contents
    cleanup_.release();
    return;
  }
  // Only a kernel or file system without the exchange takes the slower path.
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    throw fs::filesystem_error("cannot move the results into place", staging_, target_,
                               std::error_code(errno, std::generic_category()));
#endif
  detail::replace_by_renames(staging_, target_);
  cleanup_.release();
  committed_ = true;
}

}  // namespace detente::io

#pragma once
// A result folder that appears whole or not at all (design §3: a refused or
// failed run leaves no half-written results behind).
//
//   io::StagedOutput out("results/exchange");   // creates results/.exchange.tmp-<pid>-<n>/
//   io::write_timeseries_csv(out.path() / "timeseries.csv", rows);
//   ...
//   out.commit();   // results/exchange/ now holds exactly the new files
//
// The files are written into a fresh hidden sibling of the target, so that
// commit() is a rename within one file system: if the target does not exist it
// is renamed into place; if it does, the two folders are swapped atomically
// (renameat2 RENAME_EXCHANGE) and the old one is deleted. Where the exchange is
// not supported the old folder is renamed aside first, which leaves a brief
// moment with no target. Destroying a StagedOutput that was not committed
// deletes the staging folder. A target that is a symbolic link is replaced by
// the new folder; what the link pointed to is left alone.
//
// The constructor throws detente::InputError when the target exists and is not
// a folder or when its parent cannot be created; commit() throws
// std::filesystem::filesystem_error if the renames fail.
#include <filesystem>
#include <string_view>

namespace detente::io {

class StagedOutput {
 public:
  explicit StagedOutput(const std::filesystem::path& target);
  ~StagedOutput();
  StagedOutput(StagedOutput&& other) noexcept;
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;
  StagedOutput& operator=(StagedOutput&&) = delete;

  // The staging folder to write into (absolute).
  const std::filesystem::path& path() const { return staging_; }
  // Where the results go on commit (absolute, normalised).
  const std::filesystem::path& target() const { return target_; }
  bool committed() const { return committed_; }

  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

namespace detail {

// Creates a new empty folder `.<name>.<tag>-<pid>-<n>` beside `target`, with
// the first n that is free, and returns its path.
std::filesystem::path make_sibling_folder(const std::filesystem::path& target,
                                          std::string_view tag);

// The fallback of commit(): renames the existing `target` aside, renames
// `staging` into its place, deletes the old folder. If the second rename
// fails the old folder is put back.
void replace_by_renames(const std::filesystem::path& staging, const std::filesystem::path& target);

}  // namespace detail
}  // namespace detente::io

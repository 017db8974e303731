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
// Because commit() replaces the whole target, an existing folder must be
// empty or an earlier detente result (is_result_folder) unless the caller
// passes Overwrite::anything (`--force`): `--out ~/thesis` or `--out .` must
// not delete what a person keeps there. The current folder (or one that holds
// it) is never replaced.
//
// The staging folder is made in the constructor, so a command that makes its
// StagedOutput before it runs anything learns at once that the destination
// cannot be written; it is registered for removal if a signal interrupts the
// program (cleanup_on_signal.hpp).
//
// The constructor throws detente::InputError when the target exists and is not
// a folder, holds something else than a result (without Overwrite::anything),
// or when its parent or the staging folder cannot be created; commit() throws
// std::filesystem::filesystem_error if the renames fail.
#include <filesystem>
#include <string_view>

#include "io/cleanup_on_signal.hpp"

namespace detente::io {

enum class Overwrite {
  results_only,  // an empty folder or an earlier detente result
  anything,      // whatever the folder holds (--force)
};

// Whether `folder` holds what detente writes: a run.json (every result
// folder), or a results.db with its scenario.yaml (a compare or sweep folder
// from before run.json was written there).
bool is_result_folder(const std::filesystem::path& folder);

// Refuses (InputError) to write into or replace `target` when it exists and
// is not a folder, is the current folder or holds it, or (with results_only)
// holds anything but a detente result.
void check_replaceable(const std::filesystem::path& target, Overwrite overwrite);

class StagedOutput {
 public:
  explicit StagedOutput(const std::filesystem::path& target,
                        Overwrite overwrite = Overwrite::results_only);
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
  CleanupOnSignal cleanup_;
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

#pragma once
// One output file that appears whole or not at all, like StagedOutput
// (output_dir.hpp) for a folder:
//
//   io::StagedFile out("validation.csv", is_validation_csv, io::Overwrite::results_only);
//   …run…                                  // the destination is known writable already
//   write_validation_csv(out.path(), rows);   // into .validation.csv.tmp-<pid>-<n>
//   out.commit();                             // renamed into place
//
// The constructor refuses (InputError) a destination that is a folder, or an
// existing file that `ours` does not recognise (unless Overwrite::anything),
// and creates the hidden staging file beside it, so a command that makes its
// StagedFile before it runs learns at once that it could not write. The
// staging file is removed if the StagedFile is destroyed uncommitted or a
// signal interrupts the program.
#include <filesystem>
#include <functional>

#include "io/cleanup_on_signal.hpp"
#include "io/output_dir.hpp"

namespace detente::io {

// Whether an existing file is one the command wrote before (safe to replace).
using Recognise = std::function<bool(const std::filesystem::path&)>;

// Refuses `target` (InputError) when it is a folder, or an existing file that
// `ours` does not recognise and `overwrite` is results_only; `what` names
// the command's output in messages ("validation table").
void check_replaceable_file(const std::filesystem::path& target, const Recognise& ours,
                            Overwrite overwrite, const std::string& what);

// Whether the first line of `file` starts with `prefix` (a CSV header).
bool first_line_starts_with(const std::filesystem::path& file, std::string_view prefix);

class StagedFile {
 public:
  StagedFile(const std::filesystem::path& target, const Recognise& ours, Overwrite overwrite,
             const std::string& what);
  ~StagedFile();
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;

  const std::filesystem::path& path() const { return staging_; }
  const std::filesystem::path& target() const { return target_; }
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  CleanupOnSignal cleanup_;
  bool committed_ = false;
};

}  // namespace detente::io

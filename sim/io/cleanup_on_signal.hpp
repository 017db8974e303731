#pragma once
// Staging folders and files removed when the program is interrupted.
//
// Results are written into a hidden sibling of their destination
// (output_dir.hpp) and renamed into place at the end; Ctrl-C, SIGTERM (a
// batch system's time limit) or SIGHUP (a closed terminal) would otherwise
// leave that half-written sibling behind. The command line installs the
// handlers once; each staging path is registered while it exists:
//
//   io::install_cleanup_on_signals();           // in main()
//   io::CleanupOnSignal guard(staging_folder);  // removed if a signal comes
//   …
//   guard.release();                            // committed: leave it alone
//
// On SIGINT, SIGTERM or SIGHUP the handler removes every registered path
// (with system calls only, as a signal handler must), then lets the signal
// end the program as it would have (exit status 128 + signal). A path that is
// no longer there (already renamed into place) is simply not found.
#include <filesystem>

namespace detente::io {

// Installs the handlers for SIGINT, SIGTERM and SIGHUP (idempotent).
void install_cleanup_on_signals();

class CleanupOnSignal {
 public:
  CleanupOnSignal() = default;
  // Registers `path` (absolute). Throws std::length_error when every slot is
  // taken or the path is too long to keep (neither happens in practice: one
  // command stages one or two paths).
  explicit CleanupOnSignal(const std::filesystem::path& path);
  ~CleanupOnSignal();
  CleanupOnSignal(CleanupOnSignal&& other) noexcept;
  CleanupOnSignal& operator=(CleanupOnSignal&& other) noexcept;
  CleanupOnSignal(const CleanupOnSignal&) = delete;
  CleanupOnSignal& operator=(const CleanupOnSignal&) = delete;

  // Unregisters the path (it has been committed, or removed by its owner).
  void release();

 private:
  int slot_ = -1;
};

namespace detail {
// What the handler does, callable from a test without a signal: removes
// every registered path.
void remove_registered_paths();
}  // namespace detail

}  // namespace detente::io

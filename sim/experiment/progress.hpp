#pragma once
// A progress bar with an ETA on stderr, drawn only when stderr is a terminal
// and the user did not ask for quiet. Safe to call from several threads.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace detente {

class Progress {
 public:
  // `enabled` false: every call is a no-op.
  Progress(std::string label, std::uint64_t total, bool enabled);
  ~Progress();
  void advance(std::uint64_t units = 1);
  void finish();
  // Replaces the text before the bar (calibrate shows its generation there).
  void set_label(std::string label);

  // True when stderr is an interactive terminal.
  static bool stderr_is_terminal();

 private:
  void draw(std::uint64_t done, bool final_line);

  std::string label_;
  std::uint64_t total_;
  bool enabled_;
  bool finished_ = false;
  std::atomic<std::uint64_t> done_{0};
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::mutex draw_mutex_;
};

}  // namespace detente

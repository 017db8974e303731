#include "experiment/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace detente {

Progress::Progress(std::string label, std::uint64_t total, bool enabled)
    : label_(std::move(label)),
      total_(total == 0 ? 1 : total),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  finish();
}

bool Progress::stderr_is_terminal() {
  return isatty(STDERR_FILENO) == 1;
}

void Progress::advance(std::uint64_t units) {
  const std::uint64_t done = done_.fetch_add(units) + units;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  std::unique_lock lock(draw_mutex_, std::try_to_lock);
  if (!lock.owns_lock() || now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw(done, false);
}

void Progress::set_label(std::string label) {
  std::lock_guard lock(draw_mutex_);
  label_ = std::move(label);
}

void Progress::finish() {
  if (!enabled_ || finished_) return;
  finished_ = true;
  std::lock_guard lock(draw_mutex_);
  draw(done_.load(), true);
}

void Progress::draw(std::uint64_t done, bool final_line) {
  constexpr int kWidth = 30;
  const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const int filled = static_cast<int>(fraction * kWidth);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  char eta[32] = "";
  if (final_line) {
    std::snprintf(eta, sizeof eta, "done in %.1fs", elapsed);
  } else if (fraction > 0.0) {
    std::snprintf(eta, sizeof eta, "ETA %.0fs", elapsed * (1.0 - fraction) / fraction);
  }
  std::fprintf(stderr, "\r%s [%s] %3.0f%% %s\033[K%s", label_.c_str(), bar.c_str(),
               fraction * 100.0, eta, final_line ? "\n" : "");
  std::fflush(stderr);
}

}  // namespace detente

// The registry is a fixed table of slots, each path written before its slot
// is marked ready (release order) and read by the handler only once ready
// (acquire order): no allocation, no lock, nothing a handler may not touch.
#include "io/cleanup_on_signal.hpp"

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace detente::io {
namespace {

constexpr int kSlots = 16;
constexpr std::size_t kPathBytes = 4096;
// Staging folders hold files and, at most, a folder or two of them.
constexpr int kMaxDepth = 8;

enum SlotState : int { kFree = 0, kWriting = 1, kReady = 2 };

struct Slot {
  std::atomic<int> state{kFree};
  std::array<char, kPathBytes> path{};
};

std::array<Slot, kSlots> slots;
std::atomic<bool> installed{false};

// The kernel's record for getdents64 (glibc has no wrapper that a signal
// handler may call; readdir allocates).
struct LinuxDirent64 {
  std::uint64_t inode;
  std::int64_t offset;
  unsigned short length;
  unsigned char type;
  char name[1];
};

bool is_dot_or_dot_dot(const char* name) {
  return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

// Removes `name` under the folder `parent` (AT_FDCWD for an absolute name),
// and everything inside it, with system calls only. Never follows links.
void remove_tree(int parent, const char* name, int depth) {
  if (::unlinkat(parent, name, 0) == 0 || errno == ENOENT) return;
  if (depth > 0) {
    const int folder = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (folder >= 0) {
      alignas(8) char buffer[2048];
      // Entries are removed while the folder is read; start over until a
      // pass finds nothing left (or nothing it can remove).
      for (int pass = 0; pass < 64; ++pass) {
        bool removed_any = false;
        ::lseek(folder, 0, SEEK_SET);
        for (;;) {
          const long bytes = ::syscall(SYS_getdents64, folder, buffer, sizeof buffer);
          if (bytes <= 0) break;
          for (long at = 0; at < bytes;) {
            const auto* entry = reinterpret_cast<const LinuxDirent64*>(buffer + at);
            if (!is_dot_or_dot_dot(entry->name)) {
              remove_tree(folder, entry->name, depth - 1);
              removed_any = true;
            }
            at += entry->length;
          }
        }
        if (!removed_any) break;
      }
      ::close(folder);
    }
  }
  ::unlinkat(parent, name, AT_REMOVEDIR);
}

void on_signal(int signal_number) {
  const int saved_errno = errno;
  detail::remove_registered_paths();
  errno = saved_errno;
  // End the program the way the signal would have without us.
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

}  // namespace

namespace detail {

void remove_registered_paths() {
  for (Slot& slot : slots)
    if (slot.state.load(std::memory_order_acquire) == kReady)
      remove_tree(AT_FDCWD, slot.path.data(), kMaxDepth);
}

}  // namespace detail

void install_cleanup_on_signals() {
  if (installed.exchange(true)) return;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (const int s : {SIGINT, SIGTERM, SIGHUP})
    sigaddset(&action.sa_mask, s);  // one cleanup at a time
  action.sa_flags = 0;
  for (const int s : {SIGINT, SIGTERM, SIGHUP})
    ::sigaction(s, &action, nullptr);
}

CleanupOnSignal::CleanupOnSignal(const std::filesystem::path& path) {
  const std::string& text = path.native();
  if (text.size() + 1 > kPathBytes || text.empty() || text.front() != '/')
    throw std::length_error("cannot register '" + text + "' for removal on a signal");
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!slots[i].state.compare_exchange_strong(expected, kWriting, std::memory_order_acquire))
      continue;
    std::memcpy(slots[i].path.data(), text.c_str(), text.size() + 1);
    slots[i].state.store(kReady, std::memory_order_release);
    slot_ = i;
    return;
  }
  throw std::length_error("too many staging paths registered for removal on a signal");
}

CleanupOnSignal::~CleanupOnSignal() {
  release();
}

CleanupOnSignal::CleanupOnSignal(CleanupOnSignal&& other) noexcept
    : slot_(std::exchange(other.slot_, -1)) {}

CleanupOnSignal& CleanupOnSignal::operator=(CleanupOnSignal&& other) noexcept {
  if (this != &other) {
    release();
    slot_ = std::exchange(other.slot_, -1);
  }
  return *this;
}

void CleanupOnSignal::release() {
  if (slot_ < 0) return;
  slots[static_cast<std::size_t>(slot_)].state.store(kFree, std::memory_order_release);
  slot_ = -1;
}

}  // namespace detente::io

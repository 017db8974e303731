// A program that does one thing a sanitizer must report, chosen by its
// argument, so that the suite proves a report fails a test (not only a
// crash): if a preset stops halting on reports, the probe carries on, prints
// kCarriedOn and exits 0, and its test (expect_report.cmake) fails.
//
//   sanitizer_probe ubsan   signed overflow: UBSan recovers from it unless told not to
//   sanitizer_probe asan    a read past the end of a heap block
//   sanitizer_probe leak    a block nobody frees (LeakSanitizer, at exit)
//   sanitizer_probe race    two threads writing one int unsynchronised (ThreadSanitizer)
//   sanitizer_probe none    nothing wrong: must exit 0 with no report
#include <climits>
#include <cstdio>
#include <cstring>
#include <thread>

namespace {

constexpr const char* kCarriedOn = "sanitizer_probe: carried on after the report";

// volatile, so the compiler cannot fold or drop what the sanitizer must see.
volatile int g_sink = 0;

int signed_overflow() {
  volatile int big = INT_MAX;
  return big + 1;
}

int read_past_heap_block() {
  int* block = new int[4]{1, 2, 3, 4};
  volatile int index = 4;
  const int value = block[index];
  delete[] block;
  return value;
}

// Not inlined, so the only pointer to the block dies with this frame.
[[gnu::noinline]] void leak_a_block() {
  int* block = new int[64];
  block[0] = 1;
  g_sink = g_sink + block[0];
}

void race() {
  int shared = 0;
  std::thread other([&shared] { shared = shared + 1; });
  shared = shared + 2;
  other.join();
  g_sink = shared;
}

}  // namespace

int main(int argc, char** argv) {
  const char* mode = argc > 1 ? argv[1] : "";
  if (std::strcmp(mode, "ubsan") == 0) {
    g_sink = signed_overflow();
  } else if (std::strcmp(mode, "asan") == 0) {
    g_sink = read_past_heap_block();
  } else if (std::strcmp(mode, "leak") == 0) {
    leak_a_block();
  } else if (std::strcmp(mode, "race") == 0) {
    race();
  } else if (std::strcmp(mode, "none") == 0) {
    return 0;
  } else {
    std::fprintf(stderr, "usage: sanitizer_probe ubsan|asan|leak|race|none\n");
    return 2;
  }
  // A leak is reported after main returns, so this line is printed for it;
  // its test reads the exit status and the report instead.
  std::fprintf(stderr, "%s\n", kCarriedOn);
  return 0;
}

#pragma once
// How fast join codes may be guessed. Each address that gives a wrong code
// waits before its next guess is even looked at (1 s, then twice as long
// after each further miss, up to a minute), however many connections it
// opens; and the whole server takes a limited number of wrong guesses (a
// burst, then one every few seconds), so that many addresses together gain
// nothing either. A right code clears its address's count.
//
//   serve::JoinGuard guard;
//   if (auto wait = guard.must_wait(address, now)) refuse("wait " + …);
//   else if (code_matches) guard.succeeded(address);
//   else guard.failed(address, now);
//
// With these numbers a 40-bit code needs, on average, thousands of years of
// guessing. Not thread-safe: the server uses it on its network thread.
#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace detente::serve {

struct JoinGuardLimits {
  std::chrono::milliseconds first_wait{1000};  // after one miss from an address
  std::chrono::milliseconds longest_wait{60'000};
  double server_burst = 20;                 // wrong guesses the server takes at once
  double server_per_second = 0.2;           // and then, sustained
  std::size_t remembered_addresses = 4096;  // beyond this, the oldest entries are forgotten
};

class JoinGuard {
 public:
  using Clock = std::chrono::steady_clock;
  explicit JoinGuard(const JoinGuardLimits& limits = {});

  // How long `address` must still wait before a guess is looked at; nullopt
  // when it may guess now. Takes the server's budget into account.
  std::optional<std::chrono::milliseconds> must_wait(const std::string& address,
                                                     Clock::time_point now);
  // A wrong code from `address`: its wait grows and the server's budget shrinks.
  // Returns the address's misses in a row.
  int failed(const std::string& address, Clock::time_point now);
  void succeeded(const std::string& address);

 private:
  struct Record {
    int misses = 0;
    Clock::time_point next_try;
  };
  void refill(Clock::time_point now);

  JoinGuardLimits limits_;
  std::map<std::string, Record> records_;
  double tokens_;
  Clock::time_point refilled_;
};

}  // namespace detente::serve

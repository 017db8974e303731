#include "serve/join_guard.hpp"

#include <algorithm>
#include <cmath>

namespace detente::serve {

using std::chrono::milliseconds;

JoinGuard::JoinGuard(const JoinGuardLimits& limits)
    : limits_(limits), tokens_(limits.server_burst), refilled_(Clock::now()) {}

void JoinGuard::refill(Clock::time_point now) {
  const double seconds = std::chrono::duration<double>(now - refilled_).count();
  if (seconds > 0) {
    tokens_ = std::min(limits_.server_burst, tokens_ + seconds * limits_.server_per_second);
    refilled_ = now;
  }
}

std::optional<milliseconds> JoinGuard::must_wait(const std::string& address,
                                                 Clock::time_point now) {
  refill(now);
  milliseconds wait{0};
  if (const auto it = records_.find(address); it != records_.end() && it->second.next_try > now)
    wait = std::chrono::ceil<milliseconds>(it->second.next_try - now);
  if (tokens_ < 1) {
    const double missing = (1 - tokens_) / limits_.server_per_second;
    wait = std::max(wait, milliseconds(static_cast<std::int64_t>(std::ceil(missing * 1000))));
  }
  if (wait.count() > 0) return wait;
  return std::nullopt;
}

int JoinGuard::failed(const std::string& address, Clock::time_point now) {
  refill(now);
  tokens_ = std::max(0.0, tokens_ - 1);
  if (records_.size() >= limits_.remembered_addresses && !records_.contains(address)) {
    // Forget the address whose wait ended longest ago (a flood of addresses
    // must not grow this without bound; the server's budget still holds).
    const auto oldest = std::min_element(records_.begin(), records_.end(), [](auto& a, auto& b) {
      return a.second.next_try < b.second.next_try;
    });
    records_.erase(oldest);
  }
  Record& r = records_[address];
  r.misses = std::min(r.misses + 1, 30);
  const auto doubled = limits_.first_wait * (std::int64_t{1} << std::min(r.misses - 1, 16));
  r.next_try = now + std::min<milliseconds>(doubled, limits_.longest_wait);
  return r.misses;
}

void JoinGuard::succeeded(const std::string& address) {
  records_.erase(address);
}

}  // namespace detente::serve

#pragma once
// What one workshop server allows, so that one client cannot exhaust the
// machine. Each is a `detente serve` option or fixed here; the server refuses
// past them with a message that says which limit was hit.
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace detente::serve {

struct Limits {
  // The served scenario: a larger one is scaled down to this many agents in
  // all (group sizes in proportion) before anyone connects.
  std::int64_t max_agents = 4000;
  std::int64_t max_steps = 1040;     // 20 years of weeks
  std::int64_t ties_per_agent = 25;  // social ties (within + between) per agent, on average
  int replicates = 3;                // replicates behind every team's band
  int max_replicates = 10;           // upper bound of the --replicates option
  int max_teams = 4;                 // strategies side by side on one page
  std::size_t max_message_bytes = 16 * 1024;
  std::size_t max_overrides = 64;                  // changed keys in one strategy
  int max_runs_per_client = 4;                     // simulations one page may have going at once
  int max_runs = 8;                                // simulations going at once on the server
  int max_clients = 32;                            // open pages that have joined
  int max_unjoined = 64;                           // pages connected, still to give the join code
  std::chrono::milliseconds join_timeout{10'000};  // to give the join code
  std::chrono::milliseconds request_timeout{10'000};  // to send a whole HTTP request
  std::chrono::milliseconds check_timeout{5'000};     // to read and validate one strategy
  std::size_t max_queued_commands = 8;                // a page's commands waiting behind a check
  double messages_per_second = 20;                    // sustained, per page
  double message_burst = 40;                          // messages a page may send at once
  std::size_t max_queued_messages = 4096;  // unsent messages to a page before it is dropped
  // The facilitator's room (room.hpp).
  int max_facilitators = 4;           // facilitator pages open at once
  std::size_t max_left_teams = 16;    // finished teams kept after their page closed
  std::size_t max_room_events = 400;  // events kept per team for the facilitator and debrief
};

}  // namespace detente::serve

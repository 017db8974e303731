#pragma once
// How much memory a run will need, estimated from the scenario before
// anything is allocated, so that a scenario too large for the machine is
// refused at once with the estimate (1e8 agents used to allocate for 16 s and
// die with bad_alloc; --replicates 1000000000 likewise).
//
//   MemoryEstimate e = estimate_memory(scenario, {.runs = 10, .parallel = 4});
//   check_memory(e, memory_limit(std::nullopt), "baseline.yaml");  // throws InputError
//
// The estimate is an upper bound of the bytes held at once: the
// simulations running side by side, plus every run's recorded rows and
// agent snapshots, which are kept until the result folder is written.
// Its per-agent and per-tie costs were measured (memory_estimate.cpp).
#include <cstdint>
#include <optional>
#include <string>

#include "scenario/scenario.hpp"

namespace detente {

struct RunCount {
  double runs = 1;      // simulations in all: arms × replicates (× sweep points)
  double parallel = 1;  // simulations in memory at once (threads, at most runs)
  // Whether every run's outputs are held until the end (run, compare), or
  // stored as each run finishes (sweep).
  bool outputs_kept = true;
};

struct MemoryEstimate {
  double agents = 0;
  double ties = 0;              // directed social ties plus cross-group ties
  double simulation_bytes = 0;  // one simulation's state
  double parallel = 1;          // simulations held at once
  double output_bytes = 0;      // every run's recorded rows and snapshots
  double total_bytes = 0;       // parallel × simulation + outputs
  // The key whose value drives the estimate most, as messages write it
  // (population.groups[1].size, network.within.mean_degree, steps,
  // outputs.agents …), and how to get under a limit by changing it.
  std::string driver;
  std::string remedy;
};

MemoryEstimate estimate_memory(const scenario::Scenario& scenario, const RunCount& count);

// Whether setting the key at `path` (a --set path) can change what
// estimate_memory says: sizes, the network, steps, outputs. A sweep or an
// uncertain: block that sets none of them builds nothing larger than the
// scenario as written.
bool may_change_memory(const std::string& path);

// The limit a run is held to: `requested` (--max-memory) when given, else
// the memory this machine has available now (/proc/meminfo MemAvailable, or
// all physical memory where that cannot be read).
double memory_limit(std::optional<double> requested);

// Parses a --max-memory value: bytes, or a number with K, M, G or T (powers
// of 1024, an optional "B" or "iB" after it): "512M", "4G", "1.5GiB".
// Throws InputError naming `option`.
double parse_memory_size(const std::string& text, const std::string& option);

// "1.5 GiB": bytes for a message.
std::string format_bytes(double bytes);

// "SUBJECT needs about 3.1 GiB of memory (…), more than the 1 GiB it may
// use; make the groups smaller (population.groups[].size), or raise the
// limit with --max-memory": why `estimate` is refused, without a location.
std::string memory_refusal(const MemoryEstimate& estimate, double limit,
                           const std::string& subject = "this run");

// Throws InputError "WHERE: DRIVER: memory_refusal(…)" when `estimate`
// exceeds `limit`; `where` locates the driving key (FILE:LINE:COLUMN).
void check_memory(const MemoryEstimate& estimate, double limit, const std::string& where);

}  // namespace detente

#pragma once
// Per-agent snapshots (`outputs.agents`): the rows of agents.csv,
//   arm,replicate,step,agent,group,subject,value
// kept compact (names by index) because a snapshot has a row per agent.
#include <cstdint>
#include <string>
#include <vector>

namespace detente::metrics {

struct AgentRow {
  std::int64_t step = 0;
  std::uint64_t agent = 0;    // the id in the network file, else the agent's index
  std::uint32_t group = 0;    // index into AgentNames::groups
  std::uint32_t subject = 0;  // index into AgentNames::subjects
  double value = 0.0;
};

// What AgentRow's indices stand for. Subjects: `g->h` (trust of the agent,
// a member of g, toward group h) for the trust model; `all` for a classic
// model's opinion; `feature_1` … `feature_F` for Axelrod's traits.
struct AgentNames {
  std::vector<std::string> groups;
  std::vector<std::string> subjects;
};

// One replicate's snapshots.
struct AgentSnapshots {
  std::string arm;
  std::int64_t replicate = 0;
  std::vector<AgentRow> rows;
};

}  // namespace detente::metrics

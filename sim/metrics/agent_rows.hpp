#pragma once
// Per-agent snapshots (`outputs.agents`): the rows of agents.csv,
//   arm,replicate,step,agent,group,subject,value,
//   role,marginalised,degree,cross_ties,participant,participation
// kept compact (names by index) because a snapshot has a row per agent. The
// columns after value describe the agent (repeated on each of its rows):
// role, marginalised (0/1), degree (the agent's entries in the social
// network: its neighbours in either group; a directed network file's out-arcs,
// a self-loop included), cross_ties (cross-group ties, programme ties included),
// participant (0/1: took part in any programme, curricula and training
// included) and participation (programme rounds, exchanges and joint
// productions, the agent was a team member of).
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
  std::uint32_t role = 0;  // index into AgentNames::roles
  std::uint8_t marginalised = 0;
  std::uint8_t participant = 0;
  std::uint32_t degree = 0;
  std::uint32_t cross_ties = 0;
  std::uint32_t participation = 0;
};

// What AgentRow's indices stand for. Subjects: `g->h` (trust of the agent,
// a member of g, toward group h) for the trust model; `all` for a classic
// model's opinion; `feature_1` … `feature_F` for Axelrod's traits.
struct AgentNames {
  std::vector<std::string> groups;
  std::vector<std::string> subjects;
  std::vector<std::string> roles;
};

// One replicate's snapshots.
struct AgentSnapshots {
  std::string arm;
  std::int64_t replicate = 0;
  std::vector<AgentRow> rows;
};

}  // namespace detente::metrics

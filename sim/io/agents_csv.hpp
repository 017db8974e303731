#pragma once
// agents.csv: every agent's state at the steps of outputs.agents.
//
//   arm,replicate,step,agent,group,subject,value,role,marginalised,degree,cross_ties,
//   participant,participation
//
// `agent` is the agent's id in the network file (its index otherwise),
// `group` its group's name, `subject` what the value is; the columns after
// `value` describe the agent (metrics/agent_rows.hpp says what each counts).
// Same number and text conventions as timeseries.csv (io/csv.hpp).
#include <filesystem>
#include <span>

#include "metrics/agent_rows.hpp"

namespace detente::io {

void write_agents_csv(const std::filesystem::path& path, const metrics::AgentNames& names,
                      std::span<const metrics::AgentSnapshots> snapshots);

}  // namespace detente::io

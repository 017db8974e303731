#pragma once
// The messages between the workshop page and the server, as JSON text over
// one WebSocket. Every message is an object with a "type".
//
// Page → server
//   {"type":"join","code":"ABCD-EFGH"}               only when the server asks for a code
//   {"type":"start","team":0,"strategy":[{"path":"dynamics.contact.rate","value":"0.2"}],
//    "paused":false}                                  (re)start a team's run
//   {"type":"pause"|"resume"|"step"|"reset","team":0}
//   {"type":"pace","steps_per_second":52}            0 = as fast as possible
//   {"type":"validate","team":0,"strategy":[…]}      check without running
//   {"type":"export","team":0,"name":"Team 1","strategy":[…]}
//   {"type":"remove","team":0}                       the page closed a team's card
//   start and validate may carry "name" too: the team's name, for the facilitator.
//
// Facilitator page → server (room.hpp)
//   {"type":"facilitate","code":"ABCD-EFGH"}         the facilitator code; also joins
//   {"type":"lock"|"unlock"|"reveal"|"hide"|"reset_all"|"debrief"}
//   {"type":"reset_team","id":7}                     a team of the room, by id
//
// Server → page
//   join_required, welcome (scenario with its markers, programmes and budget; knobs;
//   limits), baseline (when ready), room {locked, revealed, page?},
//   started, frame, paused, done, reset {team, by?}, valid, yaml, error {team?, message},
//   standings (every finished team against the baseline: to team pages only
//   while revealed).
// Server → facilitator page, besides welcome, baseline and room
//   facilitating, team, team_frame, team_frames, team_removed, standings,
//   debrief {teams: [{id, filename, text}]}.
//
// parse_command checks the shape of a message (types, sizes, team index);
// the values of a strategy are checked later by the scenario validator.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/load.hpp"
#include "serve/json.hpp"
#include "serve/limits.hpp"
#include "serve/team_run.hpp"
#include "serve/workshop.hpp"

namespace detente::serve {

// A message the server will not act on; what() is shown on the page.
class ProtocolError : public std::runtime_error {
 public:
  ProtocolError(std::optional<int> team_index, const std::string& message)
      : std::runtime_error(message), team(team_index) {}
  std::optional<int> team;
};

struct Command {
  enum class Kind {
    join,
    start,
    pause,
    resume,
    step,
    reset,
    pace,
    validate,
    export_yaml,
    remove,
    // the facilitator's
    facilitate,
    lock,
    unlock,
    reveal,
    hide,
    reset_team,
    reset_all,
    debrief
  };
  Kind kind = Kind::join;
  int team = 0;
  std::string code;                          // join, facilitate
  std::vector<scenario::Override> strategy;  // start, validate, export
  bool paused = false;                       // start
  double steps_per_second = 0;               // pace
  std::string
      name;  // start, validate, export: the team's name (start, validate: empty if not given)
  std::uint64_t id = 0;  // reset_team: a team of the room
};

// Whether only a facilitator page may send it.
bool facilitator_only(Command::Kind kind);

Command parse_command(std::string_view text, const Limits& limits);

// Server messages, as the text to send.
std::string join_required_message();
std::string welcome_message(const Workshop& workshop, bool baseline_ready);
std::string error_message(std::optional<int> team, const std::string& message);
std::string started_message(int team, std::uint64_t run, const scenario::Scenario& s,
                            int replicates);
// A RunEvent of a team's run: frame, paused, done or error.
std::string run_event_message(int team, std::uint64_t run, const RunEvent& event);
// `by_facilitator`: the facilitator reset it, not the page.
std::string reset_message(int team, bool by_facilitator = false);
std::string facilitating_message();
// Each team's strategy as YAML, for the all-teams debrief.
struct TeamYaml {
  std::uint64_t id = 0;
  std::string filename, text;
};
std::string debrief_message(const std::vector<TeamYaml>& teams);
// A strategy that passed: what the scenario allows but cannot happen, and
// what its programmes would cost against the budget (scenario/plan.hpp).
std::string valid_message(int team, const Checked& checked);
std::string yaml_message(int team, const std::string& filename, const std::string& text);
// The baseline's frames, all at once: series names and lo/mid/hi per step.
std::string baseline_message(const std::vector<std::string>& series,
                             const std::vector<Frame>& frames);

}  // namespace detente::serve

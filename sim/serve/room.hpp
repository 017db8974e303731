#pragma once
// The room a facilitator runs: every team of every open page, whether the
// room is locked (teams may not change or play) and whether results are
// revealed (teams see each other's outcomes and the ranking). Plain state on
// the network thread, no sockets: the server tells it what happened and it
// says, through `post`, what each audience must hear; nothing here reaches a
// team page about another page's teams until reveal.
//
//   Room room(limits, [&](Audience to, const std::string& text) { … });
//   const auto page = room.open_page();
//   room.started(page, 0, run_id, "Team 1", strategy);   // facilitators hear "team"
//   room.frame(page, 0, run_id, event);                  // … and "team_frame"
//   room.lock(true);                                     // everyone hears "room"
//   if (room.locked()) refuse_play();
//   room.reveal(true);                                   // team pages hear "standings"
//
// Team ids are unique for the server's life; the facilitator addresses teams
// by id. A page that closes takes its teams away, except those that finished
// a run, which stay (marked as left) for the debrief: at most
// Limits::max_left_teams, the oldest forgotten first.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenario/load.hpp"
#include "serve/limits.hpp"
#include "serve/standings.hpp"
#include "serve/team_run.hpp"

namespace detente::serve {

enum class Audience { facilitators, team_pages };

struct RoomTeam {
  std::uint64_t id = 0;
  std::uint64_t page = 0;  // the page it plays on (1, 2, … in joining order)
  int team = 0;            // its index on that page
  std::string name;
  std::vector<scenario::Override> strategy;  // as of its latest start or check
  std::string status = "ready";              // ready, running, paused, done, failed
  bool page_open = true;
  std::uint64_t run = 0;
  std::int64_t step = 0;
  double seconds = 0;
  std::vector<std::string> series;          // every series of the run (step 0's list)
  std::vector<std::size_t> shown;           // where headline_series() sit in `series`
  std::vector<Frame> frames;                // headline series only, every recorded step
  Frame last;                               // every series, latest recorded step
  std::vector<ReplicateEvent> events;       // at most Limits::max_room_events
  bool events_cut = false;                  // more happened than is kept
  std::vector<std::vector<double>> finals;  // when done: [replicate][series] at the last step
  std::vector<Outcome> outcomes;            // when done: against the baseline
};

class Room {
 public:
  using Post = std::function<void(Audience, const std::string&)>;
  Room(const Limits& limits, Post post);

  bool locked() const { return locked_; }
  bool revealed() const { return revealed_; }
  const std::vector<RoomTeam>& teams() const { return teams_; }
  const RoomTeam* find(std::uint64_t id) const;

  // Pages.
  std::uint64_t open_page() { return ++pages_; }
  void close_page(std::uint64_t page);

  // What a page's team did; an empty name leaves the team's as it was. Calls for a run that is not
  // the team's latest
  // (`run` differs) are ignored, as the page ignores them.
  void named(std::uint64_t page, int team, const std::string& name,
             const std::vector<scenario::Override>& strategy);
  void started(std::uint64_t page, int team, std::uint64_t run, const std::string& name,
               const std::vector<scenario::Override>& strategy);
  void frame(std::uint64_t page, int team, std::uint64_t run, const RunEvent& event);
  void paused(std::uint64_t page, int team, std::uint64_t run, std::int64_t step);
  void finished(std::uint64_t page, int team, std::uint64_t run, const RunEvent& event);
  // Its run cleared (by its page or the facilitator); name and strategy stay.
  void cleared(std::uint64_t page, int team);
  void removed(std::uint64_t page, int team);

  // The baseline's last step, per replicate: what teams are compared with.
  void set_baseline(const Finals& baseline);

  // The facilitator.
  void lock(bool locked);
  void reveal(bool revealed);
  // Forgets a team whose page has gone (the facilitator's reset of it).
  void forget(std::uint64_t id);

  // What a facilitator that (re)joins is sent: the room's state, every team
  // with its frames, the standings.
  std::vector<std::string> snapshot() const;
  // What a team page is sent when it joins: its page number, the lock and
  // reveal, and the standings if revealed.
  std::vector<std::string> page_welcome(std::uint64_t page) const;

 private:
  RoomTeam* find(std::uint64_t page, int team);
  RoomTeam& record(std::uint64_t page, int team);
  void erase_if_unfinished(std::uint64_t page, int team);
  void tell_team(const RoomTeam& t) const;
  void tell_state() const;
  void tell_standings() const;
  std::string standings_message() const;

  Limits limits_;
  Post post_;
  bool locked_ = false;
  bool revealed_ = false;
  std::uint64_t pages_ = 0;
  std::uint64_t next_id_ = 1;
  std::vector<RoomTeam> teams_;  // in the order they first appeared
  Finals baseline_;
  std::vector<Outcome> baseline_outcomes_;
};

// Messages of the room (also used by the tests).
std::string room_state_message(bool locked, bool revealed, std::optional<std::uint64_t> page);
std::string room_team_message(const RoomTeam& t);
std::string room_frames_message(const RoomTeam& t);
std::string room_removed_message(std::uint64_t id);

}  // namespace detente::serve

// The facilitator's room as plain state: lock, unlock, reveal and hide, a
// team's run from start to standings, a reset, a page that leaves, a team
// that joins late, and a facilitator who drops out and comes back — and who
// hears what: nothing of another page's teams reaches a team page before
// reveal.
#include <catch2/catch.hpp>
#include <cmath>

#include "serve/json.hpp"
#include "serve/room.hpp"
#include "serve/standings.hpp"

namespace {

using namespace detente::serve;

// Every message the room posts, by audience.
struct Mailbox {
  std::vector<Json> facilitators, team_pages;
  Room::Post post() {
    return [this](Audience to, const std::string& text) {
      (to == Audience::facilitators ? facilitators : team_pages)
          .push_back(parse_json(text, JsonLimits{1 << 22, 32}));
    };
  }
  static std::vector<Json> of_type(const std::vector<Json>& list, const std::string& type) {
    std::vector<Json> out;
    for (const Json& m : list)
      if (m.at("type").get<std::string>() == type) out.push_back(m);
    return out;
  }
  void clear() { facilitators.clear(), team_pages.clear(); }
};

Limits three_replicates() {
  Limits l;
  l.replicates = 3;
  l.max_left_teams = 2;
  l.max_room_events = 3;
  return l;
}

// A run's series: the headline four and a programme's spending.
std::vector<std::string> series() {
  auto s = headline_series();
  s.insert(s.begin() + 1, "sd all");  // another series between them: indices must be looked up
  s.push_back("spending exchange");
  return s;
}

// A frame where every series has value v (and the programme spent 10·v).
RunEvent frame_event(std::int64_t step, double v, bool first) {
  RunEvent e;
  e.kind = RunEvent::Kind::frame;
  e.frame.step = step;
  for (std::size_t i = 0; i < series().size(); ++i) {
    const double x = i + 1 == series().size() ? 10 * v : v;
    e.frame.lo.push_back(x - 0.01), e.frame.mid.push_back(x), e.frame.hi.push_back(x + 0.01);
  }
  if (first) e.series = series();
  return e;
}

// The end of a run whose replicates end with political space at `space[r]`.
RunEvent done_event(const std::vector<double>& space) {
  RunEvent e;
  e.kind = RunEvent::Kind::done;
  e.step = 52;
  e.seconds = 0.5;
  const auto names = series();
  const auto at = std::find(names.begin(), names.end(), headline_series()[kRankedOutcome]);
  for (const double s : space) {
    std::vector<double> values(names.size(), 0.5);
    values[static_cast<std::size_t>(at - names.begin())] = s;
    e.final_values.push_back(values);
  }
  return e;
}

Finals baseline(const std::vector<double>& space) {
  return Finals{series(), done_event(space).final_values};
}

// A team of `page` plays a whole run ending with these replicates.
void play(Room& room, std::uint64_t page, int team, std::uint64_t run, const std::string& name,
          const std::vector<double>& space) {
  room.started(page, team, run, name, {{"media.north_tv.slant", "0.5"}});
  room.frame(page, team, run, frame_event(0, 0.4, true));
  room.frame(page, team, run, frame_event(52, 0.6, false));
  room.finished(page, team, run, done_event(space));
}

const Json* standing_of(const Json& standings, const std::string& name) {
  for (const Json& t : standings.at("teams"))
    if (t.at("name").get<std::string>() == name) return &t;
  return nullptr;
}

}  // namespace

TEST_CASE("lock and reveal: everyone hears the room's state, team pages never the results before") {
  Mailbox mail;
  Room room(three_replicates(), mail.post());
  room.set_baseline(baseline({0.30, 0.31, 0.32}));
  const auto page = room.open_page();
  play(room, page, 0, 1, "Team 1", {0.40, 0.42, 0.41});
  CHECK(Mailbox::of_type(mail.team_pages, "standings").empty());
  CHECK(Mailbox::of_type(mail.facilitators, "standings").size() >= 1);
  CHECK(!room.locked());

  mail.clear();
  room.lock(true);
  CHECK(room.locked());
  REQUIRE(mail.team_pages.size() == 1);
  CHECK(mail.team_pages[0].at("type").get<std::string>() == "room");
  CHECK(mail.team_pages[0].at("locked").get<bool>());
  CHECK(!mail.team_pages[0].at("revealed").get<bool>());
  CHECK(mail.facilitators.size() == 1);

  mail.clear();
  room.reveal(true);
  CHECK(room.revealed());
  const auto revealed = Mailbox::of_type(mail.team_pages, "standings");
  REQUIRE(revealed.size() == 1);
  CHECK(standing_of(revealed[0], "Team 1") != nullptr);
  // Both stay as they were set: the lock does not lift on reveal.
  CHECK(room.locked());

  mail.clear();
  room.lock(false);
  room.reveal(false);
  CHECK(!room.locked());
  CHECK(!room.revealed());
  CHECK(mail.team_pages.back().at("revealed").get<bool>() == false);
  // Hidden again: a team finishing now is told to facilitators only.
  mail.clear();
  play(room, page, 1, 2, "Team 2", {0.2, 0.21, 0.22});
  CHECK(Mailbox::of_type(mail.team_pages, "standings").empty());
  CHECK(!Mailbox::of_type(mail.facilitators, "standings").empty());
}

TEST_CASE("a team's run is followed from start to standings; stale runs are ignored") {
  Mailbox mail;
  Room room(three_replicates(), mail.post());
  room.set_baseline(baseline({0.30, 0.31, 0.32}));
  const auto page = room.open_page();
  room.named(page, 0, "Reds", {});
  REQUIRE(room.teams().size() == 1);
  CHECK(room.teams()[0].status == "ready");
  room.started(page, 0, 5, "Reds", {{"dynamics.contact.rate", "0.3"}});
  CHECK(room.teams()[0].status == "running");
  room.frame(page, 0, 5, frame_event(0, 0.4, true));
  room.frame(page, 0, 4, frame_event(4, 0.9, false));  // an older run's: ignored
  const RoomTeam& t = room.teams()[0];
  CHECK(t.frames.size() == 1);
  // Only the headline series are kept per frame, found by name.
  CHECK(t.frames[0].mid.size() == headline_series().size());
  CHECK(t.frames[0].mid[3] == Approx(0.4));
  room.paused(page, 0, 5, 0);
  CHECK(room.teams()[0].status == "paused");
  room.frame(page, 0, 5, frame_event(52, 0.6, false));
  CHECK(room.teams()[0].status == "running");
  const auto frames = Mailbox::of_type(mail.facilitators, "team_frame");
  REQUIRE(frames.size() == 2);
  CHECK(frames[1].at("mid").size() == 4);
  room.finished(page, 0, 5, done_event({0.40, 0.42, 0.41}));
  CHECK(room.teams()[0].status == "done");
  // The team message carries what each programme spent.
  const auto told = Mailbox::of_type(mail.facilitators, "team").back();
  const auto& spending = told.at("spending");
  REQUIRE(spending.size() == 1);
  CHECK(spending[0].at("programme").get<std::string>() == "exchange");
  CHECK(spending[0].at("spent").get<double>() == Approx(6.0));
  const Json standings = Mailbox::of_type(mail.facilitators, "standings").back();
  const Json* reds = standing_of(standings, "Reds");
  REQUIRE(reds != nullptr);
  CHECK(reds->at("verdict").get<std::string>() == "better");
  CHECK(reds->at("place").get<double>() == 1);
}

TEST_CASE("a reset clears a team's run but keeps its name and strategy; the standings follow") {
  Mailbox mail;
  Room room(three_replicates(), mail.post());
  room.set_baseline(baseline({0.30, 0.31, 0.32}));
  const auto page = room.open_page();
  play(room, page, 0, 1, "Team 1", {0.40, 0.42, 0.41});
  const auto id = room.teams()[0].id;
  mail.clear();
  room.cleared(page, 0);
  REQUIRE(room.find(id) != nullptr);
  CHECK(room.find(id)->status == "ready");
  CHECK(room.find(id)->frames.empty());
  CHECK(room.find(id)->outcomes.empty());
  CHECK(room.find(id)->name == "Team 1");
  CHECK(room.find(id)->strategy.size() == 1);
  const auto standings = Mailbox::of_type(mail.facilitators, "standings");
  REQUIRE(standings.size() == 1);
  CHECK(standings[0].at("teams").empty());
  // Played again, the same team (same id) is back in the standings.
  play(room, page, 0, 2, "Team 1", {0.40, 0.42, 0.41});
  CHECK(room.teams().size() == 1);
  CHECK(room.teams()[0].id == id);
}

TEST_CASE(
    "a page that leaves takes its unfinished teams; finished ones stay, the oldest forgotten") {
  Mailbox mail;
  Room room(three_replicates(), mail.post());  // keeps 2 teams whose page left
  room.set_baseline(baseline({0.30, 0.31, 0.32}));
  std::vector<std::uint64_t> pages;
  for (int p = 0; p < 3; ++p) {
    pages.push_back(room.open_page());
    play(room, pages.back(), 0, 1, "done " + std::to_string(p), {0.4, 0.41, 0.42});
    room.named(pages.back(), 1, "idle " + std::to_string(p), {});
  }
  CHECK(room.teams().size() == 6);
  room.close_page(pages[0]);
  CHECK(room.teams().size() == 5);  // "idle 0" went
  const auto left = std::find_if(room.teams().begin(), room.teams().end(),
                                 [](const RoomTeam& t) { return t.name == "done 0"; });
  REQUIRE(left != room.teams().end());
  CHECK(!left->page_open);
  CHECK(!Mailbox::of_type(mail.facilitators, "team_removed").empty());
  room.close_page(pages[1]);
  room.close_page(pages[2]);
  // Three finished teams left, two are kept: the oldest is forgotten.
  REQUIRE(room.teams().size() == 2);
  CHECK(room.teams()[0].name == "done 1");
  CHECK(room.teams()[1].name == "done 2");
  // A reopened page is a new page: its team 0 is a new team.
  const auto again = room.open_page();
  room.named(again, 0, "done 1", {});
  CHECK(room.teams().size() == 3);
  // The facilitator's reset of a team whose page has gone forgets it.
  room.forget(room.teams()[0].id);
  CHECK(room.teams().size() == 2);
}

TEST_CASE("a team that joins late, after the reveal, is in the standings when it finishes") {
  Mailbox mail;
  Room room(three_replicates(), mail.post());
  room.set_baseline(baseline({0.30, 0.31, 0.32}));
  const auto first = room.open_page();
  play(room, first, 0, 1, "Early", {0.40, 0.42, 0.41});
  room.reveal(true);
  // A page opening now is told the room is revealed, and the standings so far.
  const auto late = room.open_page();
  const auto welcome = room.page_welcome(late);
  REQUIRE(welcome.size() == 2);
  const Json state = parse_json(welcome[0]);
  CHECK(state.at("page").get<double>() == static_cast<double>(late));
  CHECK(state.at("revealed").get<bool>());
  CHECK(parse_json(welcome[1], JsonLimits{1 << 20, 32}).at("teams").size() == 1);
  mail.clear();
  play(room, late, 0, 1, "Late", {0.50, 0.52, 0.51});
  const auto standings = Mailbox::of_type(mail.team_pages, "standings");
  REQUIRE(!standings.empty());
  const Json* l = standing_of(standings.back(), "Late");
  const Json* e = standing_of(standings.back(), "Early");
  REQUIRE((l && e));
  CHECK(l->at("place").get<double>() == 1);
  CHECK(e->at("place").get<double>() == 2);
  // Before the reveal a page's welcome says nothing of anyone's results.
  room.reveal(false);
  CHECK(room.page_welcome(room.open_page()).size() == 1);
}

TEST_CASE("a facilitator who drops out and comes back finds the room as it was") {
  Mailbox mail;
  Room room(three_replicates(), mail.post());
  room.set_baseline(baseline({0.30, 0.31, 0.32}));
  const auto page = room.open_page();
  play(room, page, 0, 1, "Team 1", {0.40, 0.42, 0.41});
  room.started(page, 1, 2, "Team 2", {});
  room.frame(page, 1, 2, frame_event(0, 0.4, true));
  room.lock(true);
  // The facilitator's connection is gone: nothing in the room depends on it.
  // Coming back, the snapshot is the whole state.
  const auto snapshot = room.snapshot();
  REQUIRE(snapshot.size() == 1 + 2 * 2 + 1);
  const Json state = parse_json(snapshot[0]);
  CHECK(state.at("type").get<std::string>() == "room");
  CHECK(state.at("locked").get<bool>());
  CHECK(!state.at("revealed").get<bool>());
  const Json team1 = parse_json(snapshot[1], JsonLimits{1 << 20, 32});
  CHECK(team1.at("name").get<std::string>() == "Team 1");
  CHECK(team1.at("status").get<std::string>() == "done");
  CHECK(team1.at("strategy").size() == 1);
  CHECK(team1.at("outcomes").size() == 4);
  const Json frames1 = parse_json(snapshot[2], JsonLimits{1 << 20, 32});
  CHECK(frames1.at("type").get<std::string>() == "team_frames");
  CHECK(frames1.at("frames").size() == 2);
  const Json team2 = parse_json(snapshot[3], JsonLimits{1 << 20, 32});
  CHECK(team2.at("status").get<std::string>() == "running");
  const Json standings = parse_json(snapshot.back(), JsonLimits{1 << 20, 32});
  CHECK(standings.at("type").get<std::string>() == "standings");
  CHECK(standings.at("teams").size() == 1);
}

TEST_CASE("a team that finished before the baseline is compared when the baseline arrives") {
  Mailbox mail;
  Room room(three_replicates(), mail.post());
  const auto page = room.open_page();
  play(room, page, 0, 1, "Quick", {0.40, 0.42, 0.41});
  const auto& before = room.teams()[0].outcomes[kRankedOutcome].difference;
  CHECK(std::isnan(before.mean));
  room.set_baseline(baseline({0.30, 0.31, 0.32}));
  const auto& after = room.teams()[0].outcomes[kRankedOutcome].difference;
  CHECK(after.mean == Approx(0.1));
  CHECK(after.ci_low > 0);
}

TEST_CASE("events kept per team are capped, and the cut is said") {
  Mailbox mail;
  Room room(three_replicates(), mail.post());  // 3 events per team
  const auto page = room.open_page();
  room.started(page, 0, 1, "Team 1", {});
  RunEvent e = frame_event(0, 0.4, true);
  for (int i = 0; i < 5; ++i)
    e.events.push_back({0, {i, "programme_started", "exchange", "round"}});
  room.frame(page, 0, 1, e);
  CHECK(room.teams()[0].events.size() == 3);
  CHECK(room.teams()[0].events_cut);
}

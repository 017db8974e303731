#include "serve/room.hpp"

#include <algorithm>
#include <limits>

#include "metrics/metric_table.hpp"
#include "serve/json.hpp"

namespace detente::serve {
namespace {

Json numbers(const std::vector<double>& values) {
  Json out = Json::array();
  for (const double v : values)
    out.push_back(v);
  return out;
}

// The headline series of a frame, in headline order.
Frame shown_of(const Frame& f, const std::vector<std::size_t>& shown) {
  Frame out;
  out.step = f.step;
  for (const std::size_t i : shown) {
    if (i >= f.mid.size()) continue;
    out.lo.push_back(f.lo[i]), out.mid.push_back(f.mid[i]), out.hi.push_back(f.hi[i]);
  }
  return out;
}

Json frame_json(const Frame& f) {
  return Json::object(
      {{"step", f.step}, {"lo", numbers(f.lo)}, {"mid", numbers(f.mid)}, {"hi", numbers(f.hi)}});
}

Json events_json(const std::vector<ReplicateEvent>& events) {
  Json out = Json::array();
  for (const auto& [replicate, e] : events)
    out.push_back(Json::object({{"replicate", replicate},
                                {"step", e.step},
                                {"event", e.event},
                                {"subject", e.subject},
                                {"detail", e.detail}}));
  return out;
}

Json outcome_json(const Outcome& o) {
  return Json::object({{"series", o.series},
                       {"mean", o.mean},
                       {"ci_low", o.ci_low},
                       {"ci_high", o.ci_high},
                       {"min", o.min},
                       {"max", o.max},
                       {"n", o.n},
                       {"difference", Json::object({{"mean", o.difference.mean},
                                                    {"ci_low", o.difference.ci_low},
                                                    {"ci_high", o.difference.ci_high}})}});
}

Json outcomes_json(const std::vector<Outcome>& outcomes) {
  Json out = Json::array();
  for (const Outcome& o : outcomes)
    out.push_back(outcome_json(o));
  return out;
}

// What each programme had spent by the latest step (mean over replicates):
// the `spending` series of every subject but "all".
Json spending_json(const RoomTeam& t) {
  const std::string prefix = std::string(metrics::name(metrics::Metric::spending)) + " ";
  Json out = Json::array();
  for (std::size_t i = 0; i < t.series.size() && i < t.last.mid.size(); ++i) {
    const std::string& s = t.series[i];
    if (!s.starts_with(prefix) || s == prefix + "all") continue;
    out.push_back(Json::object({{"programme", s.substr(prefix.size())}, {"spent", t.last.mid[i]}}));
  }
  return out;
}

Json strategy_json(const std::vector<scenario::Override>& strategy) {
  Json out = Json::array();
  for (const auto& o : strategy)
    out.push_back(Json::object({{"path", o.path}, {"value", o.value}}));
  return out;
}

bool same_strategy(const std::vector<scenario::Override>& a,
                   const std::vector<scenario::Override>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.path == y.path && x.value == y.value;
  });
}

}  // namespace

std::string room_state_message(bool locked, bool revealed, std::optional<std::uint64_t> page) {
  Json j = Json::object({{"type", "room"}, {"locked", locked}, {"revealed", revealed}});
  if (page) j["page"] = *page;
  return dump_json(j);
}

std::string room_team_message(const RoomTeam& t) {
  Json series = Json::array();
  for (const std::size_t i : t.shown)
    series.push_back(t.series[i]);
  return dump_json(Json::object({{"type", "team"},
                                 {"id", t.id},
                                 {"page", t.page},
                                 {"team", t.team},
                                 {"name", t.name},
                                 {"status", t.status},
                                 {"page_open", t.page_open},
                                 {"run", t.run},
                                 {"step", t.step},
                                 {"seconds", t.seconds},
                                 {"strategy", strategy_json(t.strategy)},
                                 {"series", std::move(series)},
                                 {"spending", spending_json(t)},
                                 {"events", events_json(t.events)},
                                 {"events_cut", t.events_cut},
                                 {"outcomes", outcomes_json(t.outcomes)}}));
}

std::string room_frames_message(const RoomTeam& t) {
  Json frames = Json::array();
  for (const Frame& f : t.frames)
    frames.push_back(frame_json(f));
  return dump_json(Json::object(
      {{"type", "team_frames"}, {"id", t.id}, {"run", t.run}, {"frames", std::move(frames)}}));
}

std::string room_removed_message(std::uint64_t id) {
  return dump_json(Json::object({{"type", "team_removed"}, {"id", id}}));
}

Room::Room(const Limits& limits, Post post) : limits_(limits), post_(std::move(post)) {}

const RoomTeam* Room::find(std::uint64_t id) const {
  const auto it =
      std::find_if(teams_.begin(), teams_.end(), [&](const RoomTeam& t) { return t.id == id; });
  return it == teams_.end() ? nullptr : &*it;
}

RoomTeam* Room::find(std::uint64_t page, int team) {
  const auto it = std::find_if(teams_.begin(), teams_.end(), [&](const RoomTeam& t) {
    return t.page == page && t.team == team && t.page_open;
  });
  return it == teams_.end() ? nullptr : &*it;
}

RoomTeam& Room::record(std::uint64_t page, int team) {
  if (RoomTeam* t = find(page, team)) return *t;
  RoomTeam t;
  t.id = next_id_++;
  t.page = page;
  t.team = team;
  t.name = "team " + std::to_string(team + 1);
  teams_.push_back(std::move(t));
  return teams_.back();
}

void Room::close_page(std::uint64_t page) {
  bool changed_standings = false;
  for (auto it = teams_.begin(); it != teams_.end();) {
    if (it->page != page || !it->page_open) {
      ++it;
      continue;
    }
    if (it->status == "done") {
      it->page_open = false;
      tell_team(*it);
      ++it;
    } else {
      post_(Audience::facilitators, room_removed_message(it->id));
      it = teams_.erase(it);
    }
  }
  // Keep the newest teams that left; the oldest go first.
  std::size_t left = static_cast<std::size_t>(
      std::count_if(teams_.begin(), teams_.end(), [](const RoomTeam& t) { return !t.page_open; }));
  for (auto it = teams_.begin(); it != teams_.end() && left > limits_.max_left_teams;) {
    if (it->page_open) {
      ++it;
      continue;
    }
    post_(Audience::facilitators, room_removed_message(it->id));
    it = teams_.erase(it);
    --left;
    changed_standings = true;
  }
  if (changed_standings) tell_standings();
}

void Room::named(std::uint64_t page, int team, const std::string& name,
                 const std::vector<scenario::Override>& strategy) {
  RoomTeam& t = record(page, team);
  // A checked strategy that is not the one running is the team's next
  // idea, not what its numbers show: keep the running one's.
  const bool shows_run = t.status != "ready";
  const std::string& new_name = name.empty() ? t.name : name;
  if (t.name == new_name && (shows_run || same_strategy(t.strategy, strategy))) return;
  t.name = new_name;
  if (!shows_run) t.strategy = strategy;
  tell_team(t);
  if (t.status == "done") tell_standings();
}

void Room::started(std::uint64_t page, int team, std::uint64_t run, const std::string& name,
                   const std::vector<scenario::Override>& strategy) {
  RoomTeam& t = record(page, team);
  const bool was_done = t.status == "done";
  if (!name.empty()) t.name = name;
  t.strategy = strategy;
  t.status = "running";
  t.run = run;
  t.step = 0;
  t.seconds = 0;
  t.series.clear();
  t.shown.clear();
  t.frames.clear();
  t.last = {};
  t.events.clear();
  t.events_cut = false;
  t.finals.clear();
  t.outcomes.clear();
  tell_team(t);
  if (was_done) tell_standings();
}

void Room::frame(std::uint64_t page, int team, std::uint64_t run, const RunEvent& e) {
  RoomTeam* t = find(page, team);
  if (t == nullptr || t->run != run) return;
  if (!e.series.empty()) {
    t->series = e.series;
    t->shown.clear();
    for (const std::string& name : headline_series()) {
      const auto it = std::find(t->series.begin(), t->series.end(), name);
      if (it != t->series.end())
        t->shown.push_back(static_cast<std::size_t>(it - t->series.begin()));
    }
  }
  t->step = e.frame.step;
  if (t->status == "paused") t->status = "running";
  t->last = e.frame;
  const Frame shown = shown_of(e.frame, t->shown);
  t->frames.push_back(shown);
  std::vector<ReplicateEvent> fresh;
  for (const auto& ev : e.events) {
    if (t->events.size() >= limits_.max_room_events) {
      t->events_cut = true;
      break;
    }
    t->events.push_back(ev);
    fresh.push_back(ev);
  }
  Json m = Json::object({{"type", "team_frame"}, {"id", t->id}, {"run", t->run}});
  m["step"] = shown.step;
  m["lo"] = numbers(shown.lo);
  m["mid"] = numbers(shown.mid);
  m["hi"] = numbers(shown.hi);
  if (!fresh.empty()) m["events"] = events_json(fresh);
  if (!e.series.empty()) {
    Json series = Json::array();
    for (const std::size_t i : t->shown)
      series.push_back(t->series[i]);
    m["series"] = std::move(series);
  }
  post_(Audience::facilitators, dump_json(m));
}

void Room::paused(std::uint64_t page, int team, std::uint64_t run, std::int64_t step) {
  RoomTeam* t = find(page, team);
  if (t == nullptr || t->run != run) return;
  t->status = "paused";
  t->step = step;
  tell_team(*t);
}

void Room::finished(std::uint64_t page, int team, std::uint64_t run, const RunEvent& e) {
  RoomTeam* t = find(page, team);
  if (t == nullptr || t->run != run) return;
  if (e.kind == RunEvent::Kind::done) {
    t->status = "done";
    t->seconds = e.seconds;
    t->step = e.step;
    t->finals = e.final_values;
    t->outcomes = outcomes_of(Finals{t->series, t->finals}, baseline_);
  } else {
    t->status = "failed";
  }
  tell_team(*t);
  if (t->status == "done") tell_standings();
}

void Room::cleared(std::uint64_t page, int team) {
  RoomTeam* t = find(page, team);
  if (t == nullptr) return;
  const bool was_done = t->status == "done";
  RoomTeam fresh;
  fresh.id = t->id, fresh.page = t->page, fresh.team = t->team;
  fresh.name = t->name, fresh.strategy = t->strategy;
  *t = std::move(fresh);
  tell_team(*t);
  if (was_done) tell_standings();
}

void Room::removed(std::uint64_t page, int team) {
  RoomTeam* t = find(page, team);
  if (t == nullptr) return;
  forget(t->id);
}

void Room::forget(std::uint64_t id) {
  const auto it =
      std::find_if(teams_.begin(), teams_.end(), [&](const RoomTeam& t) { return t.id == id; });
  if (it == teams_.end()) return;
  const bool was_done = it->status == "done";
  teams_.erase(it);
  post_(Audience::facilitators, room_removed_message(id));
  if (was_done) tell_standings();
}

void Room::set_baseline(const Finals& baseline) {
  baseline_ = baseline;
  baseline_outcomes_ = outcomes_of(baseline_);
  // Teams that finished before the baseline did are compared now.
  for (RoomTeam& t : teams_)
    if (t.status == "done") {
      t.outcomes = outcomes_of(Finals{t.series, t.finals}, baseline_);
      tell_team(t);
    }
  tell_standings();
}

void Room::lock(bool locked) {
  locked_ = locked;
  tell_state();
}

void Room::reveal(bool revealed) {
  revealed_ = revealed;
  tell_state();
  if (revealed_) post_(Audience::team_pages, standings_message());
}

std::vector<std::string> Room::snapshot() const {
  std::vector<std::string> out{room_state_message(locked_, revealed_, std::nullopt)};
  for (const RoomTeam& t : teams_) {
    out.push_back(room_team_message(t));
    out.push_back(room_frames_message(t));
  }
  out.push_back(standings_message());
  return out;
}

std::vector<std::string> Room::page_welcome(std::uint64_t page) const {
  std::vector<std::string> out{room_state_message(locked_, revealed_, page)};
  if (revealed_) out.push_back(standings_message());
  return out;
}

void Room::tell_team(const RoomTeam& t) const {
  post_(Audience::facilitators, room_team_message(t));
}

void Room::tell_state() const {
  const std::string text = room_state_message(locked_, revealed_, std::nullopt);
  post_(Audience::facilitators, text);
  post_(Audience::team_pages, text);
}

void Room::tell_standings() const {
  const std::string text = standings_message();
  post_(Audience::facilitators, text);
  if (revealed_) post_(Audience::team_pages, text);
}

std::string Room::standings_message() const {
  std::vector<const RoomTeam*> done;
  std::vector<metrics::PairedDifference> differences;
  for (const RoomTeam& t : teams_) {
    if (t.status != "done" || t.outcomes.empty()) continue;
    done.push_back(&t);
    const auto it = std::find_if(t.outcomes.begin(), t.outcomes.end(), [](const Outcome& o) {
      return o.series == headline_series()[kRankedOutcome];
    });
    metrics::PairedDifference d;
    d.mean = d.ci_low = d.ci_high = std::numeric_limits<double>::quiet_NaN();
    differences.push_back(it == t.outcomes.end() ? d : it->difference);
  }
  const std::vector<Place> places = place_teams(differences);
  Json teams = Json::array();
  for (std::size_t i = 0; i < done.size(); ++i) {
    const RoomTeam& t = *done[i];
    teams.push_back(Json::object({{"id", t.id},
                                  {"page", t.page},
                                  {"team", t.team},
                                  {"name", t.name},
                                  {"place", places[i].place},
                                  {"shared", places[i].shared},
                                  {"verdict", places[i].verdict},
                                  {"outcomes", outcomes_json(t.outcomes)}}));
  }
  return dump_json(Json::object({{"type", "standings"},
                                 {"ranked_by", headline_series()[kRankedOutcome]},
                                 {"replicates", limits_.replicates},
                                 {"baseline", outcomes_json(baseline_outcomes_)},
                                 {"teams", std::move(teams)}}));
}

}  // namespace detente::serve

// The facilitator's page over real sockets: only the facilitator code makes
// a page the facilitator's; it sees every page's teams, locks the room (the
// server then refuses play), reveals the standings, resets a team or all,
// gets every team's YAML for the debrief, and finds the room as it left it
// after dropping out. Team pages cannot send its commands, and hostile
// versions of them are refused with the connection kept.
#include <catch2/catch.hpp>

#include "support.hpp"

namespace {

using namespace detente::serve;
using namespace detente::serve::test;
using namespace std::chrono_literals;

Json start(int team, const std::string& name,
           std::vector<std::pair<std::string, std::string>> changes = {}) {
  Json strategy = Json::array();
  for (const auto& [path, value] : changes)
    strategy.push_back(Json::object({{"path", path}, {"value", value}}));
  return Json::object(
      {{"type", "start"}, {"team", team}, {"name", name}, {"strategy", std::move(strategy)}});
}

Json command(const std::string& type) {
  return Json::object({{"type", type}});
}

// A page that has given the facilitator code and heard the room's snapshot.
struct Facilitator : Client {
  explicit Facilitator(std::uint16_t port) : Client(port) {
    receive_until("welcome");
    send(Json::object({{"type", "facilitate"}, {"code", kFacilitatorCode}}));
    receive_until("facilitating");
  }
};

// Messages until a "team" message about `name` whose status is `status`.
Json team_until(Client& c, const std::string& name, const std::string& status) {
  for (int i = 0; i < 500; ++i) {
    Json m = c.receive_until("team");
    if (m.at("name").get<std::string>() == name && m.at("status").get<std::string>() == status)
      return m;
  }
  throw Timeout("no team message for " + name);
}

void run_to_done(Client& page, int team, const std::string& name,
                 std::vector<std::pair<std::string, std::string>> changes = {}) {
  page.send(start(team, name, std::move(changes)));
  page.receive_until("started");
  page.receive_until("done", 30s);
}

}  // namespace

TEST_CASE("a team page cannot lock, reveal, reset others or take the debrief") {
  RunningServer s;
  Client page(s.port());
  page.receive_until("welcome");
  const Json state = page.receive_until("room");
  CHECK(state.at("page").get<double>() >= 1);
  CHECK(!state.at("locked").get<bool>());
  for (const char* type : {"lock", "unlock", "reveal", "hide", "reset_all", "debrief"}) {
    page.send(command(type));
    CHECK(page.receive_until("error").at("message").get<std::string>() ==
          "only the facilitator's page can lock, reset, reveal or write the room's debrief");
  }
  page.send_text(R"({"type":"reset_team","id":1})");
  CHECK(page.receive_until("error").at("message").get<std::string>().starts_with(
      "only the facilitator"));
  // Nothing was locked: the page still plays.
  page.send(start(0, "Team 1"));
  CHECK(type_of(page.receive_until("started")) == "started");
  const auto log = s.log();
  CHECK(std::count_if(log.begin(), log.end(), [](const std::string& l) {
          return l.find("not the facilitator's sent a facilitator's command") != std::string::npos;
        }) == 7);
}

TEST_CASE("a wrong facilitator code is refused like a wrong join code, and counted") {
  RunningServer s;
  Client page(s.port()), again(s.port());
  page.receive_until("welcome");
  again.receive_until("welcome");
  page.send_text(R"({"type":"facilitate","code":"FFFF-GGGX"})");
  CHECK(page.receive_until("error").at("message").get<std::string>().starts_with(
      "wrong facilitator code"));
  // The address waits before its next guess, from any connection.
  again.send(Json::object({{"type", "facilitate"}, {"code", kFacilitatorCode}}));
  CHECK(again.receive_until("error").at("message").get<std::string>().starts_with(
      "too many wrong facilitator codes"));
  bool closed = false;
  try {
    for (int i = 0; i < 10; ++i)  // the baseline may still arrive first
      page.receive(5s);
  } catch (const beast::system_error&) {
    closed = true;
  }
  CHECK(closed);
  CHECK(RunningServer::eventually([&] { return s.log().size() >= 2; }));
  CHECK(s.log()[0] == "facilitator: wrong code from 127.0.0.1 (1 in a row)");
}

TEST_CASE("hostile facilitator messages are refused and the connection stays usable") {
  RunningServer s;
  Facilitator f(s.port());
  const std::pair<const char*, const char*> cases[] = {
      {R"({"type":"reset_team"})", "bad message: \"id\" is missing"},
      {R"({"type":"reset_team","id":"1"})",
       "bad message: \"id\": expected a team id (a positive integer), got a string"},
      {R"({"type":"reset_team","id":-1})",
       "bad message: \"id\": expected a team id (a positive integer), got -1"},
      {R"({"type":"reset_team","id":0.5})",
       "bad message: \"id\": expected a team id (a positive integer), got 0.5"},
      {R"({"type":"reset_team","id":1e300})",
       "bad message: \"id\": expected a team id (a positive integer), got 1e+300"},
      {R"({"type":"reset_team","id":[1]})",
       "bad message: \"id\": expected a team id (a positive integer), got an array"},
      {R"({"type":"reset_team","id":424242})", "there is no team 424242 in the room (any more)"},
      {R"({"type":"facilitate","code":7})",
       "bad message: \"code\": expected a string, got a number"},
      {R"({"type":"lock","id":{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":1}}}}}}}}})",
       "bad message: invalid JSON at byte 62: nested deeper than 8 levels"},
  };
  for (const auto& [text, expected] : cases) {
    f.send_text(text);
    const Json reply = f.receive_until("error");
    CHECK(reply.at("message").get<std::string>() == expected);
  }
  const std::string long_code(300, 'A');
  f.send_text(R"({"type":"facilitate","code":")" + long_code + R"("})");
  CHECK(f.receive_until("error").at("message").get<std::string>() ==
        "bad message: \"code\": longer than 256 characters");
  // The facilitator page plays no team.
  f.send(start(0, "Team 1"));
  CHECK(f.receive_until("error").at("message").get<std::string>() ==
        "this is the facilitator's page: teams play on the workshop page");
  f.send(command("lock"));
  CHECK(f.receive_until("room").at("locked").get<bool>());
}

TEST_CASE("the facilitator sees every page's teams, locks, reveals, resets and gets the YAML") {
  RunningServer s;
  Facilitator f(s.port());
  Client north(s.port()), south(s.port());
  north.receive_until("welcome");
  south.receive_until("welcome");
  run_to_done(north, 0, "Reds", {{"media.north_tv.slant", "0.6"}});
  run_to_done(south, 0, "Blues");
  // Both teams, from two pages, reach the facilitator with their strategy and outcomes.
  const Json reds = team_until(f, "Reds", "done");
  const Json blues = team_until(f, "Blues", "done");
  CHECK(reds.at("page").get<double>() != blues.at("page").get<double>());
  CHECK(reds.at("strategy").size() == 1);
  // Trust, political space, ties (this scenario has no programme: no spending).
  CHECK(reds.at("outcomes").size() == 3);
  const Json standings = f.receive_until("standings");
  CHECK(standings.at("replicates").get<double>() == 2);

  // Lock: every page hears it and the server refuses play.
  f.send(command("lock"));
  CHECK(north.receive_until("room").at("locked").get<bool>());
  CHECK(south.receive_until("room").at("locked").get<bool>());
  for (const char* type : {"start", "resume", "step", "reset", "pause", "remove"}) {
    north.send(Json::object({{"type", type}, {"team", 0}}));
    const Json refused = north.receive_until("error");
    CHECK(refused.at("team").get<double>() == 0);
    CHECK(refused.at("message").get<std::string>().starts_with(
        "the facilitator has locked the room"));
  }
  // A check is still answered while locked (the page may look, not play).
  north.send(Json::object({{"type", "validate"}, {"team", 0}}));
  CHECK(type_of(north.receive_until("valid")) == "valid");
  CHECK(s.server().active_runs() == 0);

  // Reveal: team pages get the standings, every finished team in them.
  f.send(command("reveal"));
  const Json revealed = south.receive_until("standings");
  CHECK(revealed.at("teams").size() == 2);

  // Reset one team: its page is told, the facilitator sees it ready again.
  f.send(Json::object({{"type", "reset_team"}, {"id", reds.at("id").get<double>()}}));
  const Json reset = north.receive_until("reset");
  CHECK(reset.at("team").get<double>() == 0);
  CHECK(reset.at("by").get<std::string>() == "facilitator");
  team_until(f, "Reds", "ready");

  // The debrief: each team's strategy as YAML, named after the team.
  f.send(command("debrief"));
  const Json debrief = f.receive_until("debrief");
  const auto& teams = debrief.at("teams");
  REQUIRE(teams.size() == 2);
  CHECK(teams[0].at("filename").get<std::string>() == "small-reds.yaml");
  CHECK(teams[0].at("text").get<std::string>().find("slant: 0.6") != std::string::npos);

  // Unlock, then reset all: play works again, and every team is cleared.
  f.send(command("unlock"));
  CHECK(!north.receive_until("room").at("locked").get<bool>());
  f.send(command("reset_all"));
  CHECK(south.receive_until("reset").at("by").get<std::string>() == "facilitator");
  north.send(start(0, "Reds"));
  CHECK(type_of(north.receive_until("started")) == "started");
}

TEST_CASE("a facilitator who drops out and comes back finds the room locked as it left it") {
  RunningServer s;
  Client page(s.port());
  page.receive_until("welcome");
  run_to_done(page, 1, "Greens");
  {
    Facilitator f(s.port());
    f.send(command("lock"));
    f.receive_until("room");
    f.drop();
  }
  // The lock outlives the facilitator's connection.
  page.send(start(1, "Greens"));
  CHECK(page.receive_until("error").at("message").get<std::string>().starts_with(
      "the facilitator has locked"));
  Client f(s.port());
  f.receive_until("welcome");
  f.send(Json::object({{"type", "facilitate"}, {"code", kFacilitatorCode}}));
  f.receive_until("facilitating");
  CHECK(f.receive_until("room").at("locked").get<bool>());
  const Json team = f.receive_until("team");
  CHECK(team.at("name").get<std::string>() == "Greens");
  CHECK(team.at("status").get<std::string>() == "done");
  const Json frames = f.receive_until("team_frames");
  CHECK(frames.at("frames").size() == 14);
}

TEST_CASE("with a join code, the facilitator code alone admits the facilitator's page") {
  RunningServer s(small_limits(), "ABCD-EFGH");
  Client f(s.port());
  CHECK(type_of(f.receive()) == "join_required");
  f.send(Json::object({{"type", "facilitate"}, {"code", kFacilitatorCode}}));
  CHECK(type_of(f.receive_until("welcome")) == "welcome");
  CHECK(type_of(f.receive_until("facilitating")) == "facilitating");
  // The join code does not make a page the facilitator's.
  Client team(s.port());
  team.receive();
  team.send_text(R"({"type":"join","code":"ABCD-EFGH"})");
  team.receive_until("welcome");
  team.send(command("lock"));
  CHECK(team.receive_until("error").at("message").get<std::string>().starts_with(
      "only the facilitator"));
}

TEST_CASE("facilitator pages are capped") {
  Limits limits = small_limits();
  limits.max_facilitators = 1;
  RunningServer s(limits);
  Facilitator first(s.port());
  Client second(s.port());
  second.receive_until("welcome");
  second.send(Json::object({{"type", "facilitate"}, {"code", kFacilitatorCode}}));
  CHECK(second.receive_until("error").at("message").get<std::string>().starts_with(
      "the facilitator's page is open 1 times already"));
}

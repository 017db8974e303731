// The server over real sockets on 127.0.0.1: the page over HTTP, and
// WebSocket round trips — runs that stream, bad messages, caps, a page that
// goes away, two pages at once, the join code and the origin check.
#include <catch2/catch.hpp>
#include <map>

#include "support.hpp"

namespace {

using namespace detente::serve;
using namespace detente::serve::test;

Json strategy_message(const std::string& type, int team,
                      std::vector<std::pair<std::string, std::string>> changes = {}) {
  Json strategy = Json::array();
  for (const auto& [path, value] : changes)
    strategy.push_back(Json::object({{"path", path}, {"value", value}}));
  return Json::object({{"type", type}, {"team", team}, {"strategy", std::move(strategy)}});
}

Json team_message(const std::string& type, int team) {
  return Json::object({{"type", type}, {"team", team}});
}

}  // namespace

TEST_CASE("the page and its files are served; anything else is not found") {
  RunningServer s;
  const auto page = http_get(s.port(), "/");
  CHECK(page.result_int() == 200);
  CHECK(std::string(page[http::field::content_type]) == "text/html; charset=utf-8");
  CHECK(page.body().find("<script type=\"module\" src=\"/app.js\">") != std::string::npos);
  CHECK(http_get(s.port(), "/app.js").body().find("new WebSocket") != std::string::npos);
  CHECK(std::string(page["Content-Security-Policy"]).find("default-src 'self'") == 0);
  for (const auto& a : web_assets()) {
    const auto r = http_get(s.port(), std::string(a.path));
    CHECK(r.result_int() == 200);
    CHECK(r.body() == a.body);
  }
  CHECK(http_get(s.port(), "/missing.js").result_int() == 404);
  CHECK(http_get(s.port(), "/../../etc/passwd").result_int() == 404);
}

TEST_CASE("a page is welcomed with the story and the knobs, then gets the baseline") {
  RunningServer s;
  Client page(s.port());
  const Json welcome = page.receive_until("welcome");
  const Json& scenario = *welcome.find("scenario");
  CHECK(scenario.at("name").get<std::string>() == "small");
  CHECK(scenario.at("description").get<std::string>() == "Two small towns for a test.");
  CHECK(scenario.at("steps").get<double>() == 52);
  const auto& knobs = welcome.at("knobs");
  REQUIRE(knobs.size() == s.workshop().knobs().size());
  CHECK(knobs[0].at("path").get<std::string>() == s.workshop().knobs()[0].path);
  const Json baseline = page.receive_until("baseline");
  CHECK(baseline.at("frames").size() == 14);
  CHECK(!baseline.at("series").empty());
}

TEST_CASE("a started run streams every recorded step, then says done") {
  RunningServer s;
  Client page(s.port());
  page.receive_until("welcome");
  page.send(strategy_message("start", 1, {{"dynamics.contact.rate", "0.3"}}));
  const Json started = page.receive_until("started");
  CHECK(started.at("team").get<double>() == 1);
  CHECK(started.at("replicates").get<double>() == 2);
  CHECK(started.at("markers").size() == 1);
  int frames = 0;
  double last_step = -1;
  for (;;) {
    const Json m = page.receive();
    if (type_of(m) == "baseline") continue;
    if (type_of(m) == "done") break;
    REQUIRE(type_of(m) == "frame");
    CHECK(m.at("run").get<double>() == started.at("run").get<double>());
    CHECK(m.at("step").get<double>() > last_step);
    last_step = m.at("step").get<double>();
    if (frames == 0) CHECK(m.contains("series"));
    const auto& lo = m.at("lo");
    const auto& hi = m.at("hi");
    REQUIRE(lo.size() == hi.size());
    for (std::size_t i = 0; i < lo.size(); ++i)
      if (lo[i].is_number()) CHECK(lo[i].get<double>() <= hi[i].get<double>());
    ++frames;
  }
  CHECK(frames == 14);
  CHECK(last_step == 52);
  CHECK(RunningServer::eventually([&] { return s.server().active_runs() == 0; }));
}

TEST_CASE("bad messages get a clear error and the connection stays usable") {
  RunningServer s;
  Client page(s.port());
  page.receive_until("welcome");
  page.send_text("not json");
  CHECK(page.receive_until("error").at("message").get<std::string>() ==
        "bad message: invalid JSON at byte 2: syntax error while parsing value - invalid "
        "literal; last read: 'no'");
  page.send_text(R"({"type":"launch"})");
  CHECK(page.receive_until("error").at("message").get<std::string>() ==
        "bad message: unknown type \"launch\"; expected join, start, pause, resume, step, reset, "
        "pace, validate, export, remove, facilitate, lock, unlock, reveal, hide, reset_team, "
        "reset_all or debrief");
  page.send_text(R"({"type":"start","team":7})");
  CHECK(page.receive_until("error").at("message").get<std::string>() ==
        "bad message: \"team\": expected an integer from 0 to 3, got 7");
  // A value the validator refuses: its own message, for that team.
  page.send(strategy_message("start", 0, {{"media.north_tv.slant", "3"}}));
  const Json refused = page.receive_until("error");
  CHECK(refused.at("team").get<double>() == 0);
  CHECK(refused.at("message").get<std::string>() ==
        "--set media.north_tv.slant=3: media[0].slant: expected a number in [-1, 1], got \"3\"");
  page.send(strategy_message("validate", 0, {{"population.groups.north.size", "9"}}));
  CHECK(page.receive_until("error").at("message").get<std::string>().find("not adjustable") !=
        std::string::npos);
  page.send(strategy_message("validate", 2, {{"media.north_tv.slant", "0.2"}}));
  CHECK(page.receive_until("valid").at("team").get<double>() == 2);
  CHECK(s.server().active_runs() == 0);
}

TEST_CASE("a message larger than the limit closes the connection with code 1009 (too big)") {
  RunningServer s;
  Client page(s.port());
  page.receive_until("welcome");
  page.send_text(std::string(20 * 1024, ' '));
  bool closed = false;
  try {
    for (int i = 0; i < 10; ++i)  // the baseline may still arrive first
      page.receive(std::chrono::seconds(5));
  } catch (const beast::system_error&) {
    closed = true;
  }
  CHECK(closed);
  CHECK(page.close_code() == 1009);
}

TEST_CASE("runs per page and in all are capped") {
  Limits limits = small_limits();
  limits.max_runs_per_client = 1;
  limits.max_runs = 2;
  RunningServer s(limits);
  Client a(s.port());
  a.receive_until("welcome");
  a.send(Json::object({{"type", "pace"}, {"steps_per_second", 2}}));  // keep runs going
  a.send(strategy_message("start", 0));
  a.receive_until("started");
  a.send(strategy_message("start", 1));
  CHECK(a.receive_until("error").at("message").get<std::string>() ==
        "this page has 1 simulations going, the most a page may run at once; reset one first");
  // Restarting the same team replaces its run rather than adding one.
  a.send(strategy_message("start", 0));
  a.receive_until("started");
  CHECK(s.server().active_runs() == 1);

  Client b(s.port());
  b.receive_until("welcome");
  b.send(Json::object({{"type", "pace"}, {"steps_per_second", 2}}));
  b.send(strategy_message("start", 0));
  b.receive_until("started");
  Client c(s.port());
  c.receive_until("welcome");
  c.send(strategy_message("start", 0));
  CHECK(c.receive_until("error").at("message").get<std::string>() ==
        "the server is running 2 simulations, the most it runs at once; try again when one "
        "finishes");
  b.send(team_message("reset", 0));
  b.receive_until("reset");
  CHECK(s.server().active_runs() == 1);
  c.send(strategy_message("start", 0));
  c.receive_until("started");
}

TEST_CASE("a page that disconnects stops its runs") {
  RunningServer s;
  {
    Client page(s.port());
    page.receive_until("welcome");
    page.send(Json::object({{"type", "pace"}, {"steps_per_second", 5}}));
    page.send(strategy_message("start", 0));
    page.send(strategy_message("start", 1));
    page.receive_until("frame");
    CHECK(RunningServer::eventually([&] { return s.server().active_runs() == 2; }));
    page.drop();
  }
  CHECK(RunningServer::eventually([&] { return s.server().active_runs() == 0; },
                                  std::chrono::seconds(5)));
}

TEST_CASE("two pages run at once and each hears only its own teams") {
  RunningServer s;
  Client a(s.port());
  Client b(s.port());
  a.receive_until("welcome");
  b.receive_until("welcome");
  a.send(strategy_message("start", 0, {{"dynamics.contact.rate", "0.5"}}));
  b.send(strategy_message("start", 0));
  const double run_a = a.receive_until("started").at("run").get<double>();
  const double run_b = b.receive_until("started").at("run").get<double>();
  CHECK(run_a != run_b);
  auto frames_until_done = [](Client& page, double run) {
    int frames = 0;
    for (;;) {
      const Json m = page.receive();
      if (type_of(m) == "frame") {
        CHECK(m.at("run").get<double>() == run);
        ++frames;
      }
      if (type_of(m) == "done") return frames;
    }
  };
  CHECK(frames_until_done(a, run_a) == 14);
  CHECK(frames_until_done(b, run_b) == 14);
}

TEST_CASE("a team that switches a programme on spends and marks its start; no one else does") {
  RunningServer s(small_limits(), "", 52, small_scenario_with_programmes());
  Client page(s.port());
  const Json welcome = page.receive_until("welcome");
  const Json& scenario = *welcome.find("scenario");
  // The menu, with the prices a team weighs but cannot change, and the budget.
  const auto& menu = scenario.at("programmes");
  REQUIRE(menu.size() == 2);
  CHECK(menu[0].at("name").get<std::string>() == "camp");
  CHECK(menu[0].at("type").get<std::string>() == "exchange_program");
  CHECK_FALSE(menu[0].at("enabled").get<bool>());
  CHECK(menu[0].find("cost")->at("per_participant").get<double>() == 2);
  CHECK(menu[1].at("triggered").get<bool>());
  CHECK(scenario.find("budget")->at("total").get<double>() == 500);
  CHECK(scenario.find("budget")->find("per_year")->is_null());
  // The scenario left alone marks only its crisis.
  REQUIRE(scenario.at("markers").size() == 1);
  CHECK(scenario.at("markers")[0].at("kind").get<std::string>() == "crisis");

  // "spending all" of a message's last frame (lo, mid, hi), by the series names.
  auto spending_index = [](const Json& series) {
    const auto& names = series;
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i].get<std::string>() == "spending all") return i;
    FAIL("no \"spending all\" series");
    return std::size_t{0};
  };
  const Json baseline = page.receive_until("baseline");
  const std::size_t at = spending_index(*baseline.find("series"));
  CHECK(baseline.at("frames").back().at("mid")[at].get<double>() == 0);

  page.send(strategy_message("start", 0, {{"interventions.camp.enabled", "true"}}));
  page.send(strategy_message("start", 1));
  std::map<int, Json> started;
  std::map<int, std::vector<Json>> frames;
  std::map<int, std::size_t> index;
  for (int done = 0; done < 2;) {
    const Json m = page.receive();
    if (type_of(m) == "done") ++done;
    if (type_of(m) == "error") FAIL(m.dump());
    if (type_of(m) == "started") started[int(m.at("team").get<double>())] = m;
    if (type_of(m) != "frame") continue;
    const int team = int(m.at("team").get<double>());
    if (m.contains("series")) index[team] = spending_index(m.at("series"));
    frames[team].push_back(m);
  }
  REQUIRE(frames[0].size() == 14);
  REQUIRE(frames[1].size() == 14);
  auto spent = [&](int team, std::size_t frame, const char* band) {
    return frames[team][frame].at(band)[index[team]].get<double>();
  };
  // 3 rounds of 8 a side at 2 a participant, the first in week 6: nothing
  // spent by week 4, all 96 by the end, in every replicate.
  CHECK(spent(0, 1, "mid") == 0);
  CHECK(spent(0, 13, "lo") == 3 * 8 * 2 * 2);
  CHECK(spent(0, 13, "hi") == 3 * 8 * 2 * 2);
  CHECK(spent(1, 13, "hi") == 0);
  const auto& camp_markers = started[0].at("markers");
  REQUIRE(camp_markers.size() == 2);
  CHECK(camp_markers[0].at("kind").get<std::string>() == "programme");
  CHECK(camp_markers[0].at("step").get<double>() == 6);
  CHECK(camp_markers[0].at("label").get<std::string>() == "camp starts");
  const auto& other_markers = started[1].at("markers");
  REQUIRE(other_markers.size() == 1);
  CHECK(other_markers[0].at("kind").get<std::string>() == "crisis");
}

TEST_CASE("pause holds a run, step advances it by one recorded step, reset ends it") {
  RunningServer s;
  Client page(s.port());
  page.receive_until("welcome");
  Json start = strategy_message("start", 0);
  start["paused"] = true;
  page.send(start);
  page.receive_until("started");
  CHECK(page.receive_until("paused").at("step").get<double>() == 0);
  page.send(team_message("step", 0));
  CHECK(page.receive_until("paused").at("step").get<double>() == 4);
  page.send(team_message("reset", 0));
  page.receive_until("reset");
  CHECK(s.server().active_runs() == 0);
  page.send(team_message("resume", 0));
  CHECK(page.receive_until("error").at("message").get<std::string>() ==
        "the team has no run to pause, resume or step; press play");
}

TEST_CASE("export sends the strategy as a scenario file") {
  RunningServer s;
  Client page(s.port());
  page.receive_until("welcome");
  Json m = strategy_message("export", 0, {{"dynamics.contact.rate", "0.3"}});
  m["name"] = "Team 1";
  page.send(m);
  const Json yaml = page.receive_until("yaml");
  CHECK(yaml.at("filename").get<std::string>() == "small-team-1.yaml");
  CHECK(yaml.at("text").get<std::string>() ==
        s.workshop().export_yaml(
            std::vector<detente::scenario::Override>{{"dynamics.contact.rate", "0.3"}}, "Team 1"));
}

TEST_CASE("with a join code, nothing happens before the right code") {
  RunningServer s(small_limits(), "ABCD-EFGH");
  {
    Client wrong(s.port());
    CHECK(type_of(wrong.receive()) == "join_required");
    wrong.send_text(R"({"type":"join","code":"ABCD-EFGX"})");
    CHECK(wrong.receive().at("message").get<std::string>().starts_with("wrong join code"));
    CHECK_THROWS_AS(wrong.receive(std::chrono::seconds(5)), beast::system_error);
  }
  {
    Client skipping(s.port());
    skipping.receive();
    skipping.send(strategy_message("start", 0));
    CHECK(skipping.receive().at("message").get<std::string>() == "give the join code first");
  }
  Client right(s.port());
  right.receive();
  right.send_text(R"({"type":"join","code":"abcd efgh"})");
  CHECK(type_of(right.receive()) == "welcome");
}

TEST_CASE("join codes compare whole, ignoring case and separators") {
  CHECK(join_code_matches("abcd-efgh", "ABCD-EFGH"));
  CHECK(join_code_matches("ABCDEFGH", "ABCD-EFGH"));
  CHECK_FALSE(join_code_matches("ABCD-EFG", "ABCD-EFGH"));
  CHECK_FALSE(join_code_matches("ABCD-EFGHI", "ABCD-EFGH"));
  CHECK_FALSE(join_code_matches("", "ABCD-EFGH"));
  CHECK_FALSE(join_code_matches("", ""));
  const std::string code = make_join_code();
  CHECK(code.size() == 9);
  CHECK(code[4] == '-');
  CHECK(code != make_join_code());
}

TEST_CASE("a WebSocket from another site's page is refused") {
  RunningServer s;
  CHECK_THROWS_AS(Client(s.port(), "http://elsewhere.example"), beast::system_error);
  Client same(s.port(), "http://127.0.0.1:" + std::to_string(s.port()));
  CHECK(type_of(same.receive_until("welcome")) == "welcome");
}

TEST_CASE("a page sending too fast is told so and its extra messages are ignored") {
  Limits limits = small_limits();
  limits.message_burst = 5;
  limits.messages_per_second = 1;
  RunningServer s(limits);
  Client page(s.port());
  page.receive_until("welcome");
  for (int i = 0; i < 8; ++i)
    page.send(strategy_message("validate", 0));
  // Replies until the server falls silent (the baseline may arrive among them).
  int valid = 0;
  int told = 0;
  try {
    for (;;) {
      const Json m = page.receive(std::chrono::milliseconds(1500));
      if (type_of(m) == "valid") ++valid;
      if (type_of(m) == "error" &&
          m.at("message").get<std::string>().starts_with("too many messages"))
        ++told;
    }
  } catch (const Timeout&) {
  }
  CHECK(valid == 5);
  CHECK(told == 1);  // once, not once per ignored message
}

TEST_CASE("only IP addresses are hosts, and loopback is told apart") {
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("::1"));
  CHECK(is_loopback_host("localhost"));
  CHECK_FALSE(is_loopback_host("0.0.0.0"));
  CHECK_THROWS_WITH(
      is_loopback_host("my-laptop"),
      "--host: expected an IP address such as 127.0.0.1 or 0.0.0.0, got \"my-laptop\"");
}

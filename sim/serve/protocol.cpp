#include "serve/protocol.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace detente::serve {
namespace {

constexpr std::size_t kMaxText = 256;  // a path, a value, a name, a code
// What the reader lets through: above what any command can hold (a strategy
// entry is three values, a text kMaxText bytes), so that the commands' own
// checks name the key, and a bound on what one message can build meanwhile.
JsonLimits message_limits(const Limits& limits) {
  return {limits.max_message_bytes, 8, std::max<std::size_t>(1024, 4 * limits.max_overrides + 64),
          4096};
}

const Json& member(const Json& message, std::string_view key, std::optional<int> team) {
  const Json* j = find_member(message, key);
  if (j == nullptr)
    throw ProtocolError(team, "bad message: \"" + std::string(key) + "\" is missing");
  return *j;
}

std::string text_of(const Json& j, std::string_view key, std::optional<int> team) {
  if (!j.is_string())
    throw ProtocolError(
        team, "bad message: \"" + std::string(key) + "\": expected a string, got " + kind_name(j));
  const auto& text = j.get_ref<const std::string&>();
  if (text.size() > kMaxText)
    throw ProtocolError(team, "bad message: \"" + std::string(key) + "\": longer than " +
                                  std::to_string(kMaxText) + " characters");
  return text;
}

std::string number_text(double d) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, d);
  return std::string(buffer, error == std::errc{} ? end : buffer);
}

int team_of(const Json& message, const Limits& limits) {
  const Json& t = member(message, "team", std::nullopt);
  const int max = limits.max_teams;
  const double team = t.is_number() ? t.get<double>() : -1;
  if (!t.is_number() || team != std::floor(team) || team < 0 || team >= max)
    throw ProtocolError(std::nullopt, "bad message: \"team\": expected an integer from 0 to " +
                                          std::to_string(max - 1) + ", got " +
                                          (t.is_number() ? number_text(team) : kind_name(t)));
  return static_cast<int>(team);
}

std::vector<scenario::Override> strategy_of(const Json& message, int team, const Limits& limits) {
  const Json* s = find_member(message, "strategy");
  std::vector<scenario::Override> out;
  if (s == nullptr) return out;
  if (!s->is_array())
    throw ProtocolError(team, "bad message: \"strategy\": expected an array, got " + kind_name(*s));
  if (s->size() > limits.max_overrides)
    throw ProtocolError(team, "bad message: \"strategy\": " + std::to_string(s->size()) +
                                  " changes, more than the workshop's " +
                                  std::to_string(limits.max_overrides));
  for (const Json& entry : *s) {
    if (!entry.is_object())
      throw ProtocolError(team, "bad message: \"strategy\" entries are objects {path, value}");
    const std::string path = text_of(member(entry, "path", team), "path", team);
    const Json& v = member(entry, "value", team);
    std::string value;
    if (v.is_string())
      value = text_of(v, "value", team);
    else if (v.is_number())
      value = number_text(v.get<double>());
    else if (v.is_boolean())
      value = v.get<bool>() ? "true" : "false";
    else
      throw ProtocolError(team, "bad message: \"value\" of " + path +
                                    ": expected a string, number or boolean, got " + kind_name(v));
    if (path.empty()) throw ProtocolError(team, "bad message: an empty \"path\" in \"strategy\"");
    out.push_back({path, value});
  }
  return out;
}

// A frame's number with the digits of a float: single precision is what the
// state holds, and it keeps frames small (a double's shortest digits are
// those of the float it came from, where a float's full value needs up to 17).
// Non-finite numbers stay so and are written as null.
double frame_number(double d) {
  if (!std::isfinite(d)) return d;
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, static_cast<float>(d));
  double shortest = d;
  if (error == std::errc{}) std::from_chars(buffer, end, shortest);
  return shortest;
}

Json frame_numbers(const std::vector<double>& values) {
  Json out = Json::array();
  for (const double v : values)
    out.push_back(frame_number(v));
  return out;
}

// step, lo, mid and hi of a frame, as members of `out`.
void add_frame(Json& out, const Frame& f) {
  out["step"] = f.step;
  out["lo"] = frame_numbers(f.lo);
  out["mid"] = frame_numbers(f.mid);
  out["hi"] = frame_numbers(f.hi);
}

Json markers_json(const scenario::Scenario& s) {
  Json out = Json::array();
  for (const Marker& m : markers_of(s))
    out.push_back(Json::object({{"step", m.step}, {"kind", m.kind}, {"label", m.label}}));
  return out;
}

// The programmes on the scenario's menu, with the prices a team cannot
// change (they are not knobs) but weighs against the budget.
Json programmes_json(const scenario::Scenario& s) {
  Json out = Json::array();
  for (const auto& p : s.interventions)
    out.push_back(Json::object({{"name", p.name},
                                {"type", p.type},
                                {"enabled", p.enabled},
                                {"triggered", !p.when.metric.empty()},
                                {"cost", Json::object({{"fixed", p.cost.fixed},
                                                       {"per_participant", p.cost.per_participant},
                                                       {"per_exposure", p.cost.per_exposure}})}}));
  return out;
}

Json optional_number(const std::optional<double>& value) {
  return value ? Json(*value) : Json();
}

Json knob_json(const Knob& k) {
  Json j = Json::object({{"path", k.path},
                         {"table_path", k.table_path},
                         {"section", k.section},
                         {"label", k.label},
                         {"entry", k.entry},
                         {"key", k.key},
                         {"kind", k.kind},
                         {"unit", k.unit},
                         {"range", k.range},
                         {"people_label", k.people_label},
                         {"help", k.help},
                         {"people_unit", k.people_unit},
                         {"advanced", k.advanced},
                         {"value", k.value}});
  if (k.kind == "choice") {
    Json choices = Json::array();
    for (const auto& c : k.choices)
      choices.push_back(c);
    j["choices"] = std::move(choices);
  } else if (k.kind != "boolean") {
    j["min"] = k.min;
    j["max"] = k.max;
    j["step"] = k.step;
  }
  return j;
}

// A team of the room, by the id the facilitator page was given.
std::uint64_t room_id_of(const Json& message) {
  const Json& j = member(message, "id", std::nullopt);
  constexpr double kMaxId = 9007199254740992.0;  // 2^53: every integer below is exact
  const double id = j.is_number() ? j.get<double>() : 0;
  if (!j.is_number() || id != std::floor(id) || id < 1 || id > kMaxId)
    throw ProtocolError(std::nullopt,
                        "bad message: \"id\": expected a team id (a positive integer), got " +
                            (j.is_number() ? number_text(id) : kind_name(j)));
  return static_cast<std::uint64_t>(id);
}

}  // namespace

bool facilitator_only(Command::Kind kind) {
  using Kind = Command::Kind;
  return kind == Kind::lock || kind == Kind::unlock || kind == Kind::reveal || kind == Kind::hide ||
         kind == Kind::reset_team || kind == Kind::reset_all || kind == Kind::debrief;
}

Command parse_command(std::string_view text, const Limits& limits) {
  Json message;
  try {
    message = parse_json(text, message_limits(limits));
  } catch (const JsonError& e) {
    throw ProtocolError(std::nullopt, std::string("bad message: ") + e.what());
  }
  if (!message.is_object())
    throw ProtocolError(std::nullopt,
                        "bad message: expected a JSON object, got " + kind_name(message));
  const std::string type = text_of(member(message, "type", std::nullopt), "type", std::nullopt);
  Command c;
  if (type == "join") {
    c.kind = Command::Kind::join;
    c.code = text_of(member(message, "code", std::nullopt), "code", std::nullopt);
    return c;
  }
  if (type == "facilitate") {
    c.kind = Command::Kind::facilitate;
    c.code = text_of(member(message, "code", std::nullopt), "code", std::nullopt);
    return c;
  }
  static constexpr std::pair<std::string_view, Command::Kind> kRoomCommands[] = {
      {"lock", Command::Kind::lock},
      {"unlock", Command::Kind::unlock},
      {"reveal", Command::Kind::reveal},
      {"hide", Command::Kind::hide},
      {"reset_all", Command::Kind::reset_all},
      {"debrief", Command::Kind::debrief},
      {"reset_team", Command::Kind::reset_team}};
  for (const auto& [name, kind] : kRoomCommands) {
    if (type != name) continue;
    c.kind = kind;
    if (kind == Command::Kind::reset_team) c.id = room_id_of(message);
    return c;
  }
  if (type == "pace") {
    c.kind = Command::Kind::pace;
    const Json& p = member(message, "steps_per_second", std::nullopt);
    if (!p.is_number() || p.get<double>() < 0 || p.get<double>() > 100000)
      throw ProtocolError(std::nullopt,
                          "bad message: \"steps_per_second\": expected a number from 0 to 100000");
    c.steps_per_second = p.get<double>();
    return c;
  }
  static constexpr std::pair<std::string_view, Command::Kind> kTeamCommands[] = {
      {"start", Command::Kind::start},        {"pause", Command::Kind::pause},
      {"resume", Command::Kind::resume},      {"step", Command::Kind::step},
      {"reset", Command::Kind::reset},        {"validate", Command::Kind::validate},
      {"export", Command::Kind::export_yaml}, {"remove", Command::Kind::remove}};
  for (const auto& [name, kind] : kTeamCommands) {
    if (type != name) continue;
    c.kind = kind;
    c.team = team_of(message, limits);
    if (kind == Command::Kind::start || kind == Command::Kind::validate ||
        kind == Command::Kind::export_yaml)
      c.strategy = strategy_of(message, c.team, limits);
    if (kind == Command::Kind::start) {
      if (const Json* p = find_member(message, "paused")) {
        if (!p->is_boolean())
          throw ProtocolError(c.team,
                              "bad message: \"paused\": expected a boolean, got " + kind_name(*p));
        c.paused = p->get<bool>();
      }
    }
    // A start or check without a name leaves the team's name as it was.
    if (kind == Command::Kind::export_yaml || kind == Command::Kind::start ||
        kind == Command::Kind::validate)
      c.name = find_member(message, "name")         ? text_of(message.at("name"), "name", c.team)
               : kind == Command::Kind::export_yaml ? "team " + std::to_string(c.team + 1)
                                                    : "";
    return c;
  }
  throw ProtocolError(std::nullopt, "bad message: unknown type \"" + type +
                                        "\"; expected join, start, pause, resume, step, reset, "
                                        "pace, validate, export, remove, facilitate, lock, "
                                        "unlock, reveal, hide, reset_team, reset_all or debrief");
}

std::string join_required_message() {
  return dump_json(Json::object({{"type", "join_required"}}));
}

std::string welcome_message(const Workshop& workshop, bool baseline_ready) {
  const scenario::Scenario& s = workshop.base();
  Json groups = Json::array();
  std::int64_t agents = 0;
  for (const auto& g : s.population.groups) {
    groups.push_back(Json::object({{"name", g.name}, {"size", g.size}}));
    agents += g.size;
  }
  Json knobs = Json::array();
  for (const Knob& k : workshop.knobs())
    knobs.push_back(knob_json(k));
  const Limits& l = workshop.limits();
  Json scenario =
      Json::object({{"name", s.name},
                    {"description", s.description},
                    {"steps", s.steps},
                    {"step_unit", s.step_unit},
                    {"every", s.outputs.every},
                    {"agents", agents},
                    {"groups", std::move(groups)},
                    {"markers", markers_json(s)},
                    {"programmes", programmes_json(s)},
                    {"budget", Json::object({{"total", optional_number(s.budget.total)},
                                             {"per_year", optional_number(s.budget.per_year)}})}});
  Json limits = Json::object({{"teams", l.max_teams},
                              {"replicates", l.replicates},
                              {"runs_per_client", l.max_runs_per_client}});
  return dump_json(Json::object({{"type", "welcome"},
                                 {"scenario", std::move(scenario)},
                                 {"knobs", std::move(knobs)},
                                 {"limits", std::move(limits)},
                                 {"baseline_ready", baseline_ready}}));
}

std::string error_message(std::optional<int> team, const std::string& message) {
  Json j = Json::object({{"type", "error"}});
  if (team) j["team"] = *team;
  j["message"] = message;
  return dump_json(j);
}

std::string started_message(int team, std::uint64_t run, const scenario::Scenario& s,
                            int replicates) {
  return dump_json(Json::object({{"type", "started"},
                                 {"team", team},
                                 {"run", run},
                                 {"steps", s.steps},
                                 {"replicates", replicates},
                                 {"markers", markers_json(s)}}));
}

std::string run_event_message(int team, std::uint64_t run, const RunEvent& e) {
  Json out;
  const auto head = [&](const char* type) {
    out = Json::object({{"type", type}, {"team", team}, {"run", run}});
  };
  switch (e.kind) {
    case RunEvent::Kind::frame: {
      head("frame");
      if (!e.series.empty()) out["series"] = e.series;
      add_frame(out, e.frame);
      if (!e.events.empty()) {
        Json events = Json::array();
        for (const auto& [replicate, ev] : e.events)
          events.push_back(Json::object({{"replicate", replicate},
                                         {"step", ev.step},
                                         {"event", ev.event},
                                         {"subject", ev.subject},
                                         {"detail", ev.detail}}));
        out["events"] = std::move(events);
      }
      return dump_json(out);
    }
    case RunEvent::Kind::paused:
      head("paused");
      out["step"] = e.step;
      return dump_json(out);
    case RunEvent::Kind::done:
      head("done");
      out["step"] = e.step;
      out["seconds"] = frame_number(e.seconds);
      return dump_json(out);
    case RunEvent::Kind::failed:
      break;
  }
  return error_message(team, "the simulation stopped: " + e.message);
}

std::string reset_message(int team, bool by_facilitator) {
  Json j = Json::object({{"type", "reset"}, {"team", team}});
  if (by_facilitator) j["by"] = "facilitator";
  return dump_json(j);
}

std::string facilitating_message() {
  return dump_json(Json::object({{"type", "facilitating"}}));
}

std::string debrief_message(const std::vector<TeamYaml>& teams) {
  Json list = Json::array();
  for (const auto& t : teams)
    list.push_back(Json::object({{"id", t.id}, {"filename", t.filename}, {"text", t.text}}));
  return dump_json(Json::object({{"type", "debrief"}, {"teams", std::move(list)}}));
}

Json plan_json(const scenario::CostPlan& plan) {
  Json programmes = Json::array();
  for (const auto& p : plan.programmes) {
    Json j = Json::object({{"name", p.name},
                           {"triggered", p.triggered},
                           {"first_round", p.first_round},
                           {"rounds", p.rounds},
                           {"first_round_cost", p.first_round_cost},
                           {"planned_cost", p.planned_cost},
                           {"funded_cost", p.funded_cost},
                           {"funded_rounds", p.funded_rounds},
                           {"cut_rank", p.cut_rank},
                           {"stop_reason", p.stop_reason}});
    j["stops_at"] = p.stops_at ? Json(*p.stops_at) : Json();
    programmes.push_back(std::move(j));
  }
  return Json::object({{"budget", optional_number(plan.budget)},
                       {"per_year", optional_number(plan.per_year)},
                       {"planned_total", plan.planned_total},
                       {"funded_total", plan.funded_total},
                       {"programmes", std::move(programmes)}});
}

std::string valid_message(int team, const Checked& checked) {
  Json warnings = Json::array();
  for (const auto& w : checked.warnings)
    warnings.push_back(w);
  return dump_json(Json::object({{"type", "valid"},
                                 {"team", team},
                                 {"warnings", std::move(warnings)},
                                 {"plan", plan_json(checked.plan)}}));
}

std::string yaml_message(int team, const std::string& filename, const std::string& text) {
  return dump_json(
      Json::object({{"type", "yaml"}, {"team", team}, {"filename", filename}, {"text", text}}));
}

std::string baseline_message(const std::vector<std::string>& series,
                             const std::vector<Frame>& frames) {
  Json list = Json::array();
  for (const Frame& f : frames) {
    Json frame = Json::object();
    add_frame(frame, f);
    list.push_back(std::move(frame));
  }
  return dump_json(
      Json::object({{"type", "baseline"}, {"series", series}, {"frames", std::move(list)}}));
}

}  // namespace detente::serve

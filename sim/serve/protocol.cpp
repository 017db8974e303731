#include "serve/protocol.hpp"

#include <charconv>
#include <cmath>

namespace detente::serve {
namespace {

constexpr std::size_t kMaxText = 256;  // a path, a value, a name, a code

std::string kind_word(const Json& j) {
  if (j.is_null()) return "null";
  if (j.is_bool()) return "a boolean";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  return "an object";
}

const Json& member(const Json& message, std::string_view key, std::optional<int> team) {
  const Json* j = message.find(key);
  if (j == nullptr)
    throw ProtocolError(team, "bad message: \"" + std::string(key) + "\" is missing");
  return *j;
}

std::string text_of(const Json& j, std::string_view key, std::optional<int> team) {
  if (!j.is_string())
    throw ProtocolError(
        team, "bad message: \"" + std::string(key) + "\": expected a string, got " + kind_word(j));
  if (j.as_string().size() > kMaxText)
    throw ProtocolError(team, "bad message: \"" + std::string(key) + "\": longer than " +
                                  std::to_string(kMaxText) + " characters");
  return j.as_string();
}

std::string number_text(double d) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, d);
  return std::string(buffer, error == std::errc{} ? end : buffer);
}

int team_of(const Json& message, const Limits& limits) {
  const Json& t = member(message, "team", std::nullopt);
  const int max = limits.max_teams;
  if (!t.is_number() || t.as_number() != std::floor(t.as_number()) || t.as_number() < 0 ||
      t.as_number() >= max)
    throw ProtocolError(std::nullopt,
                        "bad message: \"team\": expected an integer from 0 to " +
                            std::to_string(max - 1) + ", got " +
                            (t.is_number() ? number_text(t.as_number()) : kind_word(t)));
  return static_cast<int>(t.as_number());
}

std::vector<scenario::Override> strategy_of(const Json& message, int team, const Limits& limits) {
  const Json* s = message.find("strategy");
  std::vector<scenario::Override> out;
  if (s == nullptr) return out;
  if (!s->is_array())
    throw ProtocolError(team, "bad message: \"strategy\": expected an array, got " + kind_word(*s));
  if (s->as_array().size() > limits.max_overrides)
    throw ProtocolError(team, "bad message: \"strategy\": " + std::to_string(s->as_array().size()) +
                                  " changes, more than the workshop's " +
                                  std::to_string(limits.max_overrides));
  for (const Json& entry : s->as_array()) {
    if (!entry.is_object())
      throw ProtocolError(team, "bad message: \"strategy\" entries are objects {path, value}");
    const std::string path = text_of(member(entry, "path", team), "path", team);
    const Json& v = member(entry, "value", team);
    std::string value;
    if (v.is_string())
      value = text_of(v, "value", team);
    else if (v.is_number())
      value = number_text(v.as_number());
    else if (v.is_bool())
      value = v.as_bool() ? "true" : "false";
    else
      throw ProtocolError(team, "bad message: \"value\" of " + path +
                                    ": expected a string, number or boolean, got " + kind_word(v));
    if (path.empty()) throw ProtocolError(team, "bad message: an empty \"path\" in \"strategy\"");
    out.push_back({path, value});
  }
  return out;
}

void append_number(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  // Single precision is what the state holds, and keeps frames small.
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, static_cast<float>(d));
  out.append(buffer, error == std::errc{} ? end : buffer);
}

void append_numbers(std::string& out, const std::vector<double>& values) {
  out += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    append_number(out, values[i]);
  }
  out += ']';
}

void append_frame(std::string& out, const Frame& f) {
  out += "\"step\":" + std::to_string(f.step) + ",\"lo\":";
  append_numbers(out, f.lo);
  out += ",\"mid\":";
  append_numbers(out, f.mid);
  out += ",\"hi\":";
  append_numbers(out, f.hi);
}

Json markers_json(const scenario::Scenario& s) {
  Json out = Json::array();
  for (const Marker& m : markers_of(s))
    out.push(Json::object({{"step", m.step}, {"kind", m.kind}, {"label", m.label}}));
  return out;
}

// The programmes on the scenario's menu, with the prices a team cannot
// change (they are not knobs) but weighs against the budget.
Json programmes_json(const scenario::Scenario& s) {
  Json out = Json::array();
  for (const auto& p : s.interventions)
    out.push(Json::object({{"name", p.name},
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
      choices.push(c);
    j.set("choices", std::move(choices));
  } else if (k.kind != "boolean") {
    j.set("min", k.min).set("max", k.max).set("step", k.step);
  }
  return j;
}

// A team of the room, by the id the facilitator page was given.
std::uint64_t room_id_of(const Json& message) {
  const Json& j = member(message, "id", std::nullopt);
  constexpr double kMaxId = 9007199254740992.0;  // 2^53: every integer below is exact
  if (!j.is_number() || j.as_number() != std::floor(j.as_number()) || j.as_number() < 1 ||
      j.as_number() > kMaxId)
    throw ProtocolError(std::nullopt,
                        "bad message: \"id\": expected a team id (a positive integer), got " +
                            (j.is_number() ? number_text(j.as_number()) : kind_word(j)));
  return static_cast<std::uint64_t>(j.as_number());
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
    message = parse_json(text, JsonLimits{limits.max_message_bytes, 8});
  } catch (const JsonError& e) {
    throw ProtocolError(std::nullopt, std::string("bad message: ") + e.what());
  }
  if (!message.is_object())
    throw ProtocolError(std::nullopt,
                        "bad message: expected a JSON object, got " + kind_word(message));
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
    if (!p.is_number() || p.as_number() < 0 || p.as_number() > 100000)
      throw ProtocolError(std::nullopt,
                          "bad message: \"steps_per_second\": expected a number from 0 to 100000");
    c.steps_per_second = p.as_number();
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
      if (const Json* p = message.find("paused")) {
        if (!p->is_bool())
          throw ProtocolError(c.team,
                              "bad message: \"paused\": expected a boolean, got " + kind_word(*p));
        c.paused = p->as_bool();
      }
    }
    // A start or check without a name leaves the team's name as it was.
    if (kind == Command::Kind::export_yaml || kind == Command::Kind::start ||
        kind == Command::Kind::validate)
      c.name = message.find("name")                 ? text_of(*message.find("name"), "name", c.team)
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
  return Json::object({{"type", "join_required"}}).dump();
}

std::string welcome_message(const Workshop& workshop, bool baseline_ready) {
  const scenario::Scenario& s = workshop.base();
  Json groups = Json::array();
  std::int64_t agents = 0;
  for (const auto& g : s.population.groups) {
    groups.push(Json::object({{"name", g.name}, {"size", g.size}}));
    agents += g.size;
  }
  Json knobs = Json::array();
  for (const Knob& k : workshop.knobs())
    knobs.push(knob_json(k));
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
  return Json::object({{"type", "welcome"},
                       {"scenario", std::move(scenario)},
                       {"knobs", std::move(knobs)},
                       {"limits", std::move(limits)},
                       {"baseline_ready", baseline_ready}})
      .dump();
}

std::string error_message(std::optional<int> team, const std::string& message) {
  Json j = Json::object({{"type", "error"}});
  if (team) j.set("team", *team);
  j.set("message", message);
  return j.dump();
}

std::string started_message(int team, std::uint64_t run, const scenario::Scenario& s,
                            int replicates) {
  return Json::object({{"type", "started"},
                       {"team", team},
                       {"run", run},
                       {"steps", s.steps},
                       {"replicates", replicates},
                       {"markers", markers_json(s)}})
      .dump();
}

std::string run_event_message(int team, std::uint64_t run, const RunEvent& e) {
  const std::string head =
      ",\"team\":" + std::to_string(team) + ",\"run\":" + std::to_string(run) + ",";
  switch (e.kind) {
    case RunEvent::Kind::frame: {
      std::string out = "{\"type\":\"frame\"" + head;
      if (!e.series.empty()) {
        out += "\"series\":[";
        for (std::size_t i = 0; i < e.series.size(); ++i) {
          if (i) out += ',';
          append_json_string(out, e.series[i]);
        }
        out += "],";
      }
      append_frame(out, e.frame);
      if (!e.events.empty()) {
        out += ",\"events\":[";
        for (std::size_t i = 0; i < e.events.size(); ++i) {
          const auto& [replicate, ev] = e.events[i];
          out += i ? ",{" : "{";
          out += "\"replicate\":" + std::to_string(replicate) +
                 ",\"step\":" + std::to_string(ev.step) + ",\"event\":";
          append_json_string(out, ev.event);
          out += ",\"subject\":";
          append_json_string(out, ev.subject);
          out += ",\"detail\":";
          append_json_string(out, ev.detail);
          out += '}';
        }
        out += ']';
      }
      return out + "}";
    }
    case RunEvent::Kind::paused:
      return "{\"type\":\"paused\"" + head + "\"step\":" + std::to_string(e.step) + "}";
    case RunEvent::Kind::done: {
      std::string out =
          "{\"type\":\"done\"" + head + "\"step\":" + std::to_string(e.step) + ",\"seconds\":";
      append_number(out, e.seconds);
      return out + "}";
    }
    case RunEvent::Kind::failed:
      break;
  }
  return error_message(team, "the simulation stopped: " + e.message);
}

std::string reset_message(int team, bool by_facilitator) {
  Json j = Json::object({{"type", "reset"}, {"team", team}});
  if (by_facilitator) j.set("by", "facilitator");
  return j.dump();
}

std::string facilitating_message() {
  return Json::object({{"type", "facilitating"}}).dump();
}

std::string debrief_message(const std::vector<TeamYaml>& teams) {
  Json list = Json::array();
  for (const auto& t : teams)
    list.push(Json::object({{"id", t.id}, {"filename", t.filename}, {"text", t.text}}));
  return Json::object({{"type", "debrief"}, {"teams", std::move(list)}}).dump();
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
    j.set("stops_at", p.stops_at ? Json(*p.stops_at) : Json());
    programmes.push(std::move(j));
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
    warnings.push(w);
  return Json::object({{"type", "valid"},
                       {"team", team},
                       {"warnings", std::move(warnings)},
                       {"plan", plan_json(checked.plan)}})
      .dump();
}

std::string yaml_message(int team, const std::string& filename, const std::string& text) {
  return Json::object({{"type", "yaml"}, {"team", team}, {"filename", filename}, {"text", text}})
      .dump();
}

std::string baseline_message(const std::vector<std::string>& series,
                             const std::vector<Frame>& frames) {
  std::string out = "{\"type\":\"baseline\",\"series\":[";
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, series[i]);
  }
  out += "],\"frames\":[";
  for (std::size_t i = 0; i < frames.size(); ++i) {
    out += i ? ",{" : "{";
    append_frame(out, frames[i]);
    out += '}';
  }
  return out + "]}";
}

}  // namespace detente::serve

// One page's conversation: join, then commands for its teams. Each message
// is checked for shape (protocol.cpp), each strategy by the scenario
// validator (Workshop::resolve) on a check thread, and each run against the
// page's and the server's caps before it starts.
#include "serve/detail/ws_session.hpp"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "core/errors.hpp"
#include "serve/join_code.hpp"

namespace detente::serve::detail {

namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {

std::string peer_address(const boost::asio::ip::tcp::socket& socket) {
  beast::error_code ec;
  const auto peer = socket.remote_endpoint(ec);
  return ec ? std::string("an unknown address") : peer.address().to_string();
}

bool needs_check(const Command& c) {
  return c.kind == Command::Kind::start || c.kind == Command::Kind::validate ||
         c.kind == Command::Kind::export_yaml || c.kind == Command::Kind::debrief;
}

// What a team page may not do while the facilitator has locked the room.
bool changes_play(Command::Kind kind) {
  using Kind = Command::Kind;
  return kind == Kind::start || kind == Kind::pause || kind == Kind::resume || kind == Kind::step ||
         kind == Kind::reset || kind == Kind::remove;
}

constexpr const char* kLocked =
    "the facilitator has locked the room: strategies cannot change or play until they unlock it";

// The teams of the room as the debrief names them: a name two pages share
// gets its page number, so that no file overwrites another.
std::vector<std::pair<std::uint64_t, std::string>> debrief_names(const Room& room) {
  std::vector<std::pair<std::uint64_t, std::string>> out;
  for (const RoomTeam& t : room.teams()) {
    const auto same = std::count_if(room.teams().begin(), room.teams().end(),
                                    [&](const RoomTeam& o) { return o.name == t.name; });
    out.emplace_back(t.id, same > 1 ? t.name + " (page " + std::to_string(t.page) + ")" : t.name);
  }
  return out;
}

}  // namespace

WsSession::WsSession(boost::asio::ip::tcp::socket&& socket, Hub& hub)
    : ws_(std::move(socket)),
      timer_(ws_.get_executor()),
      check_timer_(ws_.get_executor()),
      hub_(hub),
      address_(peer_address(beast::get_lowest_layer(ws_).socket())),
      joined_(!hub.join_required()),
      teams_(static_cast<std::size_t>(hub.workshop.limits().max_teams)),
      tokens_(hub.workshop.limits().message_burst),
      refilled_(std::chrono::steady_clock::now()) {
  ++(joined_ ? hub_.clients : hub_.unjoined);
}

WsSession::~WsSession() {
  for (int t = 0; t < static_cast<int>(teams_.size()); ++t)
    stop_team(t);
  leave_room();
  --(joined_ ? hub_.clients : hub_.unjoined);
}

void Hub::broadcast(Audience to, const std::string& text) {
  for (const auto& weak : sockets)
    if (auto s = weak.lock();
        s && s->joined() && s->facilitator() == (to == Audience::facilitators))
      s->send(text);
}

// A team page's teams leave the room with it; a facilitator's place frees.
// The room hears of it in a handler of its own: close() may be called from
// inside a room's message (a page whose queue overflowed), and the room must
// not change under its own feet.
void WsSession::leave_room() {
  if (page_ != 0) {
    const auto page = page_;
    page_ = 0;
    boost::asio::post(hub_.ioc, [&room = hub_.room, page] { room.close_page(page); });
  }
  if (facilitator_) {
    facilitator_ = false;
    --hub_.facilitators;
    hub_.log("facilitator: the page from " + address_ + " left");
  }
}

void WsSession::start(beast::http::request<beast::http::string_body> request) {
  remember(hub_.sockets, shared_from_this());
  ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& r) { r.set(beast::http::field::server, "detente"); }));
  ws_.read_message_max(hub_.workshop.limits().max_message_bytes);
  ws_.async_accept(request, beast::bind_front_handler(&WsSession::on_accept, shared_from_this()));
  if (!joined_) {
    // A page that does not give the code in time gives up its place.
    timer_.expires_after(hub_.workshop.limits().join_timeout);
    timer_.async_wait([weak = weak_from_this()](beast::error_code ec) {
      if (auto self = weak.lock(); self && !ec) self->on_join_timeout();
    });
  }
}

void WsSession::on_join_timeout() {
  if (joined_ || closed_) return;
  send(error_message(std::nullopt, "no join code in time; reload the page to try again"));
  close_after_pause();
}

void WsSession::on_accept(beast::error_code ec) {
  if (ec) return close();
  open_ = true;
  if (joined_)
    send_welcome();
  else
    send(join_required_message());
  read();
}

void WsSession::send_welcome() {
  welcomed_ = true;
  send(welcome_message(hub_.workshop, hub_.baseline_ready));
  if (hub_.baseline_ready) send(hub_.baseline_message);
  if (facilitator_) return;
  page_ = hub_.room.open_page();
  for (std::string& text : hub_.room.page_welcome(page_))
    send(std::move(text));
}

void WsSession::read() {
  ws_.async_read(buffer_, beast::bind_front_handler(&WsSession::on_read, shared_from_this()));
}

void WsSession::on_read(beast::error_code ec, std::size_t) {
  // The page closed or the connection broke: its runs stop with it. (A
  // message over read_message_max has already been answered by the
  // WebSocket layer with close code 1009, "too big", which the page shows.)
  if (ec) return close();
  const std::string text = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  if (!ws_.got_text()) {
    send(error_message(std::nullopt, "bad message: expected JSON text, got binary data"));
  } else {
    handle(text);
  }
  if (!closed_) read();
}

void WsSession::send(std::string text) {
  // Before the handshake is done its own response is being written: nothing
  // else may write then (the hub only sends to joined(), i.e. open, pages).
  if (closed_ || !open_) return;
  if (queue_.size() >= hub_.workshop.limits().max_queued_messages) return close();
  queue_.push_back(std::move(text));
  if (queue_.size() == 1) write();
}

void WsSession::write() {
  ws_.text(true);
  ws_.async_write(boost::asio::buffer(queue_.front()),
                  beast::bind_front_handler(&WsSession::on_write, shared_from_this()));
}

void WsSession::on_write(beast::error_code ec, std::size_t) {
  if (ec) return close();
  queue_.pop_front();
  if (!queue_.empty()) write();
}

void WsSession::close() {
  if (closed_) return;
  closed_ = true;
  for (int t = 0; t < static_cast<int>(teams_.size()); ++t)
    stop_team(t);
  timer_.cancel();
  check_timer_.cancel();
  commands_.clear();
  leave_room();
  beast::error_code ignored;
  auto& socket = beast::get_lowest_layer(ws_).socket();
  socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

// After a refused join: let the page read why, then close.
void WsSession::close_after_pause() {
  for (int t = 0; t < static_cast<int>(teams_.size()); ++t)
    stop_team(t);
  timer_.expires_after(std::chrono::seconds(1));
  timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (!ec) self->close();
  });
}

// A token bucket: a burst of message_burst, then messages_per_second.
bool WsSession::within_rate() {
  const Limits& l = hub_.workshop.limits();
  const auto now = std::chrono::steady_clock::now();
  tokens_ = std::min(
      l.message_burst,
      tokens_ + l.messages_per_second * std::chrono::duration<double>(now - refilled_).count());
  refilled_ = now;
  if (tokens_ < 1) return false;
  tokens_ -= 1;
  return true;
}

void WsSession::handle(const std::string& text) {
  if (!within_rate()) {
    const auto now = std::chrono::steady_clock::now();
    if (now - warned_ > std::chrono::seconds(1)) {
      warned_ = now;
      send(error_message(std::nullopt, "too many messages: a page may send " +
                                           std::to_string(static_cast<int>(
                                               hub_.workshop.limits().messages_per_second)) +
                                           " a second; the last ones were ignored"));
    }
    return;
  }
  Command c;
  try {
    c = parse_command(text, hub_.workshop.limits());
  } catch (const ProtocolError& e) {
    send(error_message(e.team, e.what()));
    return;
  }
  if (c.kind == Command::Kind::facilitate) return facilitate(c);
  if (!joined_) return join(c);
  if (const std::string why = refusal(c); !why.empty()) {
    const bool for_team = !facilitator_only(c.kind) && c.kind != Command::Kind::pace;
    send(error_message(for_team ? std::optional(c.team) : std::nullopt, why));
    return;
  }
  queue(std::move(c));
}

std::string WsSession::refusal(const Command& c) const {
  if (facilitator_only(c.kind) && !facilitator_) {
    hub_.log("facilitator: a page from " + address_ +
             " that is not the facilitator's sent a facilitator's command");
    return "only the facilitator's page can lock, reset, reveal or write the room's debrief";
  }
  if (facilitator_ && !facilitator_only(c.kind) && c.kind != Command::Kind::join)
    return "this is the facilitator's page: teams play on the workshop page";
  if (hub_.room.locked() && changes_play(c.kind)) return kLocked;
  return "";
}

void WsSession::join(const Command& c) {
  if (c.kind != Command::Kind::join) {
    send(error_message(std::nullopt, "give the join code first"));
    return close_after_pause();
  }
  if (!code_accepted(c, hub_.options.join_code, "join")) return;
  if (!admit()) return;
  send_welcome();
}

bool WsSession::code_accepted(const Command& c, const std::string& expected,
                              const std::string& what) {
  // Guesses are limited per address (however many connections it opens)
  // and on the whole server (join_guard.hpp), join and facilitator codes
  // alike; a code is not even compared while its address must wait.
  const auto now = std::chrono::steady_clock::now();
  if (const auto wait = hub_.join_guard.must_wait(address_, now)) {
    const auto seconds = (wait->count() + 999) / 1000;
    send(error_message(std::nullopt, "too many wrong " + what + " codes: wait " +
                                         std::to_string(seconds) + " s before trying again"));
    hub_.log(what + ": a code from " + address_ + " was not checked: too many wrong codes");
    close_after_pause();
    return false;
  }
  if (expected.empty() || !join_code_matches(c.code, expected)) {
    const int misses = hub_.join_guard.failed(address_, now);
    hub_.log(what + ": wrong code from " + address_ + " (" + std::to_string(misses) + " in a row)");
    send(error_message(std::nullopt,
                       what == "join"
                           ? "wrong join code; ask the trainer for the code shown where the "
                             "server runs"
                           : "wrong facilitator code: open the facilitator's link that "
                             "detente serve printed where it runs"));
    close_after_pause();
    return false;
  }
  hub_.join_guard.succeeded(address_);
  return true;
}

bool WsSession::admit() {
  if (joined_) return true;
  if (hub_.clients >= hub_.workshop.limits().max_clients) {
    send(error_message(std::nullopt, "the workshop is full: " + std::to_string(hub_.clients) +
                                         " pages are open, the most this server takes"));
    close_after_pause();
    return false;
  }
  timer_.cancel();
  joined_ = true;
  --hub_.unjoined;
  ++hub_.clients;
  return true;
}

// The facilitator code makes this page the facilitator's, whether or not it
// had joined as a team page (on loopback every page has). It stops being a
// team page: its runs stop and its teams leave the room.
void WsSession::facilitate(const Command& c) {
  if (facilitator_) {
    send(error_message(std::nullopt, "this page is the facilitator's already"));
    return;
  }
  if (!code_accepted(c, hub_.options.facilitator_code, "facilitator")) return;
  if (hub_.facilitators >= hub_.workshop.limits().max_facilitators) {
    send(error_message(std::nullopt, "the facilitator's page is open " +
                                         std::to_string(hub_.facilitators) +
                                         " times already, the most this server takes; close one"));
    return close_after_pause();
  }
  if (!admit()) return;
  for (int t = 0; t < static_cast<int>(teams_.size()); ++t)
    stop_team(t);
  commands_.clear();
  leave_room();
  facilitator_ = true;
  ++hub_.facilitators;
  hub_.log("facilitator: the page from " + address_ + " is the facilitator's");
  if (!welcomed_) send_welcome();
  send(facilitating_message());
  for (std::string& text : hub_.room.snapshot())
    send(std::move(text));
}

void WsSession::queue(Command c) {
  if (commands_.size() >= hub_.workshop.limits().max_queued_commands) {
    send(error_message(c.kind == Command::Kind::pace ? std::nullopt : std::optional(c.team),
                       "busy: this page's earlier commands are still being checked; try again"));
    return;
  }
  commands_.push_back(std::move(c));
  if (!checking_) next();
}

// Handles the waiting commands in order until one needs a check thread.
void WsSession::next() {
  while (!commands_.empty() && !closed_) {
    if (needs_check(commands_.front())) return check(commands_.front());
    const Command c = std::move(commands_.front());
    commands_.pop_front();
    act(c);
  }
}

void WsSession::check(const Command& c) {
  checking_ = true;
  const std::uint64_t id = ++check_id_;
  check_timer_.expires_after(hub_.workshop.limits().check_timeout);
  check_timer_.async_wait([weak = weak_from_this(), id](beast::error_code ec) {
    if (auto self = weak.lock(); self && !ec) self->on_check_timeout(id);
  });
  // The debrief's teams as they are now, copied for the check thread.
  struct Export {
    std::uint64_t id;
    std::string name;
    std::vector<scenario::Override> strategy;
  };
  std::vector<Export> exports;
  if (c.kind == Command::Kind::debrief)
    for (const auto& [team_id, name] : debrief_names(hub_.room))
      exports.push_back({team_id, name, hub_.room.find(team_id)->strategy});
  boost::asio::post(*hub_.checks, [&workshop = hub_.workshop, c, id, exports = std::move(exports),
                                   executor = ws_.get_executor(), weak = weak_from_this()] {
    Checked result;
    try {
      if (c.kind == Command::Kind::debrief)
        for (const Export& e : exports)
          result.debrief.push_back({e.id, workshop.export_name(e.name) + ".yaml",
                                    workshop.export_yaml(e.strategy, e.name)});
      else if (c.kind == Command::Kind::export_yaml)
        result.yaml = workshop.export_yaml(c.strategy, c.name);
      else if (c.kind == Command::Kind::validate)
        result.validated = workshop.check(c.strategy);
      else
        result.scenario = std::make_shared<const scenario::Scenario>(workshop.resolve(c.strategy));
    } catch (const InputError& e) {
      result.error = e.what();
    } catch (const std::exception& e) {
      result.error = std::string("the server could not check this strategy: ") + e.what();
    }
    boost::asio::post(executor, [weak, id, result = std::move(result)]() mutable {
      if (auto self = weak.lock()) self->on_checked(id, std::move(result));
    });
  });
}

void WsSession::on_checked(std::uint64_t id, Checked result) {
  if (id != check_id_ || !checking_ || closed_) return;  // answered already (timed out)
  check_timer_.cancel();
  checking_ = false;
  const Command c = std::move(commands_.front());
  commands_.pop_front();
  finish_check(c, std::move(result));
  next();
}

void WsSession::on_check_timeout(std::uint64_t id) {
  if (id != check_id_ || !checking_ || closed_) return;
  ++check_id_;  // the late answer will be dropped
  checking_ = false;
  const Command c = std::move(commands_.front());
  commands_.pop_front();
  send(error_message(c.kind == Command::Kind::debrief ? std::nullopt : std::optional(c.team),
                     c.kind == Command::Kind::debrief
                         ? "the server took too long to write every team's strategy; try again"
                         : "the server took too long to check this strategy; simplify it"));
  next();
}

void WsSession::finish_check(const Command& c, Checked result) {
  if (result.error) {
    send(error_message(c.kind == Command::Kind::debrief ? std::nullopt : std::optional(c.team),
                       *result.error));
    return;
  }
  switch (c.kind) {
    case Command::Kind::start:
      return start_run(c, std::move(result.scenario));
    case Command::Kind::validate:
      hub_.room.named(page_, c.team, c.name, c.strategy);
      send(valid_message(c.team, *result.validated));
      return;
    case Command::Kind::debrief:
      send(debrief_message(result.debrief));
      return;
    case Command::Kind::export_yaml:
      send(yaml_message(c.team, hub_.workshop.export_name(c.name) + ".yaml", result.yaml));
      return;
    default:
      return;
  }
}

void WsSession::act(const Command& c) {
  using Kind = Command::Kind;
  switch (c.kind) {
    case Kind::join:
      send(error_message(std::nullopt, "already joined"));
      return;
    case Kind::pause:
    case Kind::resume:
    case Kind::step: {
      Team& team = teams_[static_cast<std::size_t>(c.team)];
      if (!team.run) {
        send(error_message(c.team, "the team has no run to pause, resume or step; press play"));
        return;
      }
      if (c.kind == Kind::pause) team.run->pause();
      if (c.kind == Kind::resume) team.run->resume();
      if (c.kind == Kind::step) team.run->step();
      return;
    }
    case Kind::reset:
      stop_team(c.team);
      hub_.room.cleared(page_, c.team);
      send(reset_message(c.team));
      return;
    case Kind::remove:
      stop_team(c.team);
      hub_.room.removed(page_, c.team);
      send(reset_message(c.team));
      return;
    case Kind::pace:
      pace_ = c.steps_per_second;
      for (Team& team : teams_)
        if (team.run) team.run->set_pace(pace_);
      return;
    case Kind::start:
    case Kind::validate:
    case Kind::export_yaml:
    case Kind::debrief:
      return;  // through check()
    default:
      return act_for_room(c);
  }
}

// The facilitator's commands (refusal() has made sure this page is the facilitator's).
void WsSession::act_for_room(const Command& c) {
  using Kind = Command::Kind;
  Room& room = hub_.room;
  const auto reset = [&](const RoomTeam& t) {
    if (!t.page_open) return room.forget(t.id);  // its page has gone: nothing to stop
    for (const auto& weak : hub_.sockets)
      if (auto s = weak.lock(); s && !s->facilitator() && s->page() == t.page)
        return s->reset_by_facilitator(t.team);
  };
  switch (c.kind) {
    case Kind::lock:
    case Kind::unlock:
      room.lock(c.kind == Kind::lock);
      hub_.log(std::string("facilitator: room ") + (room.locked() ? "locked" : "unlocked"));
      return;
    case Kind::reveal:
    case Kind::hide:
      room.reveal(c.kind == Kind::reveal);
      hub_.log(std::string("facilitator: results ") + (room.revealed() ? "revealed" : "hidden"));
      return;
    case Kind::reset_team: {
      const RoomTeam* t = room.find(c.id);
      if (t == nullptr) {
        send(error_message(std::nullopt,
                           "there is no team " + std::to_string(c.id) + " in the room (any more)"));
        return;
      }
      return reset(RoomTeam(*t));
    }
    case Kind::reset_all: {
      const std::vector<RoomTeam> teams = room.teams();  // a reset changes the list
      for (const RoomTeam& t : teams)
        reset(t);
      return;
    }
    default:
      return;
  }
}

void WsSession::reset_by_facilitator(int t) {
  stop_team(t);
  hub_.room.cleared(page_, t);
  send(reset_message(t, true));
}

void WsSession::start_run(const Command& c, std::shared_ptr<const scenario::Scenario> resolved) {
  const Limits& limits = hub_.workshop.limits();
  if (hub_.room.locked()) {  // locked while the strategy was being checked
    send(error_message(c.team, kLocked));
    return;
  }
  Team& team = teams_[static_cast<std::size_t>(c.team)];
  const int mine = static_cast<int>(
      std::count_if(teams_.begin(), teams_.end(), [](const Team& t) { return t.active; }));
  if (!team.active && mine >= limits.max_runs_per_client) {
    send(error_message(c.team, "this page has " + std::to_string(mine) +
                                   " simulations going, the most a page may run at once; reset "
                                   "one first"));
    return;
  }
  if (!team.active && hub_.active_runs.load() >= limits.max_runs) {
    send(error_message(c.team, "the server is running " + std::to_string(limits.max_runs) +
                                   " simulations, the most it runs at once; try again when one "
                                   "finishes"));
    return;
  }
  stop_team(c.team);
  team.id = hub_.next_run_id++;
  // The sink runs on the run's thread: encode there, then hand the text to
  // the network thread, which drops it if the page has gone or the team has
  // moved on to another run.
  auto sink = [executor = ws_.get_executor(), weak = weak_from_this(), t = c.team,
               id = team.id](RunEvent event) {
    std::string text = run_event_message(t, id, event);
    boost::asio::post(executor,
                      [weak, t, id, event = std::move(event), text = std::move(text)]() mutable {
                        if (auto self = weak.lock())
                          self->on_run_event(t, id, std::move(event), std::move(text));
                      });
  };
  team.run = std::make_unique<TeamRun>(resolved, limits.replicates, c.paused, std::move(sink));
  team.run->set_pace(pace_);
  team.active = true;
  ++hub_.active_runs;
  // Before the run's first frame, which is posted after this handler ends.
  send(started_message(c.team, team.id, *resolved, limits.replicates));
  hub_.room.started(page_, c.team, team.id, c.name, c.strategy);
  team.run->start();
}

void WsSession::stop_team(int t) {
  Team& team = teams_[static_cast<std::size_t>(t)];
  team.run.reset();  // cancels and joins
  if (team.active) {
    team.active = false;
    --hub_.active_runs;
  }
}

void WsSession::on_run_event(int t, std::uint64_t id, RunEvent event, std::string text) {
  Team& team = teams_[static_cast<std::size_t>(t)];
  if (team.id != id || !team.run) return;
  const auto kind = event.kind;
  if ((kind == RunEvent::Kind::done || kind == RunEvent::Kind::failed) && team.active) {
    team.active = false;
    --hub_.active_runs;
  }
  send(std::move(text));
  if (kind == RunEvent::Kind::frame) hub_.room.frame(page_, t, id, event);
  if (kind == RunEvent::Kind::paused) hub_.room.paused(page_, t, id, event.step);
  if (kind == RunEvent::Kind::done || kind == RunEvent::Kind::failed)
    hub_.room.finished(page_, t, id, event);
}

}  // namespace detente::serve::detail

#pragma once
// One open page: its WebSocket, its teams' runs and its message budget.
// Everything here runs on the network thread; runs reach it by posting.
//
// A page's commands are handled in the order they came. Those that carry a
// strategy (start, validate, export) are read and validated on the hub's
// check threads, one at a time per page and within Limits::check_timeout;
// commands behind one wait in a short queue, so that a pause sent right
// after a start still finds the run.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "serve/detail/hub.hpp"
#include "serve/protocol.hpp"

namespace detente::serve::detail {

class WsSession : public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(boost::asio::ip::tcp::socket&& socket, Hub& hub);
  ~WsSession();
  void start(boost::beast::http::request<boost::beast::http::string_body> request);
  // Queues a text message.
  void send(std::string text);
  // Stops every run and closes the connection now.
  void close();
  // Open (handshake done) and joined (code given, when one is asked).
  bool joined() const { return open_ && joined_; }
  // Gave the facilitator code: hears the room, may lock, reset and reveal.
  bool facilitator() const { return facilitator_; }
  // Its number in the room (0 for a facilitator's page).
  std::uint64_t page() const { return page_; }
  // The facilitator reset one of this page's teams: stop it, tell the page.
  void reset_by_facilitator(int team);

 private:
  struct Team {
    std::unique_ptr<TeamRun> run;
    std::uint64_t id = 0;
    bool active = false;  // counted in hub_.active_runs
  };

  void on_accept(boost::beast::error_code ec);
  void read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void write();
  void on_write(boost::beast::error_code ec, std::size_t bytes);

  // What a check thread hands back: the strategy's scenario (start), its
  // YAML (export), or the validator's message.
  struct Checked {
    std::shared_ptr<const scenario::Scenario> scenario;
    std::optional<serve::Checked> validated;  // warnings and the cost plan
    std::string yaml;
    std::vector<TeamYaml> debrief;  // every team of the room
    std::optional<std::string> error;
  };

  void handle(const std::string& text);
  void join(const Command& c);
  void facilitate(const Command& c);
  // A guess at a code: false (and the page told, then closed) when its
  // address must wait or the code is wrong (join_guard.hpp).
  bool code_accepted(const Command& c, const std::string& expected, const std::string& what);
  bool admit();  // a place among the joined pages; false (refused) when full
  // Why this command may not be acted on now (lock, role), or empty.
  std::string refusal(const Command& c) const;
  void act_for_room(const Command& c);
  void leave_room();
  void on_join_timeout();
  void queue(Command c);
  void next();
  void check(const Command& c);
  void on_checked(std::uint64_t id, Checked result);
  void on_check_timeout(std::uint64_t id);
  void act(const Command& c);
  void finish_check(const Command& c, Checked result);
  void start_run(const Command& c, std::shared_ptr<const scenario::Scenario> resolved);
  void stop_team(int team);
  void on_run_event(int team, std::uint64_t id, RunEvent event, std::string text);
  void send_welcome();
  void close_after_pause();
  bool within_rate();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  std::deque<std::string> queue_;
  boost::asio::steady_timer timer_;
  boost::asio::steady_timer check_timer_;
  Hub& hub_;
  std::string address_;  // the peer's IP address, for the join guard and the log
  bool joined_;
  bool open_ = false;  // the WebSocket handshake is done: writes may start
  bool welcomed_ = false;
  bool facilitator_ = false;
  std::uint64_t page_ = 0;  // in hub_.room, while a team page
  bool closed_ = false;
  std::vector<Team> teams_;
  double pace_ = 0;
  double tokens_;
  std::chrono::steady_clock::time_point refilled_;
  std::chrono::steady_clock::time_point warned_;
  std::deque<Command> commands_;  // waiting, in order; the front one may be in a check
  bool checking_ = false;
  std::uint64_t check_id_ = 0;  // the check in flight; a late answer has an older id
};

}  // namespace detente::serve::detail

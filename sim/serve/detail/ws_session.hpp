#pragma once
// One open page: its WebSocket, its teams' runs and its message budget.
// Everything here runs on the network thread; runs reach it by posting.
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

  void handle(const std::string& text);
  void join(const Command& c);
  void act(const Command& c);
  void start_run(const Command& c);
  void stop_team(int team);
  void on_run_event(int team, std::uint64_t id, RunEvent::Kind kind, std::string text);
  void send_welcome();
  void close_after_pause();
  bool within_rate();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  std::deque<std::string> queue_;
  boost::asio::steady_timer timer_;
  Hub& hub_;
  bool joined_;
  bool open_ = false;  // the WebSocket handshake is done: writes may start
  bool closed_ = false;
  std::vector<Team> teams_;
  double pace_ = 0;
  double tokens_;
  std::chrono::steady_clock::time_point refilled_;
  std::chrono::steady_clock::time_point warned_;
};

}  // namespace detente::serve::detail

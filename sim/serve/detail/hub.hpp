#pragma once
// What the server and its connections share. Touched only on the network
// thread, except the two atomics, which tests and the command line read.
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "serve/join_guard.hpp"
#include "serve/room.hpp"
#include "serve/server.hpp"
#include "serve/team_run.hpp"
#include "serve/workshop.hpp"

namespace detente::serve::detail {

class HttpSession;
class WsSession;

struct Hub {
  Hub(const Workshop& w, const ServerOptions& o, boost::asio::io_context& io)
      : workshop(w),
        options(o),
        ioc(io),
        room(w.limits(), [this](Audience to, const std::string& text) { broadcast(to, text); }) {}

  const Workshop& workshop;
  ServerOptions options;
  boost::asio::io_context& ioc;

  std::atomic<int> active_runs{0};  // team runs going, every page
  std::atomic<bool> baseline_ready{false};
  int clients = 0;       // open WebSocket connections that have joined (the page cap)
  int unjoined = 0;      // open WebSocket connections still to give the join code
  int facilitators = 0;  // joined connections that gave the facilitator code
  bool stopping = false;
  std::uint16_t port = 0;  // the port listened on: requests must name it in Host
  JoinGuard join_guard;
  // Strategies are read and validated here, off the network thread: a slow
  // check holds up its own page only. Owned by the server, which joins it
  // before its io_context goes.
  boost::asio::thread_pool* checks = nullptr;
  std::uint64_t next_run_id = 1;

  std::vector<std::weak_ptr<HttpSession>> pages;
  std::vector<std::weak_ptr<WsSession>> sockets;

  // The baseline as it arrives, then as one message for every page.
  std::vector<std::string> baseline_series;
  std::vector<Frame> baseline_frames;
  std::string baseline_message;

  // Every team of every page, the lock and the reveal: the facilitator's view.
  Room room;
  // Sends `text` to every joined page of that audience (ws_session.cpp).
  void broadcast(Audience to, const std::string& text);

  bool join_required() const { return !options.join_code.empty(); }
  void log(const std::string& line) const {
    if (options.log) options.log(line);
  }
};

// Drops expired entries, then adds `session`.
template <class T>
void remember(std::vector<std::weak_ptr<T>>& list, const std::shared_ptr<T>& session) {
  std::erase_if(list, [](const std::weak_ptr<T>& w) { return w.expired(); });
  list.push_back(session);
}

}  // namespace detente::serve::detail

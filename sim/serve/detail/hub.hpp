#pragma once
// What the server and its connections share. Touched only on the network
// thread, except the two atomics, which tests and the command line read.
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "serve/server.hpp"
#include "serve/team_run.hpp"
#include "serve/workshop.hpp"

namespace detente::serve::detail {

class HttpSession;
class WsSession;

struct Hub {
  Hub(const Workshop& w, const ServerOptions& o, boost::asio::io_context& io)
      : workshop(w), options(o), ioc(io) {}

  const Workshop& workshop;
  ServerOptions options;
  boost::asio::io_context& ioc;

  std::atomic<int> active_runs{0};  // team runs going, every page
  std::atomic<bool> baseline_ready{false};
  int clients = 0;  // open WebSocket connections
  bool stopping = false;
  std::uint64_t next_run_id = 1;

  std::vector<std::weak_ptr<HttpSession>> pages;
  std::vector<std::weak_ptr<WsSession>> sockets;

  // The baseline as it arrives, then as one message for every page.
  std::vector<std::string> baseline_series;
  std::vector<Frame> baseline_frames;
  std::string baseline_message;

  bool join_required() const { return !options.join_code.empty(); }
};

// Drops expired entries, then adds `session`.
template <class T>
void remember(std::vector<std::weak_ptr<T>>& list, const std::shared_ptr<T>& session) {
  std::erase_if(list, [](const std::weak_ptr<T>& w) { return w.expired(); });
  list.push_back(session);
}

}  // namespace detente::serve::detail

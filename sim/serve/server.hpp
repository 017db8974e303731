#pragma once
// The workshop server: the page over HTTP and one WebSocket per open page,
// on one network thread; each team's simulation on a thread of its own
// (TeamRun), at most Limits::max_runs at once.
//
//   serve::Workshop workshop(text, "scenarios/workshop.yaml", limits);
//   serve::ServerOptions options;             // 127.0.0.1, port 8642
//   options.port = 0;                         // any free port
//   serve::Server server(workshop, options);  // listening from here on
//   std::cout << server.port();
//   std::thread t([&] { server.run(); });     // until stop()
//   …
//   server.stop();  t.join();
//
// A page that closes its connection stops its runs. The baseline (the
// workshop's scenario unchanged, the same replicates) is run once at start
// and sent to every page: the reference each team's gain is measured against.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "serve/workshop.hpp"

namespace detente::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8642;  // 0: a free port chosen by the system
  // Required from every page when not empty (constant-time comparison).
  std::string join_code;
  // What makes a page the facilitator's (lock, reset, reveal, the all-teams
  // debrief); it also admits the page where a join code is asked. Empty: no
  // page can be the facilitator's.
  std::string facilitator_code;
  // Stop gracefully on SIGINT and SIGTERM (for the command line).
  bool handle_signals = false;
  // Where the server reports what a trainer should know: wrong join codes
  // and lockouts, running out of connections. Called on the network thread;
  // empty: not reported.
  std::function<void(const std::string&)> log;
};

// Whether `host` is a loopback address (127.0.0.0/8, ::1 or "localhost").
// Throws InputError when it is not an IP address or "localhost".
bool is_loopback_host(const std::string& host);

class Server {
 public:
  // Binds and listens; throws InputError when the address is bad or taken.
  Server(const Workshop& workshop, const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  std::uint16_t port() const;
  // Serves until stop() (or a signal, with handle_signals); then every run
  // has been stopped and every connection closed.
  void run();
  // Thread-safe; returns at once.
  void stop();

  // Simulations going now (team runs of every page; not the baseline).
  int active_runs() const;
  bool baseline_ready() const;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace detente::serve

#pragma once
// Shared by the workshop-server tests: a small workshop scenario (fast to
// run), a server on 127.0.0.1 with a free port on its own thread, and a
// WebSocket client whose every wait is bounded.
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "serve/assets.hpp"
#include "serve/join_code.hpp"
#include "serve/json.hpp"
#include "serve/server.hpp"
#include "serve/workshop.hpp"

namespace detente::serve::test {

// Two groups of 150 for a year of weeks, a crisis at week 20: a run takes
// well under a second, and every knob kind is present.
inline std::string small_scenario(int steps = 52) {
  return R"(name: small
description: Two small towns for a test.
seed: 7
steps: )" +
         std::to_string(steps) +
         R"(
population:
  groups:
    - {name: north, size: 150, trust: 0.5}
    - {name: south, size: 150, trust: 0.4}
network:
  within: {model: watts_strogatz, mean_degree: 6, rewire: 0.1}
  between: {mean_degree: 0.5}
dynamics:
  shocks:
    events:
      - {step: 20, magnitude: 0.3, surge_steps: 4}
media:
  - {name: north_tv, audience: [north], slant: -0.4}
  - {name: south_tv, audience: [south], slant: -0.5}
outputs:
  every: 4
)";
}

// The same towns with a convener's menu of two programmes, both switched
// off as in the workshop's scenario: a 3-round exchange of 8 a side at 2 a
// participant (96 in all when it runs) and a campaign.
inline std::string small_scenario_with_programmes(int steps = 52) {
  return small_scenario(steps) + R"(interventions:
  - name: camp
    type: exchange_program
    enabled: false
    start: 6
    every: 8
    rounds: 3
    cohort: 8
    conditions: {equal_status: 1, common_goal: 1, cooperation: 1}
    cost: {per_participant: 2}
  - name: spots
    type: media_campaign
    enabled: false
    start: 10
    every: 2
    rounds: 5
    cost: {fixed: 1, per_exposure: 0.01}
    when: {metric: mean, subject: north->south, below: 0.45}
budget:
  total: 500
)";
}

// The facilitator code of every RunningServer.
inline const std::string kFacilitatorCode = "FFFF-GGGG";

inline Limits small_limits() {
  Limits l;
  l.replicates = 2;
  return l;
}

// A Server on 127.0.0.1:0 running on its own thread; stopped and joined on
// destruction.
class RunningServer {
 public:
  // `yaml` empty: small_scenario(steps).
  explicit RunningServer(const Limits& limits = small_limits(), std::string join_code = "",
                         int steps = 52, const std::string& yaml = "")
      : workshop_(yaml.empty() ? small_scenario(steps) : yaml, "small.yaml", limits),
        server_(workshop_, options(std::move(join_code))),
        thread_([this] { server_.run(); }) {}
  ~RunningServer() {
    server_.stop();
    thread_.join();
  }
  std::uint16_t port() const { return server_.port(); }
  Server& server() { return server_; }
  // What the server has logged so far (ServerOptions::log).
  std::vector<std::string> log() const {
    const std::lock_guard lock(log_mutex_);
    return log_;
  }
  const Workshop& workshop() const { return workshop_; }

  // Polls `predicate` every 10 ms for up to `timeout`; whether it came true.
  template <class F>
  static bool eventually(F predicate,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
      if (predicate()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return predicate();
  }

 private:
  ServerOptions options(std::string join_code) {
    ServerOptions o;
    o.host = "127.0.0.1";
    o.port = 0;
    o.join_code = std::move(join_code);
    o.facilitator_code = kFacilitatorCode;
    o.log = [this](const std::string& line) {
      const std::lock_guard lock(log_mutex_);
      log_.push_back(line);
    };
    return o;
  }
  mutable std::mutex log_mutex_;
  std::vector<std::string> log_;
  Workshop workshop_;
  Server server_;
  std::thread thread_;
};

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

// An HTTP GET to 127.0.0.1:port; the response.
inline http::response<http::string_body> http_get(std::uint16_t port, const std::string& target) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.expires_after(std::chrono::seconds(10));
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  http::request<http::empty_body> request{http::verb::get, target, 11};
  request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  return response;
}

class Timeout : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A page's WebSocket, as a test drives it. Every wait is bounded.
class Client {
 public:
  // `origin` empty: no Origin header (as a program, not a browser); `host`
  // empty: the Host header names 127.0.0.1:port.
  explicit Client(std::uint16_t port, const std::string& origin = "", const std::string& host = "")
      : ws_(ioc_), port_(port) {
    beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(10));
    beast::get_lowest_layer(ws_).connect(
        net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    if (!origin.empty())
      ws_.set_option(websocket::stream_base::decorator(
          [origin](websocket::request_type& r) { r.set(http::field::origin, origin); }));
    ws_.handshake(host.empty() ? "127.0.0.1:" + std::to_string(port) : host, "/ws");
    beast::get_lowest_layer(ws_).expires_never();
  }

  void send_text(const std::string& text) {
    ws_.text(true);
    ws_.write(net::buffer(text));
  }
  void send(const Json& message) { send_text(message.dump()); }

  // The next message; throws Timeout when none comes in time and
  // beast::system_error when the server closed the connection.
  Json receive(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    bool done = false;
    beast::error_code error;
    buffer_.consume(buffer_.size());
    ws_.async_read(buffer_, [&](beast::error_code ec, std::size_t) {
      error = ec;
      done = true;
    });
    ioc_.restart();
    ioc_.run_for(timeout);
    if (!done) {
      beast::get_lowest_layer(ws_).cancel();
      ioc_.restart();
      ioc_.run_for(std::chrono::seconds(2));
      throw Timeout("no message from the server in time");
    }
    if (error) throw beast::system_error(error);
    return parse_json(beast::buffers_to_string(buffer_.data()), JsonLimits{1 << 24, 32});
  }

  // Messages until one of type `type` (returned); throws Timeout.
  Json receive_until(const std::string& type,
                     std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          end - std::chrono::steady_clock::now());
      if (left.count() <= 0) throw Timeout("no \"" + type + "\" message in time");
      Json m = receive(left);
      if (m.contains("type") && m.at("type").get<std::string>() == type) return m;
    }
  }

  // The close code the server sent, after receive() threw because it closed.
  int close_code() const { return static_cast<int>(ws_.reason().code); }

  // Closes the TCP connection abruptly, as a closed laptop would.
  void drop() {
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).socket().close(ignored);
  }

 private:
  net::io_context ioc_;
  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  std::uint16_t port_;
};

inline std::string type_of(const Json& m) {
  return m.contains("type") ? m.at("type").get<std::string>() : "";
}

}  // namespace detente::serve::test

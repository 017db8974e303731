// The listener, the baseline, and an orderly stop: close the door, stop every
// run, close every connection, and let the network thread run dry.
#include "serve/server.hpp"

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <chrono>
#include <csignal>

#include "core/errors.hpp"
#include "serve/detail/http_session.hpp"
#include "serve/detail/hub.hpp"
#include "serve/detail/ws_session.hpp"
#include "serve/protocol.hpp"

namespace detente::serve {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

net::ip::address address_of(const std::string& host) {
  if (host == "localhost") return net::ip::make_address("127.0.0.1");
  boost::system::error_code ec;
  const auto address = net::ip::make_address(host, ec);
  if (ec)
    throw InputError("--host: expected an IP address such as 127.0.0.1 or 0.0.0.0, got \"" + host +
                     "\"");
  return address;
}

}  // namespace

bool is_loopback_host(const std::string& host) {
  return address_of(host).is_loopback();
}

// Members are destroyed in reverse order: the baseline run and the checks'
// threads (which post to the io_context) before the io_context, the
// io_context (whose pending handlers hold sessions) before the hub the
// sessions refer to.
class Server::Impl {
 public:
  Impl(const Workshop& workshop, const ServerOptions& options)
      : hub_(workshop, options, ioc_), acceptor_(ioc_), signals_(ioc_), accept_timer_(ioc_) {
    hub_.checks = &checks_;
    listen();
    if (options.handle_signals) {
      signals_.add(SIGINT);
      signals_.add(SIGTERM);
      signals_.async_wait([this](boost::system::error_code ec, int) {
        if (!ec) shutdown();
      });
    }
    start_baseline();
  }

  std::uint16_t port() const { return port_; }
  void run() { ioc_.run(); }
  void stop() {
    net::post(ioc_, [this] { shutdown(); });
  }
  int active_runs() const { return hub_.active_runs.load(); }
  bool baseline_ready() const { return hub_.baseline_ready.load(); }

 private:
  void listen() {
    const tcp::endpoint endpoint(address_of(hub_.options.host), hub_.options.port);
    boost::system::error_code ec;
    const std::string where = hub_.options.host + ":" + std::to_string(hub_.options.port);
    if (acceptor_.open(endpoint.protocol(), ec); !ec)
      if (acceptor_.set_option(net::socket_base::reuse_address(true), ec); !ec)
        if (acceptor_.bind(endpoint, ec); !ec)
          acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
      throw InputError("cannot listen on " + where + ": " + ec.message() +
                       (ec == net::error::address_in_use ? "; choose another --port" : ""));
    port_ = acceptor_.local_endpoint().port();
    hub_.port = port_;
    accept();
  }

  void accept() {
    acceptor_.async_accept(
        net::make_strand(ioc_), [this](boost::system::error_code ec, tcp::socket socket) {
          if (hub_.stopping || ec == net::error::operation_aborted) return;  // closed: stopping
          if (ec) return accept_failed(ec);
          if (accept_wait_.count() > 0) hub_.log("accepting connections again");
          accept_wait_ = {};
          std::make_shared<detail::HttpSession>(std::move(socket), hub_)->start();
          accept();
        });
  }

  // A failed accept is never the end of listening. Out of descriptors or
  // memory (many idle connections), the connection waits in the queue until
  // others close: try again after a pause that grows to a second, rather than
  // spin. Anything else (a connection reset before it was taken): try again now.
  void accept_failed(const boost::system::error_code& ec) {
    const bool exhausted = ec == net::error::no_descriptors ||
                           ec == boost::system::errc::too_many_files_open_in_system ||
                           ec == net::error::no_buffer_space || ec == net::error::no_memory;
    if (!exhausted) return accept();
    if (accept_wait_.count() == 0)
      hub_.log("cannot accept more connections (" + ec.message() +
               "); waiting for open ones to close");
    accept_wait_ = std::clamp(accept_wait_ * 2, std::chrono::milliseconds(20),
                              std::chrono::milliseconds(1000));
    accept_timer_.expires_after(accept_wait_);
    accept_timer_.async_wait([this](boost::system::error_code wait_error) {
      if (!wait_error && !hub_.stopping) accept();
    });
  }

  // The workshop's scenario as written, once, with the teams' replicates:
  // the reference for every team's gain (same seed, so the difference is the
  // strategy, not the noise).
  void start_baseline() {
    auto scenario = std::make_shared<const scenario::Scenario>(hub_.workshop.base());
    auto sink = [this](RunEvent event) {
      net::post(ioc_,
                [this, event = std::move(event)]() mutable { on_baseline(std::move(event)); });
    };
    baseline_ = std::make_unique<TeamRun>(scenario, hub_.workshop.limits().replicates, false,
                                          std::move(sink));
    baseline_->start();
  }

  void on_baseline(RunEvent event) {
    if (hub_.stopping) return;
    if (event.kind == RunEvent::Kind::frame) {
      if (!event.series.empty()) hub_.baseline_series = std::move(event.series);
      hub_.baseline_frames.push_back(std::move(event.frame));
      return;
    }
    if (event.kind != RunEvent::Kind::done) return;  // failure: pages go on without it
    hub_.baseline_message = baseline_message(hub_.baseline_series, hub_.baseline_frames);
    hub_.baseline_ready = true;
    for (const auto& weak : hub_.sockets)
      if (auto s = weak.lock(); s && s->joined()) s->send(hub_.baseline_message);
    hub_.room.set_baseline(Finals{hub_.baseline_series, std::move(event.final_values)});
  }

  void shutdown() {
    if (hub_.stopping) return;
    hub_.stopping = true;
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    accept_timer_.cancel();
    signals_.cancel(ignored);
    baseline_.reset();
    for (const auto& weak : hub_.sockets)
      if (auto s = weak.lock()) s->close();
    for (const auto& weak : hub_.pages)
      if (auto p = weak.lock()) p->close();
  }

  detail::Hub hub_;
  net::io_context ioc_{1};
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer accept_timer_;
  std::chrono::milliseconds accept_wait_{0};
  std::uint16_t port_ = 0;
  net::thread_pool checks_{2};
  std::unique_ptr<TeamRun> baseline_;
};

Server::Server(const Workshop& workshop, const ServerOptions& options)
    : impl_(std::make_unique<Impl>(workshop, options)) {}
Server::~Server() = default;
std::uint16_t Server::port() const {
  return impl_->port();
}
void Server::run() {
  impl_->run();
}
void Server::stop() {
  impl_->stop();
}
int Server::active_runs() const {
  return impl_->active_runs();
}
bool Server::baseline_ready() const {
  return impl_->baseline_ready();
}

}  // namespace detente::serve

// The listener, the baseline, and an orderly stop: close the door, stop every
// run, close every connection, and let the network thread run dry.
#include "serve/server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>
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

// Members are destroyed in reverse order: the baseline run (which posts to
// the io_context) before the io_context, the io_context (whose pending
// handlers hold sessions) before the hub the sessions refer to.
class Server::Impl {
 public:
  Impl(const Workshop& workshop, const ServerOptions& options)
      : hub_(workshop, options, ioc_), acceptor_(ioc_), signals_(ioc_) {
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
    accept();
  }

  void accept() {
    acceptor_.async_accept(
        net::make_strand(ioc_), [this](boost::system::error_code ec, tcp::socket socket) {
          if (ec || hub_.stopping) return;  // closed: stopping
          std::make_shared<detail::HttpSession>(std::move(socket), hub_)->start();
          accept();
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
  }

  void shutdown() {
    if (hub_.stopping) return;
    hub_.stopping = true;
    boost::system::error_code ignored;
    acceptor_.close(ignored);
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
  std::uint16_t port_ = 0;
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

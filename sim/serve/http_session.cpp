// Serving the page's files, and checking a WebSocket upgrade before handing
// the connection on: right path, this server's own address and origin (a
// page from elsewhere must not drive this server through the trainer's
// browser, see origin.hpp), room for one more page.
#include "serve/detail/http_session.hpp"

#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <chrono>

#include "serve/assets.hpp"
#include "serve/detail/ws_session.hpp"
#include "serve/origin.hpp"

namespace detente::serve::detail {

namespace beast = boost::beast;
namespace http = beast::http;

namespace {

// The page's code and styles come from this server only; it talks to this
// server only; no other site may frame it.
constexpr const char* kPolicy =
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

}  // namespace

HttpSession::HttpSession(boost::asio::ip::tcp::socket&& socket, Hub& hub)
    : stream_(std::move(socket)), hub_(hub) {}

void HttpSession::start() {
  remember(hub_.pages, shared_from_this());
  read();
}

void HttpSession::close() {
  beast::error_code ignored;
  stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
}

void HttpSession::read() {
  parser_.emplace();
  parser_->header_limit(8 * 1024);
  parser_->body_limit(4 * 1024);  // the page only GETs
  // An idle connection holds a descriptor: it gets seconds, not minutes.
  stream_.expires_after(hub_.workshop.limits().request_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
  if (ec) return close();
  Request request = parser_->release();
  if (!addressed_to_us(request)) return refuse(request, http::status::forbidden, wrong_host());
  if (beast::websocket::is_upgrade(request)) return upgrade(std::move(request));
  respond(request);
}

bool HttpSession::addressed_to_us(const Request& request) {
  const auto host = request.find(http::field::host);
  beast::error_code ec;
  const auto local = stream_.socket().local_endpoint(ec);
  return host != request.end() && !ec &&
         host_allowed(std::string_view(host->value().data(), host->value().size()), local.address(),
                      hub_.port);
}

std::string HttpSession::wrong_host() {
  beast::error_code ec;
  const auto local = stream_.socket().local_endpoint(ec);
  const std::string address = ec ? std::string("its IP address") : local.address().to_string();
  return "this server answers only to its own address: open http://" + address + ":" +
         std::to_string(hub_.port) + "/";
}

void HttpSession::refuse(const Request& request, http::status status, const std::string& why) {
  Response r{status, request.version()};
  r.set(http::field::server, "detente");
  r.set(http::field::content_type, "text/plain; charset=utf-8");
  r.body() = why + "\n";
  r.keep_alive(false);
  r.prepare_payload();
  send(std::move(r));
}

void HttpSession::upgrade(Request&& request) {
  const auto refuse = [&](http::status status, const std::string& why) {
    this->refuse(request, status, why);
  };
  const std::string_view target(request.target().data(), request.target().size());
  if (target != "/ws")
    return refuse(http::status::not_found, "no WebSocket at " + std::string(target));
  // A browser always names the page that opens a WebSocket: it must be ours.
  const auto origin = request.find(http::field::origin);
  const auto host = request.find(http::field::host);
  if (origin != request.end() &&
      !origin_allowed(std::string_view(origin->value().data(), origin->value().size()),
                      std::string_view(host->value().data(), host->value().size())))
    return refuse(http::status::forbidden, "the workshop only talks to its own page");
  if (hub_.stopping) return refuse(http::status::service_unavailable, "the server is stopping");
  const Limits& limits = hub_.workshop.limits();
  // Pages still to give the join code have a cap of their own (and a few
  // seconds to give it), so idle connections cannot lock the room out.
  if (hub_.join_required() && hub_.unjoined >= limits.max_unjoined)
    return refuse(http::status::service_unavailable,
                  "too many pages are waiting to join: " + std::to_string(hub_.unjoined) +
                      "; try again in a few seconds");
  if (!hub_.join_required() && hub_.clients >= limits.max_clients)
    return refuse(http::status::service_unavailable,
                  "the workshop is full: " + std::to_string(hub_.clients) +
                      " pages are open, the most this server takes");
  stream_.expires_never();
  std::make_shared<WsSession>(stream_.release_socket(), hub_)->start(std::move(request));
}

void HttpSession::respond(const Request& request) {
  Response r{http::status::ok, request.version()};
  r.set(http::field::server, "detente");
  r.set("X-Content-Type-Options", "nosniff");
  r.set(http::field::cache_control, "no-store");
  r.set("Content-Security-Policy", kPolicy);
  r.keep_alive(request.keep_alive());
  const auto asset = find_asset(std::string_view(request.target().data(), request.target().size()));
  if (request.method() != http::verb::get && request.method() != http::verb::head) {
    r.result(http::status::method_not_allowed);
    r.set(http::field::allow, "GET, HEAD");
    r.set(http::field::content_type, "text/plain; charset=utf-8");
    r.body() = "only GET and HEAD\n";
  } else if (!asset) {
    r.result(http::status::not_found);
    r.set(http::field::content_type, "text/plain; charset=utf-8");
    r.body() = "not found\n";
  } else {
    r.set(http::field::content_type,
          boost::beast::string_view(asset->content_type.data(), asset->content_type.size()));
    if (request.method() == http::verb::get) r.body() = std::string(asset->body);
  }
  r.prepare_payload();
  if (request.method() == http::verb::head && asset) r.content_length(asset->body.size());
  send(std::move(r));
}

void HttpSession::send(Response&& response) {
  response_ = std::make_shared<Response>(std::move(response));
  const bool close = response_->need_eof();
  stream_.expires_after(hub_.workshop.limits().request_timeout);
  http::async_write(stream_, *response_,
                    beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), close));
}

void HttpSession::on_write(bool close_after, beast::error_code ec, std::size_t) {
  response_.reset();
  if (ec || close_after || hub_.stopping) return close();
  read();
}

}  // namespace detente::serve::detail

#pragma once
// Who may talk to the workshop server, from the headers of a request.
//
// A browser page from anywhere on the internet can try to reach a server on
// the trainer's laptop: directly (the browser sends that page's Origin), or
// by "DNS rebinding", where the attacker's own host name is made to resolve
// to 127.0.0.1 so that the page's origin and the request's Host both name the
// attacker's site. So the Host header must name the address the connection
// actually arrived at, as an IP address (or `localhost` on loopback), with
// the server's port, and a browser's Origin must be that same host: a page
// served from a host name is refused, whatever that name resolves to.
//
//   serve::host_allowed("127.0.0.1:8642", local_address, 8642);          // true
//   serve::host_allowed("evil.example:8642", local_address, 8642);       // false
//   serve::origin_allowed("http://127.0.0.1:8642", "127.0.0.1:8642");    // true
#include <boost/asio/ip/address.hpp>
#include <cstdint>
#include <string_view>

namespace detente::serve {

// Whether `host` (a Host header: address or `localhost`, with an optional
// port) names `local` (the address the connection reached, after turning an
// IPv4-mapped IPv6 address back into IPv4) on `port`. `localhost` is taken
// only on a loopback address.
bool host_allowed(std::string_view host, const boost::asio::ip::address& local, std::uint16_t port);

// Whether a browser's Origin header is this server's own page: exactly
// `http://` + the request's Host (letters compared without case).
bool origin_allowed(std::string_view origin, std::string_view host);

}  // namespace detente::serve

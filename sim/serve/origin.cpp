#include "serve/origin.hpp"

#include <charconv>
#include <optional>
#include <string>

namespace detente::serve {
namespace {

namespace ip = boost::asio::ip;

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool same_letters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

ip::address unmapped(const ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, a.to_v6());
  return a;
}

struct HostPort {
  std::string_view name;
  std::optional<std::uint16_t> port;
};

// "name[:port]" or "[v6]:port"; nullopt when malformed.
std::optional<HostPort> split(std::string_view host) {
  HostPort out;
  std::string_view rest;
  if (!host.empty() && host.front() == '[') {
    const auto close = host.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    out.name = host.substr(1, close - 1);
    rest = host.substr(close + 1);
  } else {
    const auto colon = host.find(':');
    out.name = host.substr(0, colon);
    rest = colon == std::string_view::npos ? std::string_view{} : host.substr(colon);
  }
  if (rest.empty()) return out;
  if (rest.front() != ':' || rest.size() < 2) return std::nullopt;
  rest.remove_prefix(1);
  std::uint16_t port = 0;
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), port);
  if (error != std::errc{} || end != rest.data() + rest.size()) return std::nullopt;
  out.port = port;
  return out;
}

}  // namespace

bool host_allowed(std::string_view host, const ip::address& local, std::uint16_t port) {
  const auto parts = split(host);
  if (!parts || parts->name.empty() || parts->port.value_or(80) != port) return false;
  const ip::address here = unmapped(local);
  if (same_letters(parts->name, "localhost")) return here.is_loopback();
  boost::system::error_code ec;
  const ip::address named = ip::make_address(std::string(parts->name), ec);
  return !ec && unmapped(named) == here;
}

bool origin_allowed(std::string_view origin, std::string_view host) {
  constexpr std::string_view scheme = "http://";
  return origin.size() > scheme.size() && same_letters(origin.substr(0, scheme.size()), scheme) &&
         same_letters(origin.substr(scheme.size()), host);
}

}  // namespace detente::serve

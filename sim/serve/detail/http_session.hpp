#pragma once
// One HTTP connection: serves the page's files, and hands a WebSocket
// upgrade on /ws to a WsSession after checking where it comes from.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <memory>
#include <optional>

#include "serve/detail/hub.hpp"

namespace detente::serve::detail {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket&& socket, Hub& hub);
  void start();
  void close();

 private:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;
  using Response = boost::beast::http::response<boost::beast::http::string_body>;

  void read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void upgrade(Request&& request);
  void respond(const Request& request);
  // Whether the Host header names the address this connection reached (origin.hpp).
  bool addressed_to_us(const Request& request);
  std::string wrong_host();
  void refuse(const Request& request, boost::beast::http::status status, const std::string& why);
  void send(Response&& response);
  void on_write(bool close, boost::beast::error_code ec, std::size_t bytes);

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::shared_ptr<Response> response_;
  Hub& hub_;
};

}  // namespace detente::serve::detail

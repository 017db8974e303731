// A recursive-descent JSON reader with limits, and a compact writer. The
// reader refuses rather than guesses: the text comes from the network.
#include "serve/json.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace detente::serve {
namespace {

const char* kind_name(const Json& j) {
  if (j.is_null()) return "null";
  if (j.is_bool()) return "a boolean";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  return "an object";
}

[[noreturn]] void wrong_kind(const Json& j, const char* wanted) {
  throw JsonError(std::string("expected ") + wanted + ", got " + kind_name(j));
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

class Reader {
 public:
  Reader(std::string_view text, const JsonLimits& limits) : text_(text), limits_(limits) {}

  Json document() {
    if (text_.size() > limits_.max_bytes)
      throw JsonError("message of " + std::to_string(text_.size()) + " bytes, more than the " +
                      std::to_string(limits_.max_bytes) + " allowed");
    skip_space();
    Json value = parse_value(0);
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the JSON value");
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw JsonError("invalid JSON at byte " + std::to_string(pos_) + ": " + what);
  }

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r'))
      ++pos_;
  }

  bool consume(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Json parse_value(std::size_t depth) {
    if (depth > limits_.max_depth)
      fail("nested deeper than " + std::to_string(limits_.max_depth) + " levels");
    if (pos_ >= text_.size()) fail("unexpected end of text");
    const char c = text_[pos_];
    if (c == '{') return parse_object(depth);
    if (c == '[') return parse_array(depth);
    if (c == '"') return Json(parse_string());
    if (consume("true")) return Json(true);
    if (consume("false")) return Json(false);
    if (consume("null")) return Json();
    if (c == '-' || (c >= '0' && c <= '9')) return Json(parse_number());
    fail(std::string("unexpected character '") + c + "'");
  }

  Json parse_object(std::size_t depth) {
    ++pos_;  // {
    Json out(Json::Object{});
    skip_space();
    if (consume("}")) return out;
    for (;;) {
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != '"') fail("expected a key in quotes");
      std::string key = parse_string();
      if (out.find(key) != nullptr) fail("the key \"" + key + "\" is given twice");
      skip_space();
      if (!consume(":")) fail("expected ':' after a key");
      skip_space();
      Json value = parse_value(depth + 1);
      out.set(std::move(key), std::move(value));
      skip_space();
      if (consume("}")) return out;
      if (!consume(",")) fail("expected ',' or '}' in an object");
    }
  }

  Json parse_array(std::size_t depth) {
    ++pos_;  // [
    Json out(Json::Array{});
    skip_space();
    if (consume("]")) return out;
    for (;;) {
      skip_space();
      out.push(parse_value(depth + 1));
      skip_space();
      if (consume("]")) return out;
      if (!consume(",")) fail("expected ',' or ']' in an array");
    }
  }

  std::uint32_t hex4() {
    if (pos_ + 4 > text_.size()) fail("incomplete \\u escape");
    std::uint32_t code = 0;
    const auto [end, error] =
        std::from_chars(text_.data() + pos_, text_.data() + pos_ + 4, code, 16);
    if (error != std::errc{} || end != text_.data() + pos_ + 4) fail("bad \\u escape");
    pos_ += 4;
    return code;
  }

  std::string parse_string() {
    ++pos_;  // opening quote
    std::string out;
    for (;;) {
      if (pos_ >= text_.size()) fail("unterminated string");
      const char c = text_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) fail("unterminated escape");
      const char e = text_[pos_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          std::uint32_t code = hex4();
          if (code >= 0xD800 && code <= 0xDBFF) {
            if (!consume("\\u")) fail("a high surrogate without its low surrogate");
            const std::uint32_t low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate without its low surrogate");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          } else if (code >= 0xDC00 && code <= 0xDFFF) {
            fail("a low surrogate without its high surrogate");
          }
          append_utf8(out, code);
          break;
        }
        default:
          fail(std::string("unknown escape \\") + e);
      }
    }
  }

  double parse_number() {
    const std::size_t start = pos_;
    if (text_[pos_] == '-') ++pos_;
    auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9')
        ++pos_;
      return pos_ - from;
    };
    const std::size_t int_start = pos_;
    if (digits() == 0) fail("expected digits");
    if (text_[int_start] == '0' && pos_ - int_start > 1) fail("leading zero in a number");
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (digits() == 0) fail("expected digits after '.'");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (digits() == 0) fail("expected digits in the exponent");
    }
    double value = 0;
    const auto [end, error] = std::from_chars(text_.data() + start, text_.data() + pos_, value);
    if (error != std::errc{} || end != text_.data() + pos_ || !std::isfinite(value))
      fail("number out of range");
    return value;
  }

  std::string_view text_;
  const JsonLimits& limits_;
  std::size_t pos_ = 0;
};

}  // namespace

bool Json::as_bool() const {
  if (!is_bool()) wrong_kind(*this, "a boolean");
  return std::get<bool>(value_);
}
double Json::as_number() const {
  if (!is_number()) wrong_kind(*this, "a number");
  return std::get<double>(value_);
}
const std::string& Json::as_string() const {
  if (!is_string()) wrong_kind(*this, "a string");
  return std::get<std::string>(value_);
}
const Json::Array& Json::as_array() const {
  if (!is_array()) wrong_kind(*this, "an array");
  return std::get<Array>(value_);
}
Json::Array& Json::as_array() {
  if (!is_array()) wrong_kind(*this, "an array");
  return std::get<Array>(value_);
}
const Json::Object& Json::as_object() const {
  if (!is_object()) wrong_kind(*this, "an object");
  return std::get<Object>(value_);
}

const Json* Json::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  for (const auto& [k, v] : std::get<Object>(value_))
    if (k == key) return &v;
  return nullptr;
}

Json& Json::set(std::string key, Json value) {
  if (!is_object()) wrong_kind(*this, "an object");
  std::get<Object>(value_).emplace_back(std::move(key), std::move(value));
  return *this;
}

Json& Json::push(Json value) {
  as_array().push_back(std::move(value));
  return *this;
}

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (u < 0x20) {
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else {
      out += c;
    }
  }
  out += '"';
}

void Json::dump_to(std::string& out) const {
  if (is_null()) {
    out += "null";
  } else if (is_bool()) {
    out += std::get<bool>(value_) ? "true" : "false";
  } else if (is_number()) {
    const double d = std::get<double>(value_);
    if (!std::isfinite(d)) {
      out += "null";
      return;
    }
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, d);
    out.append(buffer, error == std::errc{} ? end : buffer);
  } else if (is_string()) {
    append_json_string(out, std::get<std::string>(value_));
  } else if (is_array()) {
    out += '[';
    bool first = true;
    for (const Json& item : std::get<Array>(value_)) {
      if (!first) out += ',';
      first = false;
      item.dump_to(out);
    }
    out += ']';
  } else {
    out += '{';
    bool first = true;
    for (const auto& [key, value] : std::get<Object>(value_)) {
      if (!first) out += ',';
      first = false;
      append_json_string(out, key);
      out += ':';
      value.dump_to(out);
    }
    out += '}';
  }
}

std::string Json::dump() const {
  std::string out;
  dump_to(out);
  return out;
}

Json parse_json(std::string_view text, const JsonLimits& limits) {
  return Reader(text, limits).document();
}

}  // namespace detente::serve

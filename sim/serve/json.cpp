// Reading through nlohmann's parser with a callback that enforces the limits
// while the document is read, and writing through its serializer.
#include "serve/json.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace detente::serve {
namespace {

// An iterator over the text that counts how far nlohmann's lexer has read, so
// that a limit's refusal names its byte as a syntax error does.
class CountingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* at, std::size_t* read) : at_(at), read_(read) {}
  reference operator*() const { return *at_; }
  CountingIterator& operator++() {
    ++at_;
    ++*read_;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CountingIterator& other) const { return at_ == other.at_; }
  bool operator!=(const CountingIterator& other) const { return at_ != other.at_; }

 private:
  const char* at_;
  std::size_t* read_;
};

// The parser callback: sees every value, key and container as it is read
// and throws as soon as one is past a limit, so that nothing beyond it is
// read or built.
class LimitCheck {
 public:
  LimitCheck(const JsonLimits& limits, const std::size_t& read) : limits_(limits), read_(read) {}

  bool operator()(int depth, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
        count(depth);
        keys_.emplace_back();
        break;
      case Json::parse_event_t::array_start:
        count(depth);
        break;
      case Json::parse_event_t::key: {
        const std::string& key = parsed.get_ref<const std::string&>();
        check_length(key);
        std::vector<std::string>& seen = keys_.back();
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
          fail("the key \"" + key + "\" is given twice");
        seen.push_back(key);
        break;
      }
      case Json::parse_event_t::object_end:
        keys_.pop_back();
        break;
      case Json::parse_event_t::array_end:
        break;
      case Json::parse_event_t::value:
        count(depth);
        if (parsed.is_string()) check_length(parsed.get_ref<const std::string&>());
        break;
    }
    return true;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw JsonError("invalid JSON at byte " + std::to_string(read_) + ": " + what);
  }

  void count(int depth) {
    if (static_cast<std::size_t>(depth) > limits_.max_depth)
      fail("nested deeper than " + std::to_string(limits_.max_depth) + " levels");
    if (++values_ > limits_.max_values)
      fail("more than " + std::to_string(limits_.max_values) + " values");
  }

  void check_length(const std::string& text) const {
    if (text.size() > limits_.max_string_bytes)
      fail("a string of more than " + std::to_string(limits_.max_string_bytes) + " bytes");
  }

  const JsonLimits& limits_;
  const std::size_t& read_;  // bytes the lexer has read so far
  std::size_t values_ = 0;
  std::vector<std::vector<std::string>> keys_;  // the keys of each open object so far
};

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column
// 5: syntax error while parsing value - …" from "syntax error": the id means
// nothing to the page, and the byte is given in front.
std::string reason(const char* what) {
  std::string text = what;
  if (text.starts_with("[json.exception.")) {
    const std::size_t end = text.find("] ");
    if (end != std::string::npos) text.erase(0, end + 2);
  }
  if (text.starts_with("parse error")) {
    const std::size_t colon = text.find(": ");
    if (colon != std::string::npos) text.erase(0, colon + 2);
  }
  return text;
}

}  // namespace

Json parse_json(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes)
    throw JsonError("message of " + std::to_string(text.size()) + " bytes, more than the " +
                    std::to_string(limits.max_bytes) + " allowed");
  std::size_t read = 0;
  try {
    return Json::parse(CountingIterator(text.data(), &read),
                       CountingIterator(text.data() + text.size(), &read),
                       LimitCheck(limits, read));
  } catch (const Json::parse_error& e) {
    throw JsonError("invalid JSON at byte " + std::to_string(e.byte) + ": " + reason(e.what()));
  } catch (const Json::exception& e) {  // a number out of range, an excessive size
    throw JsonError("invalid JSON: " + reason(e.what()));
  }
}

std::string dump_json(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string kind_name(const Json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "a boolean";
  if (value.is_number()) return "a number";
  if (value.is_string()) return "a string";
  if (value.is_array()) return "an array";
  return "an object";
}

const Json* find_member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(std::string(key));
  return it == object.end() ? nullptr : &*it;
}

}  // namespace detente::serve

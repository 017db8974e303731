// The message reader refuses what it does not understand, within limits,
// and the writer's output reads back.
#include <catch2/catch.hpp>

#include "serve/json.hpp"

using detente::serve::Json;
using detente::serve::JsonError;
using detente::serve::JsonLimits;
using detente::serve::parse_json;

TEST_CASE("a message reads into objects, arrays, strings, numbers and booleans") {
  const Json j = parse_json(R"( {"type":"start","team":2,"paused":false,"x":null,
      "strategy":[{"path":"a.b","value":"0.5"}],"n":-1.5e2} )");
  CHECK(j.find("type")->as_string() == "start");
  CHECK(j.find("team")->as_number() == 2);
  CHECK(j.find("paused")->as_bool() == false);
  CHECK(j.find("x")->is_null());
  CHECK(j.find("n")->as_number() == -150);
  const auto& strategy = j.find("strategy")->as_array();
  REQUIRE(strategy.size() == 1);
  CHECK(strategy[0].find("path")->as_string() == "a.b");
  CHECK(j.find("missing") == nullptr);
}

TEST_CASE("escapes, including surrogate pairs, become UTF-8") {
  CHECK(parse_json(R"("a\"b\\c\/\n\t")").as_string() == "a\"b\\c/\n\t");
  CHECK(parse_json(R"("\u00e9")").as_string() == "\xc3\xa9");
  CHECK(parse_json(R"("\ud83d\ude00")").as_string() == "\xf0\x9f\x98\x80");
}

TEST_CASE("written text reads back the same") {
  Json j = Json::object({{"s", "quote \" and \\ and \n and \x01"}, {"n", 0.1}, {"b", true}});
  j.set("a", Json(Json::Array{Json(1), Json(), Json("x")}));
  const std::string text = j.dump();
  CHECK(text == R"({"s":"quote \" and \\ and \n and \u0001","n":0.1,"b":true,"a":[1,null,"x"]})");
  CHECK(parse_json(text).dump() == text);
}

TEST_CASE("non-finite numbers are written as null") {
  CHECK(Json(std::numeric_limits<double>::quiet_NaN()).dump() == "null");
}

TEST_CASE("malformed text is refused with where and why") {
  CHECK_THROWS_WITH(parse_json("{\"a\":1,}"), "invalid JSON at byte 7: expected a key in quotes");
  CHECK_THROWS_WITH(parse_json("[1 2]"), "invalid JSON at byte 3: expected ',' or ']' in an array");
  CHECK_THROWS_WITH(parse_json("{\"a\":1} x"),
                    "invalid JSON at byte 8: unexpected text after the JSON value");
  CHECK_THROWS_WITH(parse_json("\"abc"), "invalid JSON at byte 4: unterminated string");
  CHECK_THROWS_WITH(parse_json("01"), "invalid JSON at byte 2: leading zero in a number");
  CHECK_THROWS_WITH(parse_json("\"\\ud800x\""),
                    "invalid JSON at byte 7: a high surrogate without its low surrogate");
  CHECK_THROWS_WITH(parse_json("{\"a\":1,\"a\":2}"),
                    "invalid JSON at byte 10: the key \"a\" is given twice");
  CHECK_THROWS_WITH(parse_json("1e999"), "invalid JSON at byte 5: number out of range");
  CHECK_THROWS_AS(parse_json(""), JsonError);
  CHECK_THROWS_AS(parse_json("tru"), JsonError);
}

TEST_CASE("size and depth are limited") {
  CHECK_THROWS_WITH(parse_json(std::string(100, ' ') + "1", JsonLimits{64, 16}),
                    "message of 101 bytes, more than the 64 allowed");
  const std::string deep = std::string(20, '[') + std::string(20, ']');
  CHECK_THROWS_WITH(parse_json(deep, JsonLimits{1024, 16}),
                    "invalid JSON at byte 17: nested deeper than 16 levels");
  CHECK_NOTHROW(parse_json(std::string(16, '[') + std::string(16, ']'), JsonLimits{1024, 16}));
}

TEST_CASE("reading a value as another kind says what it is") {
  CHECK_THROWS_WITH(parse_json("\"x\"").as_number(), "expected a number, got a string");
  CHECK_THROWS_WITH(parse_json("[]").as_string(), "expected a string, got an array");
}

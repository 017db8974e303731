// The message reader (nlohmann's parser with a limit-checking callback)
// refuses what it does not understand, within limits, and stops at the first
// value past a limit; the writer's output reads back.
#include <catch2/catch.hpp>
#include <limits>

#include "serve/json.hpp"

using Catch::Matchers::StartsWith;
using detente::serve::dump_json;
using detente::serve::find_member;
using detente::serve::Json;
using detente::serve::JsonError;
using detente::serve::JsonLimits;
using detente::serve::kind_name;
using detente::serve::parse_json;

TEST_CASE("a message reads into objects, arrays, strings, numbers and booleans") {
  const Json j = parse_json(R"( {"type":"start","team":2,"paused":false,"x":null,
      "strategy":[{"path":"a.b","value":"0.5"}],"n":-1.5e2} )");
  CHECK(j.at("type") == "start");
  CHECK(j.at("team").get<double>() == 2);
  CHECK(j.at("paused") == false);
  CHECK(j.at("x").is_null());
  CHECK(j.at("n").get<double>() == -150);
  const Json& strategy = j.at("strategy");
  REQUIRE(strategy.size() == 1);
  CHECK(strategy[0].at("path") == "a.b");
  CHECK(find_member(j, "missing") == nullptr);
  CHECK(find_member(j, "team") == &j.at("team"));
  CHECK(find_member(strategy, "path") == nullptr);  // not an object
  // Keys keep the order they came in.
  CHECK(j.begin().key() == "type");
}

TEST_CASE("escapes, including surrogate pairs, become UTF-8") {
  CHECK(parse_json(R"("a\"b\\c\/\n\t")") == "a\"b\\c/\n\t");
  CHECK(parse_json(R"("\u00e9")") == "\xc3\xa9");
  CHECK(parse_json(R"("\ud83d\ude00")") == "\xf0\x9f\x98\x80");
}

TEST_CASE("written text reads back the same") {
  Json j = Json::object({{"s", "quote \" and \\ and \n and \x01"}, {"n", 0.1}, {"b", true}});
  j["a"] = Json::array({1, nullptr, "x"});
  const std::string text = dump_json(j);
  CHECK(text == R"({"s":"quote \" and \\ and \n and \u0001","n":0.1,"b":true,"a":[1,null,"x"]})");
  CHECK(dump_json(parse_json(text)) == text);
}

TEST_CASE("non-finite numbers are written as null, invalid UTF-8 as U+FFFD") {
  CHECK(dump_json(Json(std::numeric_limits<double>::quiet_NaN())) == "null");
  CHECK(dump_json(Json(std::numeric_limits<double>::infinity())) == "null");
  CHECK(dump_json(Json("a\xff")) == "\"a\xef\xbf\xbd\"");
}

TEST_CASE("malformed text is refused with where and why") {
  CHECK_THROWS_WITH(parse_json("{\"a\":1,}"), StartsWith("invalid JSON at byte 8: "));
  CHECK_THROWS_WITH(parse_json("[1 2]"), StartsWith("invalid JSON at byte 4: "));
  CHECK_THROWS_WITH(parse_json("{\"a\":1} x"), StartsWith("invalid JSON at byte 9: "));
  CHECK_THROWS_WITH(parse_json("\"abc"), StartsWith("invalid JSON at byte 5: "));
  CHECK_THROWS_WITH(parse_json("01"), StartsWith("invalid JSON at byte 2: "));
  CHECK_THROWS_WITH(parse_json("\"\\ud800x\""), StartsWith("invalid JSON at byte 8: "));
  CHECK_THROWS_WITH(parse_json("\"a\xff\""), StartsWith("invalid JSON at byte 3: "));
  CHECK_THROWS_WITH(parse_json("{\"a\":1,\"a\":2}"),
                    "invalid JSON at byte 10: the key \"a\" is given twice");
  // The same key in two objects is no repeat.
  CHECK(parse_json("{\"a\":{\"a\":1},\"b\":{\"a\":2}}").at("b").at("a") == 2);
  CHECK_THROWS_WITH(parse_json("1e999"), Catch::Matchers::Contains("number overflow"));
  CHECK_THROWS_AS(parse_json(""), JsonError);
  CHECK_THROWS_AS(parse_json("tru"), JsonError);
  CHECK_THROWS_AS(parse_json("[1,2] /* comment */"), JsonError);
}

TEST_CASE("size, depth, value count and string length are limited") {
  CHECK_THROWS_WITH(parse_json(std::string(100, ' ') + "1", JsonLimits{64, 16}),
                    "message of 101 bytes, more than the 64 allowed");
  const std::string deep = std::string(20, '[') + std::string(20, ']');
  CHECK_THROWS_WITH(parse_json(deep, JsonLimits{1024, 16}),
                    "invalid JSON at byte 18: nested deeper than 16 levels");
  CHECK_NOTHROW(parse_json(std::string(17, '[') + std::string(17, ']'), JsonLimits{1024, 16}));
  CHECK_THROWS_WITH(
      parse_json(std::string(17, '[') + "1" + std::string(17, ']'), JsonLimits{1024, 16}),
      StartsWith("invalid JSON at byte 19: nested deeper than 16 levels"));

  const JsonLimits few{1024, 16, 10, 1024};
  CHECK_NOTHROW(parse_json("[1,2,3,4,5,6,7,8,9]", few));  // the array and nine numbers
  CHECK_THROWS_WITH(parse_json("[1,2,3,4,5,6,7,8,9,10]", few),
                    StartsWith("invalid JSON at byte 22: more than 10 values"));
  CHECK_THROWS_WITH(parse_json(R"({"a":[],"b":{},"c":[1,2,3,4,5,6,7]})", few),
                    Catch::Matchers::EndsWith("more than 10 values"));

  const JsonLimits short_strings{1024, 16, 100, 4};
  CHECK_NOTHROW(parse_json(R"({"abcd":"wxyz"})", short_strings));
  CHECK_THROWS_WITH(parse_json(R"({"abcd":"vwxyz"})", short_strings),
                    Catch::Matchers::EndsWith("a string of more than 4 bytes"));
  CHECK_THROWS_WITH(parse_json(R"({"abcde":1})", short_strings),
                    Catch::Matchers::EndsWith("a string of more than 4 bytes"));
  // Unescaped length: six bytes of text, one byte of string.
  CHECK_NOTHROW(parse_json(R"("\u0041\u0042\u0043\u0044")", short_strings));
}

TEST_CASE("a limit stops the reader at once, before the rest of the text is read") {
  // Each text is broken after the point where a limit is passed: the limit is
  // what is reported, so the reader never reached the break (nor built what
  // lies before it).
  const std::string broken = ", this is not JSON";
  CHECK_THROWS_WITH(parse_json(std::string(20, '[') + broken, JsonLimits{1024, 16}),
                    Catch::Matchers::EndsWith("nested deeper than 16 levels"));
  std::string many = "[";
  for (int i = 0; i < 200; ++i)
    many += "0,";
  CHECK_THROWS_WITH(parse_json(many + broken, JsonLimits{4096, 16, 100, 64}),
                    "invalid JSON at byte 201: more than 100 values");
  CHECK_THROWS_WITH(
      parse_json("[\"" + std::string(100, 'x') + "\"" + broken, JsonLimits{4096, 16, 100, 64}),
      Catch::Matchers::EndsWith("a string of more than 64 bytes"));
  CHECK_THROWS_WITH(parse_json("{\"a\":1,\"a\":" + broken),
                    Catch::Matchers::EndsWith("the key \"a\" is given twice"));
}

TEST_CASE("kinds are named for messages") {
  CHECK(kind_name(parse_json("\"x\"")) == "a string");
  CHECK(kind_name(parse_json("[]")) == "an array");
  CHECK(kind_name(parse_json("{}")) == "an object");
  CHECK(kind_name(parse_json("-1")) == "a number");
  CHECK(kind_name(parse_json("1.5")) == "a number");
  CHECK(kind_name(parse_json("true")) == "a boolean");
  CHECK(kind_name(parse_json("null")) == "null");
}

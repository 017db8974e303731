// property_tree pulls in boost/bind.hpp, which otherwise prints a deprecation note.
#define BOOST_BIND_GLOBAL_PLACEHOLDERS

#include "io/json.hpp"

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "io/json_writer.hpp"
#include "temp_folder.hpp"

using detente::io::json_quote;
using detente::io::JsonWriter;

namespace {

boost::property_tree::ptree parse(const std::string& text) {
  std::istringstream in(text);
  boost::property_tree::ptree tree;
  boost::property_tree::read_json(in, tree);
  return tree;
}

std::vector<std::string> array_values(const boost::property_tree::ptree& tree,
                                      const std::string& key) {
  std::vector<std::string> out;
  for (const auto& item : tree.get_child(key))
    out.push_back(item.second.data());
  return out;
}

}  // namespace

TEST_CASE("strings are escaped per RFC 8259", "[io][json]") {
  CHECK(json_quote("plain") == "\"plain\"");
  CHECK(json_quote("say \"hi\"") == R"("say \"hi\"")");
  CHECK(json_quote("C:\\runs") == R"("C:\\runs")");
  CHECK(json_quote("a\nb\tc\r") == R"("a\nb\tc\r")");
  CHECK(json_quote(std::string("\x01\x1f", 2)) == R"("\u0001\u001f")");
  CHECK(json_quote("\b\f") == R"("\b\f")");
  CHECK(json_quote("/") == "\"/\"");
}

TEST_CASE("UTF-8 passes through; invalid bytes become U+FFFD", "[io][json]") {
  CHECK(json_quote("Zürich → Genève") == "\"Zürich → Genève\"");
  CHECK(json_quote("\xF0\x9F\x95\x8A") == "\"\xF0\x9F\x95\x8A\"");  // 4-byte sequence
  CHECK(json_quote("a\xFF"
                   "b") == R"("a\ufffdb")");
  CHECK(json_quote("\xC3") == R"("\ufffd")");                      // truncated sequence
  CHECK(json_quote("\xC0\xAF") == R"("\ufffd\ufffd")");            // overlong form of '/'
  CHECK(json_quote("\xED\xA0\x80") == R"("\ufffd\ufffd\ufffd")");  // a UTF-16 surrogate
}

TEST_CASE("the writer nests objects and arrays with commas in the right places", "[io][json]") {
  JsonWriter json;
  json.begin_object();
  json.key("empty").begin_array().end_array();
  json.key("list")
      .begin_array()
      .integer(1)
      .integer(-2)
      .number(0.5)
      .boolean(true)
      .null()
      .end_array();
  json.key("inner").begin_object().key("x").string("y").end_object();
  json.key("nan").number(std::numeric_limits<double>::quiet_NaN());
  json.end_object();
  CHECK(json.str() ==
        "{\n"
        "  \"empty\": [],\n"
        "  \"list\": [\n"
        "    1,\n"
        "    -2,\n"
        "    0.5,\n"
        "    true,\n"
        "    null\n"
        "  ],\n"
        "  \"inner\": {\n"
        "    \"x\": \"y\"\n"
        "  },\n"
        "  \"nan\": null\n"
        "}\n");
}

TEST_CASE("run.json holds every field and parses back", "[io][json]") {
  detente::io::RunInfo info;
  info.version = "0.1.0";
  info.git_commit = "abc123";
  info.scenario_name = "exchange \"pilot\"";
  info.scenario_file = "scenarios/exchange.yaml";
  info.host = "lab-1";
  info.started_at = "2025-01-31T09:05:00Z";
  info.command_line = "detente run scenarios/exchange.yaml --set a=\"b c\"";
  info.seed = 18446744073709551615ull;  // largest seed: must be written exactly
  info.replicate_seeds = {1, 9007199254740993ull};
  info.threads = 2;
  info.wall_seconds = 12.5;
  info.steps = 520;
  info.replicates = 2;
  info.arms = {"baseline", "exchange"};

  detente::test::TempFolder dir("json-run");
  detente::io::write_run_json(dir.path() / "run.json", info);
  std::ifstream in(dir.path() / "run.json");
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == detente::io::run_json(info));

  const auto tree = parse(text.str());
  CHECK(tree.get<std::string>("version") == "0.1.0");
  CHECK(tree.get<std::string>("git_commit") == "abc123");
  CHECK(tree.get<std::string>("scenario_name") == "exchange \"pilot\"");
  CHECK(tree.get<std::string>("scenario_file") == "scenarios/exchange.yaml");
  CHECK(tree.get<std::string>("host") == "lab-1");
  CHECK(tree.get<std::string>("started_at") == "2025-01-31T09:05:00Z");
  CHECK(tree.get<std::string>("command_line") == info.command_line);
  CHECK(tree.get<std::string>("seed") == "18446744073709551615");
  CHECK(array_values(tree, "replicate_seeds") == std::vector<std::string>{"1", "9007199254740993"});
  CHECK(tree.get<int>("threads") == 2);
  CHECK(tree.get<double>("wall_seconds") == 12.5);
  CHECK(tree.get<std::int64_t>("steps") == 520);
  CHECK(tree.get<int>("replicates") == 2);
  CHECK(array_values(tree, "arms") == std::vector<std::string>{"baseline", "exchange"});
}

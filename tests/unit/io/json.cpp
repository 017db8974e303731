#include "io/json.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "temp_folder.hpp"

namespace {

detente::io::RunInfo example_info() {
  detente::io::RunInfo info;
  info.command = "run";
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
  return info;
}

}  // namespace

TEST_CASE("run.json holds every field and parses back", "[io][json]") {
  const auto info = example_info();
  detente::test::TempFolder dir("json-run");
  detente::io::write_run_json(dir.path() / "run.json", info);
  std::ifstream in(dir.path() / "run.json");
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == detente::io::run_json(info));

  const auto tree = nlohmann::json::parse(text.str());
  CHECK(tree.at("command") == "run");
  CHECK(tree.at("version") == "0.1.0");
  CHECK(tree.at("git_commit") == "abc123");
  CHECK(tree.at("scenario_name") == "exchange \"pilot\"");
  CHECK(tree.at("scenario_file") == "scenarios/exchange.yaml");
  CHECK(tree.at("host") == "lab-1");
  CHECK(tree.at("started_at") == "2025-01-31T09:05:00Z");
  CHECK(tree.at("command_line") == info.command_line);
  CHECK(tree.at("seed").get<std::uint64_t>() == 18446744073709551615ull);
  CHECK(tree.at("replicate_seeds").get<std::vector<std::uint64_t>>() ==
        std::vector<std::uint64_t>{1, 9007199254740993ull});
  CHECK(tree.at("threads") == 2);
  CHECK(tree.at("wall_seconds") == 12.5);
  CHECK(tree.at("steps") == 520);
  CHECK(tree.at("replicates") == 2);
  CHECK(tree.at("arms").get<std::vector<std::string>>() ==
        std::vector<std::string>{"baseline", "exchange"});
  // Optional keys appear only when set.
  CHECK_FALSE(tree.contains("baseline"));
  CHECK_FALSE(tree.contains("design"));
  CHECK_FALSE(tree.contains("headline"));
}

TEST_CASE("run.json keeps the declaration order, two-space indent and a final newline",
          "[io][json]") {
  auto info = example_info();
  info.baseline = "baseline";
  info.headline = {"mean_outgroup_trust/all"};
  const auto text = detente::io::run_json(info);
  CHECK(text.rfind("{\n  \"command\": \"run\",\n  \"version\": \"0.1.0\",\n", 0) == 0);
  CHECK(text.back() == '\n');
  CHECK(text.find("\"arms\"") < text.find("\"baseline\""));
  CHECK(text.find("\"baseline\": \"baseline\"") < text.find("\"headline\""));
  CHECK(text.find("  \"headline\": [\n    \"mean_outgroup_trust/all\"\n  ]\n}") !=
        std::string::npos);
}

TEST_CASE("run.json escapes the user's text and still parses when it is not UTF-8", "[io][json]") {
  auto info = example_info();
  info.scenario_name = "tab\there \x01 \"q\" C:\\runs Zürich a\xFF";
  info.wall_seconds = std::numeric_limits<double>::quiet_NaN();
  const auto text = detente::io::run_json(info);
  CHECK(text.find(R"(tab\there \u0001 \"q\" C:\\runs Zürich)") != std::string::npos);
  const auto tree = nlohmann::json::parse(text);
  CHECK(tree.at("scenario_name") == "tab\there \x01 \"q\" C:\\runs Zürich a\xEF\xBF\xBD");
  CHECK(tree.at("wall_seconds").is_null());  // no JSON form for NaN
}

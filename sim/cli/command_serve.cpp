// detente serve: the workshop server. Loads and sizes the scenario, says
// where to point the browser (and, on a room's network, the join code), then
// serves until Ctrl-C.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/options.hpp"
#include "core/errors.hpp"
#include "core/printable.hpp"
#include "serve/assets.hpp"
#include "serve/join_code.hpp"
#include "serve/server.hpp"

namespace detente::cli {
namespace {

constexpr const char* kUsage =
    "usage: detente serve [SCENARIO.yaml] [--port P] [--host H] [options]\n"
    "\n"
    "Serves the workshop page: teams try strategies on the scenario side by side, live.\n"
    "Without SCENARIO, the built-in workshop scenario (scenarios/workshop.yaml).";

std::string read_scenario_text(const std::string& path) {
  scenario::load_file(path);  // the file's own problems, located, before anything else
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int serve_command(const Arguments& args) {
  const serve::Limits defaults;
  po::options_description options("options");
  options.add_options()                                                                 //
      ("port,p", po::value<int>()->default_value(8642), "TCP port (0: any free port)")  //
      ("host", po::value<std::string>()->default_value("127.0.0.1"),
       "address to listen on; 0.0.0.0 opens it to the room's network and requires a join code")  //
      ("agents", po::value<std::int64_t>()->default_value(defaults.max_agents),
       "workshop size: a larger scenario is scaled down to this many agents in all")  //
      ("replicates,r", po::value<int>()->default_value(defaults.replicates),
       "replicates behind each team's band")  //
      ("max-runs", po::value<int>()->default_value(defaults.max_runs),
       "simulations running at once on this server, every page together")                  //
      ("threads,t", po::value<int>()->default_value(0), "worker threads (0: every core)")  //
      ("advanced", po::value<std::vector<std::string>>()->composing(),
       "fold this knob away under 'More settings' (a knob path like "
       "interventions.exchange.cohort, or a key like cohort for every programme; repeatable)")  //
      ("basic", po::value<std::vector<std::string>>()->composing(),
       "show this knob first, not folded away (as --advanced; repeatable)");
  // The scenario is optional here, so the positional is declared here rather than by parse().
  po::options_description all;
  all.add(options);
  all.add_options()("help,h", "show this help")("scenario", po::value<std::string>(),
                                                "scenario file");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map values;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  if (values.count("help")) {
    std::cout << kUsage << "\n\n" << options << "\n";
    return 0;
  }
  po::notify(values);
  std::optional<std::string> path;
  if (values.count("scenario")) path = values["scenario"].as<std::string>();

  serve::Limits limits;
  limits.max_agents = values["agents"].as<std::int64_t>();
  limits.replicates = values["replicates"].as<int>();
  limits.max_runs = values["max-runs"].as<int>();
  if (limits.max_agents < 2) throw InputError("--agents: expected an integer ≥ 2");
  if (limits.replicates < 1 || limits.replicates > limits.max_replicates)
    throw InputError("--replicates: expected an integer from 1 to " +
                     std::to_string(limits.max_replicates) + ", got " +
                     std::to_string(limits.replicates));
  if (limits.max_runs < 1) throw InputError("--max-runs: expected a positive integer");
  const int port = values["port"].as<int>();
  if (port < 0 || port > 65535)
    throw InputError("--port: expected a port from 0 to 65535, got " + std::to_string(port));
  const int threads = values["threads"].as<int>();
  if (threads < 0) throw InputError("--threads: expected 0 (every core) or a positive integer");

  serve::ServerOptions server_options;
  server_options.host = values["host"].as<std::string>();
  server_options.port = static_cast<std::uint16_t>(port);
  server_options.handle_signals = true;
  // Wrong join codes, lockouts and running out of connections: what a
  // trainer should see (escaped: an address or code is the client's text).
  server_options.log = [](const std::string& line) {
    std::cerr << "detente serve: " << printable(line) << std::endl;
  };
  const bool room = !serve::is_loopback_host(server_options.host);
  if (room) server_options.join_code = serve::make_join_code();
  // The facilitator's page locks, resets and reveals: its code is printed
  // here only, for the trainer, in the link that opens that page.
  server_options.facilitator_code = serve::make_join_code();

  const std::string name = path ? *path : "workshop.yaml (built in)";
  const std::string text =
      path ? read_scenario_text(*path) : std::string(serve::default_workshop_scenario());
  serve::Workshop workshop(text, path ? *path : "workshop.yaml", limits);
  // The facilitator decides which knobs a team sees first.
  if (values.count("advanced"))
    workshop.mark_advanced(values["advanced"].as<std::vector<std::string>>(), true);
  if (values.count("basic"))
    workshop.mark_advanced(values["basic"].as<std::vector<std::string>>(), false);

  tbb::global_control parallelism(
      tbb::global_control::max_allowed_parallelism,
      static_cast<std::size_t>(threads > 0 ? threads : tbb::info::default_concurrency()));
  serve::Server server(workshop, server_options);

  const auto& s = workshop.base();
  std::int64_t agents = 0;
  for (const auto& g : s.population.groups)
    agents += g.size;
  std::cout << "detente serve: " << s.name << " from " << name << ": " << s.population.groups.size()
            << " groups, " << agents << " agents"
            << (workshop.sizing().empty() ? "" : " (scaled down for the workshop)") << ", "
            << s.steps << " " << s.step_unit << "s, " << limits.replicates
            << " replicates per team, " << workshop.knobs().size() << " knobs\n";
  if (room) {
    std::cout << "warning: listening on " << server_options.host << ": anyone on this network "
              << "who has the join code can run simulations on this machine\n"
              << "join code: " << server_options.join_code << "\n"
              << "open http://<this machine's address>:" << server.port() << "/ in a browser\n"
              << "facilitator (keep this link to yourself): http://<this machine's address>:"
              << server.port() << "/facilitator#code=" << server_options.facilitator_code << "\n";
  } else {
    std::cout << "open http://" << server_options.host << ":" << server.port() << "/ in a browser\n"
              << "facilitator (keep this link to yourself): http://" << server_options.host << ":"
              << server.port() << "/facilitator#code=" << server_options.facilitator_code << "\n";
  }
  std::cout << "Ctrl-C stops the server" << std::endl;
  server.run();
  std::cout << "detente serve: stopped" << std::endl;
  return 0;
}

}  // namespace detente::cli

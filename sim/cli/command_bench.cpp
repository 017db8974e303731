// detente bench: agent-steps and edge visits per second of the full step,
// or with --model the speed of a classic model (bench/benchmark_classic.hpp).
#include <cstdio>
#include <iostream>

#include "bench/benchmark.hpp"
#include "bench/benchmark_classic.hpp"
#include "cli/options.hpp"
#include "core/errors.hpp"

namespace detente::cli {
namespace {

scenario::ClassicModel classic_model(const std::string& name) {
  if (name == "deffuant") return scenario::ClassicModel::deffuant;
  if (name == "hegselmann_krause" || name == "hk") return scenario::ClassicModel::hegselmann_krause;
  if (name == "voter") return scenario::ClassicModel::voter;
  throw InputError("--model: expected deffuant, hegselmann_krause (hk) or voter, got \"" + name +
                   "\"");
}

scenario::NetworkModel network_model(const std::string& name) {
  if (name == "erdos_renyi") return scenario::NetworkModel::erdos_renyi;
  if (name == "watts_strogatz") return scenario::NetworkModel::watts_strogatz;
  throw InputError("--network: expected erdos_renyi or watts_strogatz, got \"" + name + "\"");
}

// One line per (model, schedule, size, threads): the classic models' own units.
int classic_bench(const po::variables_map& values, const std::vector<std::int64_t>& agents,
                  const std::vector<int>& threads, double degree) {
  const auto network = network_model(values["network"].as<std::string>());
  std::printf("%-18s %-11s %9s %7s %6s %9s %9s %12s %12s %12s %8s\n", "model", "schedule", "agents",
              "threads", "steps", "seconds", "cpu_s", "meetings/s", "updates/s", "edge_vis/s",
              "build_s");
  for (const auto& name : values["model"].as<std::vector<std::string>>()) {
    const auto model = classic_model(name);
    const bool schedules = model != scenario::ClassicModel::hegselmann_krause;
    for (const auto schedule : {scenario::Schedule::sequential, scenario::Schedule::parallel}) {
      if (!schedules && schedule == scenario::Schedule::parallel) continue;
      for (const auto n : agents) {
        for (const int t : threads) {
          ClassicBenchCase config;
          config.model = model;
          config.schedule = schedule;
          config.network = network;
          config.agents = n;
          config.threads = t;
          config.mean_degree = degree;
          if (!values["steps"].defaulted()) config.steps = values["steps"].as<std::int64_t>();
          const auto r = run_classic_bench(config);
          std::printf("%-18s %-11s %9lld %7d %6lld %9.3f %9.3f %12.3e %12.3e %12.3e %8.2f\n",
                      name.c_str(),
                      !schedules                                 ? "synchronous"
                      : schedule == scenario::Schedule::parallel ? "parallel"
                                                                 : "sequential",
                      static_cast<long long>(n), t, static_cast<long long>(r.steps), r.step_seconds,
                      r.step_cpu_seconds, r.meetings_per_second(), r.updates_per_second(),
                      r.visits_per_second(), r.build_seconds);
          std::fflush(stdout);
        }
      }
    }
    if (model != scenario::ClassicModel::deffuant) continue;
    for (const auto n : agents) {
      ClassicBenchCase config;
      config.network = network;
      config.agents = n;
      config.mean_degree = degree;
      std::printf("%-18s %-11s %9lld %7d %6s %9s %9s %12.3e   (yardstick: plain loop, mt19937)\n",
                  "deffuant", "plain", static_cast<long long>(n), 1, "-", "-", "-",
                  plain_deffuant_meetings_per_second(config));
      std::fflush(stdout);
    }
  }
  return 0;
}

}  // namespace

int bench_command(const Arguments& args) {
  po::options_description options("options");
  options.add_options()  //
      ("agents", po::value<std::vector<std::int64_t>>()->multitoken(),
       "population sizes (default 100000 1000000)")                                            //
      ("threads", po::value<std::vector<int>>()->multitoken(), "thread counts (default 1 2)")  //
      ("steps", po::value<std::int64_t>()->default_value(20), "steps per measurement")         //
      ("degree", po::value<double>()->default_value(20.0),
       "mean within-group degree (with --model the default is 10)")  //
      ("model", po::value<std::vector<std::string>>()->multitoken(),
       "measure classic models instead: deffuant, hegselmann_krause, voter")  //
      ("network", po::value<std::string>()->default_value("erdos_renyi"),
       "with --model: erdos_renyi or watts_strogatz");
  po::variables_map values;
  if (!parse(args, options, "usage: detente bench [options]", values, false)) return 0;
  auto agents = values.count("agents") ? values["agents"].as<std::vector<std::int64_t>>()
                                       : std::vector<std::int64_t>{100000, 1000000};
  auto threads =
      values.count("threads") ? values["threads"].as<std::vector<int>>() : std::vector<int>{1, 2};
  if (values.count("model")) {
    // Classic models are compared with other tools at mean degree 10.
    const double degree = values["degree"].defaulted() ? 10.0 : values["degree"].as<double>();
    if (!values.count("agents")) agents = {10000, 100000, 1000000};
    return classic_bench(values, agents, threads, degree);
  }

  std::printf("%9s %7s %6s %10s %12s %12s %12s %8s %9s\n", "agents", "threads", "steps", "step_ms",
              "agent_st/s", "edge_vis/s", "infl_vis/s", "B/agent", "520st_s");
  for (const auto n : agents) {
    for (const int t : threads) {
      BenchCase config;
      config.agents = n;
      config.threads = t;
      config.steps = values["steps"].as<std::int64_t>();
      config.mean_degree = values["degree"].as<double>();
      const auto r = run_bench(config);
      const double steps = static_cast<double>(config.steps);
      const double step_ms = 1e3 * r.step_seconds / steps;
      std::printf("%9lld %7d %6lld %10.2f %12.3e %12.3e %12.3e %8.1f %9.1f\n",
                  static_cast<long long>(n), t, static_cast<long long>(config.steps), step_ms,
                  r.agent_steps_per_second(), r.edge_visits_per_second(),
                  r.influence_visits_per_second(), r.bytes_per_agent(), step_ms * 520 / 1e3);
      std::printf("          phases ms/step:");
      const char* separator = " ";
      for (const auto& phase : r.footprint.phases) {
        std::printf("%s%.*s %.2f", separator, static_cast<int>(phase.phase.size()),
                    phase.phase.data(), 1e3 * phase.seconds / steps);
        separator = ", ";
      }
      std::printf("; build %.2f s\n", r.build_seconds);
      std::fflush(stdout);
    }
  }
  return 0;
}

}  // namespace detente::cli

// detente bench: agent-steps and edge visits per second of the full step.
#include <cstdio>
#include <iostream>

#include "cli/options.hpp"
#include "experiment/benchmark.hpp"

namespace detente::cli {

int bench_command(const Arguments& args) {
  po::options_description options("options");
  options.add_options()  //
      ("agents", po::value<std::vector<std::int64_t>>()->multitoken(),
       "population sizes (default 100000 1000000)")                                            //
      ("threads", po::value<std::vector<int>>()->multitoken(), "thread counts (default 1 2)")  //
      ("steps", po::value<std::int64_t>()->default_value(20), "steps per measurement")         //
      ("degree", po::value<double>()->default_value(20.0), "mean within-group degree");
  po::variables_map values;
  if (!parse(args, options, "usage: detente bench [options]", values, false)) return 0;
  auto agents = values.count("agents") ? values["agents"].as<std::vector<std::int64_t>>()
                                       : std::vector<std::int64_t>{100000, 1000000};
  auto threads =
      values.count("threads") ? values["threads"].as<std::vector<int>>() : std::vector<int>{1, 2};

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
      std::printf(
          "          phases ms/step: events %.2f media %.2f contact %.2f influence %.2f "
          "consolidation %.2f; build %.2f s\n",
          1e3 * r.phases.events / steps, 1e3 * r.phases.media / steps,
          1e3 * r.phases.contact / steps, 1e3 * r.phases.influence / steps,
          1e3 * r.phases.consolidation / steps, r.build_seconds);
      std::fflush(stdout);
    }
  }
  return 0;
}

}  // namespace detente::cli

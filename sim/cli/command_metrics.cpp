// detente metrics: the metric table (every outcome the recorders write, with
// its subjects, unit, direction, label and meaning); detente phases: the
// trust model's step, phase by phase.
#include <iostream>

#include "cli/options.hpp"
#include "engine/step_order.hpp"
#include "metrics/metric_table.hpp"

namespace detente::cli {

int metrics_command(const Arguments& args) {
  po::options_description options("options");
  options.add_options()("json",
                        "print the table as JSON (read by analysis/ and the workshop page)")(
      "markdown", "print the table as Markdown");
  po::variables_map values;
  if (!parse(args, options, "usage: detente metrics [--json | --markdown]", values, false))
    return 0;
  if (values.count("json")) {
    std::cout << metrics::metric_table_json();
    return 0;
  }
  const bool markdown = values.count("markdown") > 0;
  if (markdown)
    std::cout
        << "| metric | model | subjects | unit | better | scale | label | meaning | trigger |\n"
           "|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& m : metrics::metric_table()) {
    const std::string subjects = m.subjects == metrics::Subjects::all_only
                                     ? "all"
                                     : std::string(metrics::to_string(m.subjects)) + ", all";
    if (markdown) {
      std::cout << "| `" << m.name << "` | " << metrics::to_string(m.model) << " | " << subjects
                << " | " << m.unit << " | " << metrics::to_string(m.better) << " | "
                << metrics::to_string(m.scale) << " | " << m.label << " | " << m.meaning << " | "
                << (m.watchable ? "yes" : "") << " |\n";
      continue;
    }
    std::cout << m.name << " (" << metrics::to_string(m.model) << " model; subjects " << subjects
              << "; " << m.unit << "; " << metrics::to_string(m.better)
              << " is better; differences read as " << metrics::to_string(m.scale)
              << (m.watchable ? "; triggers may watch it" : "") << ")\n    " << m.label << ": "
              << m.meaning << "\n";
  }
  return 0;
}

int phases_command(const Arguments& args) {
  po::options_description options("options");
  po::variables_map values;
  if (!parse(args, options, "usage: detente phases", values, false)) return 0;
  int k = 0;
  for (const auto& phase : engine::describe_step_order())
    std::cout << ++k << ". " << phase.name << "\n   reads:  " << phase.reads
              << "\n   writes: " << phase.writes << "\n   why here: " << phase.why << "\n";
  return 0;
}

}  // namespace detente::cli

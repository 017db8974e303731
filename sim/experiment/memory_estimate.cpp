#include "experiment/memory_estimate.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <limits>
#include <sstream>

#include "core/errors.hpp"

namespace detente {
namespace {

// Bytes per agent, per directed social tie and per cross-group tie of one
// simulation's state, and per recorded row: the measured costs, doubled so
// the estimate stays an upper bound. Measured as the peak resident size of
// `detente run scenarios/baseline.yaml --set steps=2 --threads 1
// --set precision=float64` (/usr/bin/time -f %M) between 200,000 and
// 2,000,000 agents at mean_degree 12, and at 200,000 agents with mean_degree
// 100: about 96 bytes per agent and 8 per tie.
constexpr double kBytesPerAgent = 192;
constexpr double kBytesPerTie = 16;
// A run records about 40 rows per output step for 2 groups (7 subjects);
// each row is held twice at the end (the run's rows and the result's), about
// 200 bytes.
constexpr double kRowsPerSubjectStep = 12;
constexpr double kBytesPerRow = 200;
constexpr double kBytesPerAgentRow = 200;  // an agents.csv row, held the same way
constexpr double kBytesPerEdgeRow = 100;   // an edges.csv row (40 bytes), held twice, with slack
constexpr double kBytesPerFileByte = 16;   // a network file's edges once read, per byte of file

double directed_ties(const scenario::Scenario& s) {
  if (!s.network.file.empty()) {
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(s.network.file, ec);
    return ec ? 0.0 : static_cast<double>(bytes) * kBytesPerFileByte / kBytesPerTie;
  }
  double ties = 0;
  for (const auto& g : s.population.groups) {
    const double n = static_cast<double>(g.size);
    const double degree = s.network.within.model == scenario::NetworkModel::complete
                              ? n - 1
                              : std::min(s.network.within.mean_degree, std::max(n - 1, 0.0));
    ties += n * degree;
  }
  return ties;
}

}  // namespace

MemoryEstimate estimate_memory(const scenario::Scenario& s, const RunCount& count) {
  MemoryEstimate e;
  for (const auto& g : s.population.groups)
    e.agents += static_cast<double>(g.size);
  const double cross = e.agents * s.network.between.mean_degree;
  e.ties = directed_ties(s) + cross;
  if (scenario::implicit_complete_graph(s)) e.ties = 0;
  e.simulation_bytes = e.agents * kBytesPerAgent + e.ties * kBytesPerTie;

  const double groups = static_cast<double>(std::max<std::size_t>(s.population.groups.size(), 1));
  const double subjects = 1 + groups + groups * groups;  // all, each group, each ordered pair
  const double output_steps = static_cast<double>(s.steps) /
                                  static_cast<double>(std::max<std::int64_t>(s.outputs.every, 1)) +
                              2;
  const double rows_per_run = output_steps * subjects * kRowsPerSubjectStep;
  const double snapshot_rows = static_cast<double>(s.outputs.agents.size()) * e.agents;
  // outputs.network: a row per tie. e.ties counts a within-group tie in both
  // directions but it is written once, which leaves room for programme ties
  // (unknown before the run) up to half the within-group ties.
  const double edge_rows = static_cast<double>(s.outputs.network.size()) * e.ties;
  const double parallel = std::clamp(count.parallel, 1.0, std::max(count.runs, 1.0));
  const double held = count.outputs_kept ? count.runs : parallel;
  e.output_bytes = held * (rows_per_run * kBytesPerRow + snapshot_rows * kBytesPerAgentRow +
                           edge_rows * kBytesPerEdgeRow);

  e.total_bytes = parallel * e.simulation_bytes + e.output_bytes;
  return e;
}

double memory_limit(std::optional<double> requested) {
  if (requested) return *requested;
  std::ifstream meminfo("/proc/meminfo");
  std::string line;
  while (std::getline(meminfo, line)) {
    std::istringstream fields(line);
    std::string key;
    double kib = 0;
    if (fields >> key >> kib && key == "MemAvailable:") return kib * 1024;
  }
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page = sysconf(_SC_PAGE_SIZE);
  if (pages > 0 && page > 0) return static_cast<double>(pages) * static_cast<double>(page);
  return std::numeric_limits<double>::infinity();  // unknown: nothing to hold the run to
}

double parse_memory_size(const std::string& text, const std::string& option) {
  const auto refuse = [&] {
    throw InputError(option +
                     ": expected a size such as 512M, 4G or 1.5GiB (bytes without a unit), got \"" +
                     text + "\"");
  };
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    refuse();
  }
  std::string unit = text.substr(used);
  for (const std::string_view suffix : {"iB", "B"})
    if (unit.size() > suffix.size() && unit.ends_with(suffix)) {
      unit.resize(unit.size() - suffix.size());
      break;
    }
  if (unit == "B") unit.clear();
  double scale = 1;
  if (unit == "K" || unit == "k")
    scale = 1024.0;
  else if (unit == "M")
    scale = 1024.0 * 1024;
  else if (unit == "G")
    scale = 1024.0 * 1024 * 1024;
  else if (unit == "T")
    scale = 1024.0 * 1024 * 1024 * 1024;
  else if (!unit.empty())
    refuse();
  if (!std::isfinite(value) || value <= 0) refuse();
  return value * scale;
}

std::string format_bytes(double bytes) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  int u = 0;
  while (bytes >= 1024 && u < 6) {
    bytes /= 1024;
    ++u;
  }
  std::ostringstream out;
  out.precision(bytes < 10 ? 2 : 3);
  out << bytes << " " << units[u];
  return out.str();
}

void check_memory(const MemoryEstimate& e, double limit, const std::string& where) {
  if (!(e.total_bytes > limit)) return;
  std::ostringstream why;
  why << std::fixed << std::setprecision(0) << where << ": this run needs about "
      << format_bytes(e.total_bytes) << " of memory (" << e.agents << " agents and " << e.ties
      << " ties: " << format_bytes(e.simulation_bytes) << " per simulation; recorded outputs "
      << format_bytes(e.output_bytes) << "), more than the " << format_bytes(limit)
      << " it may use; make population.groups[].size, network.within.mean_degree, the "
         "replicates or --threads smaller, or raise the limit with --max-memory";
  throw InputError(why.str());
}

}  // namespace detente

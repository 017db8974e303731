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

// The group with the most people (the first of equals): its size drives the agents' share.
std::size_t largest_group(const scenario::Scenario& s) {
  std::size_t largest = 0;
  for (std::size_t g = 1; g < s.population.groups.size(); ++g)
    if (s.population.groups[g].size > s.population.groups[largest].size) largest = g;
  return largest;
}

// The recorded outputs' shares of the estimate, in bytes.
struct OutputShares {
  double rows = 0;       // timeseries rows
  double snapshots = 0;  // outputs.agents rows
  double edges = 0;      // outputs.network rows
};

// The key behind the largest share of the estimate, and how to shrink it.
void name_driver(const scenario::Scenario& s, double within_ties, double cross_ties,
                 const OutputShares& outputs, MemoryEstimate& e) {
  const double agent_bytes = e.parallel * e.agents * kBytesPerAgent;
  const double within_bytes = e.parallel * within_ties * kBytesPerTie;
  const double cross_bytes = e.parallel * cross_ties * kBytesPerTie;
  const double largest = std::max(
      {agent_bytes, within_bytes, cross_bytes, outputs.rows, outputs.snapshots, outputs.edges});
  const std::string at_once = e.parallel > 1 ? ", run fewer at once (--threads)" : "";
  if (largest == agent_bytes) {
    e.driver = "population.groups[" + std::to_string(largest_group(s)) + "].size";
    e.remedy = "make the groups smaller (population.groups[].size)" + at_once;
  } else if (largest == within_bytes && !s.network.file.empty()) {
    e.driver = "network.file";
    e.remedy = "use a smaller network file" + at_once;
  } else if (largest == within_bytes &&
             s.network.within.model == scenario::NetworkModel::complete) {
    e.driver = "network.within.model";
    e.remedy = "use a sparser network.within.model than complete" + at_once;
  } else if (largest == within_bytes) {
    e.driver = "network.within.mean_degree";
    e.remedy = "make network.within.mean_degree smaller" + at_once;
  } else if (largest == cross_bytes) {
    e.driver = "network.between.mean_degree";
    e.remedy = "make network.between.mean_degree smaller" + at_once;
  } else if (largest == outputs.edges) {
    e.driver = "outputs.network";
    e.remedy = "write the network at fewer steps (outputs.network), or run fewer replicates";
  } else if (largest == outputs.snapshots) {
    e.driver = "outputs.agents";
    e.remedy = "snapshot the agents at fewer steps (outputs.agents), or run fewer replicates";
  } else {
    e.driver = "steps";
    e.remedy =
        "record fewer steps (fewer steps or a larger outputs.every), or run fewer replicates";
  }
}

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
  const bool no_edges = scenario::implicit_complete_graph(s);
  const double within = no_edges ? 0 : directed_ties(s);
  const double cross = no_edges ? 0 : e.agents * s.network.between.mean_degree;
  e.ties = within + cross;
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
  e.parallel = std::clamp(count.parallel, 1.0, std::max(count.runs, 1.0));
  const double held = count.outputs_kept ? count.runs : e.parallel;
  const double row_bytes = held * rows_per_run * kBytesPerRow;
  const double snapshot_bytes = held * snapshot_rows * kBytesPerAgentRow;
  const double edge_bytes = held * edge_rows * kBytesPerEdgeRow;
  e.output_bytes = row_bytes + snapshot_bytes + edge_bytes;

  e.total_bytes = e.parallel * e.simulation_bytes + e.output_bytes;
  name_driver(s, within, cross, {row_bytes, snapshot_bytes, edge_bytes}, e);
  return e;
}

bool may_change_memory(const std::string& path) {
  // What estimate_memory reads: the groups, the network, the classic model
  // (on the complete graph it builds no edges), the steps and the outputs.
  for (const std::string_view prefix :
       {"population", "network", "steps", "outputs", "dynamics.classic"})
    if (path == prefix || (path.starts_with(prefix) && path[prefix.size()] == '.')) return true;
  return false;
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

namespace {

// The smallest whole number of GiB (or MiB, under one GiB) above `bytes`.
std::string limit_above(double bytes) {
  constexpr double kMiB = 1024.0 * 1024, kGiB = 1024 * kMiB;
  std::ostringstream text;
  text << std::fixed << std::setprecision(0);
  if (bytes >= kGiB)
    text << std::floor(bytes / kGiB) + 1 << "G";
  else
    text << std::floor(bytes / kMiB) + 1 << "M";
  return text.str();
}

}  // namespace

std::string memory_refusal(const MemoryEstimate& e, double limit, const std::string& subject) {
  std::ostringstream why;
  why << std::fixed << std::setprecision(0) << subject << " needs about "
      << format_bytes(e.total_bytes) << " of memory (" << e.agents << " agents and " << e.ties
      << " ties: " << format_bytes(e.simulation_bytes) << " per simulation, " << e.parallel
      << " at once; recorded outputs " << format_bytes(e.output_bytes) << "), more than the "
      << format_bytes(limit) << " it may use; " << e.remedy
      << ", or raise the limit with --max-memory (e.g. --max-memory " << limit_above(e.total_bytes)
      << ")";
  return why.str();
}

void check_memory(const MemoryEstimate& e, double limit, const std::string& where) {
  if (!(e.total_bytes > limit)) return;
  throw InputError(where + ": " + e.driver + ": " + memory_refusal(e, limit));
}

}  // namespace detente

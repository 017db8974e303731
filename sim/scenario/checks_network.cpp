// Generated networks must be possible with the groups declared: degrees a
// generator can realise, and graphs that fit in memory.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "scenario/detail/checks.hpp"
#include "scenario/detail/scalars.hpp"

namespace detente::scenario::detail {
namespace {

// A complete graph on more agents would need over 2·10^8 ties per group.
constexpr std::int64_t kMaxCompleteGroup = 20000;

bool is_even_whole(double x) {
  return std::floor(x) == x && std::fmod(x, 2.0) == 0.0;
}

std::string short_number(double x) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.6g", x);
  return text.data();
}

// A grid fills rows of `columns` agents; without columns every group must be a square.
void check_grid(const Scenario& s, const Reporter& reporter) {
  const std::int64_t columns = s.network.within.columns;
  for (std::size_t i = 0; i < s.population.groups.size(); ++i) {
    const Group& g = s.population.groups[i];
    if (columns > g.size)
      reporter.expected_at("network.within.columns",
                           "at most the smallest group size (" + std::to_string(g.size) +
                               ", group \"" + g.name + "\")",
                           std::to_string(columns), "lower columns or enlarge the group");
    const auto side =
        static_cast<std::int64_t>(std::llround(std::sqrt(static_cast<double>(g.size))));
    if (columns == 0 && side * side != g.size)
      reporter.expected_at("population.groups[" + std::to_string(i) + "].size",
                           "a square number for a square grid", std::to_string(g.size),
                           "set network.within.columns to lay the group out in rows of that "
                           "many agents");
  }
}

void check_within(const Scenario& s, const Reporter& reporter) {
  const WithinNetwork& within = s.network.within;
  const std::string degree_path = "network.within.mean_degree";
  const std::string degree = format_number(within.mean_degree);
  if (within.model == NetworkModel::grid) return check_grid(s, reporter);
  if (within.model == NetworkModel::complete) {
    if (implicit_complete_graph(s)) return;  // no edges are built
    for (const Group& g : s.population.groups)
      if (g.size > kMaxCompleteGroup)
        reporter.expected_at(
            "network.within.model",
            "a sparse model for groups above " + std::to_string(kMaxCompleteGroup) + " agents",
            "complete",
            "group \"" + g.name + "\" has " + std::to_string(g.size) +
                " agents; use erdos_renyi with a mean_degree instead");
    return;  // a complete graph has no mean_degree to check
  }
  if (within.model == NetworkModel::barabasi_albert &&
      (within.mean_degree < 2.0 || !is_even_whole(within.mean_degree)))
    reporter.expected_at(degree_path, "an even whole number ≥ 2 for barabasi_albert", degree,
                         "each new agent brings mean_degree / 2 ties");
  if ((within.model == NetworkModel::watts_strogatz ||
       within.model == NetworkModel::ring_lattice) &&
      !is_even_whole(within.mean_degree))
    reporter.expected_at(
        degree_path,
        std::string("an even whole number for ") +
            (within.model == NetworkModel::ring_lattice ? "ring_lattice" : "watts_strogatz"),
        degree, "each agent is tied to mean_degree / 2 neighbours on each side");

  const auto smallest =
      std::min_element(s.population.groups.begin(), s.population.groups.end(),
                       [](const Group& a, const Group& b) { return a.size < b.size; });
  if (smallest == s.population.groups.end() ||
      within.mean_degree < static_cast<double>(smallest->size))
    return;
  // Blame the key the person wrote: the degree, or else the group's size.
  const auto index = static_cast<std::size_t>(smallest - s.population.groups.begin());
  const std::string size_path = "population.groups[" + std::to_string(index) + "].size";
  if (!reporter.was_given(degree_path) && reporter.was_given(size_path))
    reporter.expected_at(size_path, "a size above network.within.mean_degree (" + degree + ")",
                         std::to_string(smallest->size),
                         "enlarge the group or lower the mean degree");
  reporter.expected_at(degree_path,
                       "less than the smallest group size (" + std::to_string(smallest->size) +
                           ", group \"" + smallest->name + "\")",
                       degree, "lower the degree or enlarge the group");
}

void check_between(const Scenario& s, const Reporter& reporter) {
  if (s.population.groups.size() < 2) return;  // one group has no cross-group ties to make
  // The most cross-group ties per agent: every pair of agents in different
  // groups tied, 2·Σ_{g<h} n_g·n_h / N.
  double total = 0.0;
  double pairs = 0.0;
  for (const Group& g : s.population.groups) {
    const auto n = static_cast<double>(g.size);
    pairs += total * n;
    total += n;
  }
  if (total == 0.0) return;
  const double most = 2.0 * pairs / total;
  if (s.network.between.mean_degree > most)
    reporter.expected_at(
        "network.between.mean_degree",
        "at most " + short_number(most) + " (every agent tied to every agent of the other groups)",
        format_number(s.network.between.mean_degree), "lower it or enlarge the groups");
}

}  // namespace

void check_network(const Scenario& scenario, const Reporter& reporter) {
  const Network& network = scenario.network;
  if (network.file.empty()) {
    if (!network.nodes_file.empty())
      reporter.expected_at("network.nodes_file", "to come with network.file", network.nodes_file,
                           "give the edge list in network.file, or remove nodes_file");
    if (network.directed)
      reporter.expected_at("network.directed", "false for a generated network", "true",
                           "only a network loaded with network.file can be directed");
    check_within(scenario, reporter);
    check_between(scenario, reporter);
  }
}

}  // namespace detente::scenario::detail

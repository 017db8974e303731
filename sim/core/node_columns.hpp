#pragma once
// Per-agent values from a nodes file (core/network_file.hpp) replace the
// values the group distributions drew: `trust` sets trust and anchor toward
// every out-group, the other attribute columns set that attribute. The
// `opinion` column belongs to the classic models (rules/classic.hpp) and is
// left to them.
//
//   auto imported = read_network_files(edges, nodes, names, directed, strength);
//   auto pop = build_population<float>(spec, imported.group_begin, rng);
//   apply_node_columns(imported.columns, pop);
#include <span>
#include <stdexcept>

#include "core/network_file.hpp"
#include "core/population.hpp"

namespace detente {

template <class Real>
void apply_node_columns(std::span<const NodeColumn> columns, Population<Real>& pop) {
  const auto set = [&](std::vector<Real>& attribute, const std::vector<double>& values) {
    for (std::size_t i = 0; i < values.size(); ++i)
      attribute[i] = static_cast<Real>(values[i]);
  };
  for (const NodeColumn& column : columns) {
    if (column.values.size() != pop.size())
      throw std::invalid_argument("apply_node_columns: column " + column.name + " has " +
                                  std::to_string(column.values.size()) + " values for " +
                                  std::to_string(pop.size()) + " agents");
    if (column.name == "trust") {
      for (std::size_t h = 0; h < pop.groups(); ++h)
        for (std::size_t i = 0; i < pop.size(); ++i)
          if (pop.group[i] != h)
            pop.trust[h][i] = pop.anchor[h][i] = pop.disposition[h][i] =
                static_cast<Real>(column.values[i]);
    } else if (column.name == "susceptibility") {
      set(pop.susceptibility, column.values);
    } else if (column.name == "literacy") {
      set(pop.literacy, column.values);
    } else if (column.name == "convener_trust") {
      set(pop.convener_trust, column.values);
    } else if (column.name == "stubbornness") {
      set(pop.stubbornness, column.values);
    }
  }
}

}  // namespace detente

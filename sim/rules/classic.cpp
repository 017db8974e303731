// The initial state of a classic model and the choice of its rule.
#include "rules/classic.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/draws.hpp"
#include "core/errors.hpp"
#include "core/population_builder.hpp"
#include "rules/classic_axelrod.hpp"
#include "rules/classic_deffuant.hpp"
#include "rules/classic_hegselmann_krause.hpp"
#include "rules/classic_influence.hpp"
#include "rules/classic_voter.hpp"

namespace detente::rules::classic {
namespace {

constexpr std::size_t kGrain = 4096;

const NodeColumn* find_column(std::span<const NodeColumn> columns, std::string_view name) {
  for (const NodeColumn& c : columns)
    if (c.name == name) return &c;
  return nullptr;
}

// A uniform in (0,1): the inverse CDFs of beta and normal are infinite at 0.
double open_unit(const Streams& rng, std::uint32_t sub, std::uint64_t agent) {
  const double u = rng.uniforms_double(Purpose::classic, sub, 0, agent)[0];
  return std::clamp(u, 1e-12, 1.0 - 1e-12);
}

}  // namespace

template <class Real>
State<Real> initial_state(const scenario::Scenario& scenario,
                          std::span<const std::uint32_t> group_begin,
                          std::span<const NodeColumn> columns, const Streams& rng) {
  const scenario::Classic& classic = scenario.dynamics.classic;
  const std::size_t n = group_begin.empty() ? 0 : group_begin.back();
  const NodeColumn* given = find_column(columns, "opinion");
  State<Real> state;

  if (classic.model == scenario::ClassicModel::axelrod) {
    if (given != nullptr)
      throw InputError(
          "network.nodes_file: the opinion column cannot be used with dynamics.classic.model "
          "axelrod, whose agents hold cultures (random traits) instead of opinions; remove the "
          "column");
    const auto f = static_cast<std::size_t>(classic.features);
    const auto q = static_cast<std::uint32_t>(classic.traits);
    state.features = f;
    state.culture.resize(n * f);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, kGrain),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        for (std::size_t i = r.begin(); i != r.end(); ++i)
                          for (std::size_t k = 0; k < f; k += 4) {
                            const auto b = rng.bits(Purpose::classic, kCulture, 0, i,
                                                    static_cast<std::uint32_t>(k / 4));
                            for (std::size_t w = 0; w < 4 && k + w < f; ++w)
                              state.culture[i * f + k + w] =
                                  static_cast<std::uint16_t>(uniform_below32(b[w], q));
                          }
                      });
    return state;
  }

  const bool binary = classic.model == scenario::ClassicModel::voter;
  state.opinion.resize(n);
  if (given != nullptr) {
    for (std::size_t i = 0; i < n; ++i) {
      const double v = given->values[i];
      if (binary && v != 0.0 && v != 1.0) {
        std::ostringstream out;
        out << "network.nodes_file: the voter model holds opinions 0 or 1, but agent " << i
            << " (row " << i + 1 << " in group order) has opinion " << v << "; give 0 or 1";
        throw InputError(out.str());
      }
      state.opinion[i] = static_cast<Real>(v);
    }
  } else {
    const auto& groups = scenario.population.groups;
    for (std::size_t g = 0; g + 1 < group_begin.size(); ++g) {
      const scenario::Distribution& dist = groups[g].opinion;
      tbb::parallel_for(
          tbb::blocked_range<std::size_t>(group_begin[g], group_begin[g + 1], kGrain),
          [&](const tbb::blocked_range<std::size_t>& r) {
            for (std::size_t i = r.begin(); i != r.end(); ++i) {
              const double x = sample_distribution(dist, open_unit(rng, kOpinion, i));
              state.opinion[i] = static_cast<Real>(
                  binary ? (rng.uniforms_double(Purpose::classic, kBinary, 0, i)[0] < x ? 1.0 : 0.0)
                         : x);
            }
          });
    }
  }
  state.anchor = state.opinion;
  return state;
}

template <class Real>
std::unique_ptr<Rule<Real>> make_rule(const scenario::Dynamics& dynamics, const Graph& graph,
                                      const Population<Real>& population, const Streams& rng) {
  using scenario::ClassicModel;
  switch (dynamics.classic.model) {
    case ClassicModel::influence:
      return make_influence<Real>(dynamics.influence, graph, population);
    case ClassicModel::deffuant:
      return make_deffuant<Real>(dynamics.classic, graph, rng);
    case ClassicModel::hegselmann_krause:
      return make_hegselmann_krause<Real>(dynamics.classic, graph);
    case ClassicModel::voter:
      return make_voter<Real>(dynamics.classic, graph, rng);
    case ClassicModel::axelrod:
      return make_axelrod<Real>(graph, rng);
    case ClassicModel::none:
      break;
  }
  throw std::invalid_argument("classic::make_rule: no classic model chosen");
}

template State<float> initial_state(const scenario::Scenario&, std::span<const std::uint32_t>,
                                    std::span<const NodeColumn>, const Streams&);
template State<double> initial_state(const scenario::Scenario&, std::span<const std::uint32_t>,
                                     std::span<const NodeColumn>, const Streams&);
template std::unique_ptr<Rule<float>> make_rule(const scenario::Dynamics&, const Graph&,
                                                const Population<float>&, const Streams&);
template std::unique_ptr<Rule<double>> make_rule(const scenario::Dynamics&, const Graph&,
                                                 const Population<double>&, const Streams&);

}  // namespace detente::rules::classic

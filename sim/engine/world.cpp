#include "engine/world.hpp"

#include <algorithm>
#include <filesystem>

#include "core/network_builders.hpp"
#include "core/node_columns.hpp"
#include "core/population_builder.hpp"
#include "rules/norms.hpp"

namespace detente::engine {
namespace {

std::uint32_t group_mask(const std::vector<std::string>& names,
                         const std::vector<std::string>& selected) {
  if (selected.empty()) return (names.size() >= 32) ? ~0u : ((1u << names.size()) - 1u);
  std::uint32_t mask = 0;
  for (const auto& s : selected) {
    const auto it = std::find(names.begin(), names.end(), s);
    mask |= 1u << (it - names.begin());
  }
  return mask;
}

// A file named in the scenario, relative to the scenario's own folder.
std::string resolve_path(const scenario::Scenario& s, const std::string& file) {
  if (file.empty()) return file;
  std::filesystem::path p(file);
  if (p.is_absolute() || s.source_path.empty()) return file;
  return (std::filesystem::path(s.source_path).parent_path() / p).string();
}

rules::ResolvedOutlet resolve(const scenario::Outlet& outlet,
                              const std::vector<std::string>& group_names,
                              std::span<const std::uint8_t> group, const Streams& rng) {
  rules::ResolvedOutlet r;
  r.key = stream_key(outlet.name);
  r.audience_mask = group_mask(group_names, outlet.audience);
  r.reach = outlet.reach;
  r.exposure = outlet.exposure;
  r.slant = outlet.slant;
  r.credibility = outlet.credibility;
  r.convener_sponsored = outlet.sponsor == "convener";
  // Who follows an outlet is drawn once (step 0); cache it for every step.
  r.followers = rules::resolve_followers(r, group, rng);
  return r;
}

}  // namespace

template <class Real>
People<Real> build_people(const scenario::Scenario& scenario, const Streams& rng) {
  People<Real> out;
  const auto& spec = scenario.network;
  if (!spec.file.empty()) {
    std::vector<std::string> names;
    for (const auto& g : scenario.population.groups)
      names.push_back(g.name);
    auto imported = read_network_files(resolve_path(scenario, spec.file),
                                       resolve_path(scenario, spec.nodes_file), names,
                                       spec.directed, spec.between.strength);
    out.network = std::move(imported.social);
    out.ties = std::move(imported.cross);
    out.population = build_population<Real>(scenario.population, imported.group_begin, rng);
    out.population.external_id = std::move(imported.external_id);
    apply_node_columns<Real>(imported.columns, out.population);
    out.columns = std::move(imported.columns);
  } else if (implicit_complete_graph(scenario)) {
    // The classic models meet on the complete graph without its edges.
    const auto group_begin = group_ranges(scenario.population);
    out.network = build_csr(group_begin.back(), group_begin, {}, {}, false);
    out.population = build_population<Real>(scenario.population, group_begin, rng);
  } else {
    const auto group_begin = group_ranges(scenario.population);
    auto generated = generate_network(spec, group_begin, rng);
    out.network = std::move(generated.social);
    out.ties = std::move(generated.cross);
    out.population = build_population<Real>(scenario.population, group_begin, rng);
  }
  return out;
}

template <class Real>
World<Real>::World(const scenario::Scenario& s, std::uint32_t replicate)
    : scenario(s), rng(s.seed, replicate) {
  People<Real> people = build_people<Real>(s, rng);
  population = std::move(people.population);
  network = std::move(people.network);
  ties = std::move(people.ties);
  for (const auto& outlet : s.media)
    outlets.push_back(resolve(outlet, population.group_names, population.group, rng));
  settings.push_back(s.dynamics.contact.everyday);
  backlash.assign(population.groups(), 0);
  good_verdicts.assign(population.groups(), 0);
  bad_verdicts.assign(population.groups(), 0);
  slant_relief.clear();  // grown by the first training that relieves (MediaDesk::relieve)
  roster = interventions::Roster(population.size());
  leaders = rules::seat_leaders(s.dynamics.leaders, population, network);
  convener = std::make_unique<interventions::Portfolio<Real>>(s, population);
  next = population.trust;
  if (s.dynamics.norms.enabled)
    population.perceived_norm = rules::initial_norms(s.dynamics.norms, network, population);
  summarise_ties();
}

template <class Real>
World<Real>::World(const scenario::Scenario& s, const World& from)
    : scenario(s), rng(from.rng), network(from.network) {
  follow(from);
  convener = std::make_unique<interventions::Portfolio<Real>>(
      s, population, interventions::Portfolio<Real>::Alignment::already_applied);
  follow_convener(from);
}

template <class Real>
void World<Real>::follow(const World& from) {
  // Everything a phase may write (phase.hpp's parts), and the log.
  population = from.population;
  ties = from.ties;
  tie_summary = from.tie_summary;
  settings = from.settings;
  outlets = from.outlets;
  backlash = from.backlash;
  good_verdicts = from.good_verdicts;
  bad_verdicts = from.bad_verdicts;
  slant_relief = from.slant_relief;
  surge_until = from.surge_until;
  roster = from.roster;
  // A world that shares only its build with `from` (the arms differ in their
  // leaders) seats its own: the first leaders depend on nothing else.
  leaders = scenario.dynamics.leaders == from.scenario.dynamics.leaders
                ? from.leaders
                : rules::seat_leaders(scenario.dynamics.leaders, population, network);
  book = from.book;
  next = from.next;
  events = from.events;
  follow_convener(from);  // a no-op in the constructor above, which calls it again
}

template <class Real>
void World<Real>::follow_convener(const World& from) {
  // The convener's work so far, when the arms run the same interventions
  // (experiment/fork.hpp lets them share steps in which some have acted).
  if (convener && from.convener && convener->can_follow(*from.convener))
    convener->follow(*from.convener);
}

template <class Real>
void World<Real>::summarise_ties() {
  rules::summarise_ties(ties, population.group, scenario.dynamics.contact.positive_tie,
                        tie_summary);
}

template <class Real>
std::size_t World<Real>::bytes() const {
  std::size_t total = 0;
  auto add = [&total](const auto& v) { total += v.capacity() * sizeof(v[0]); };
  const auto& pop = population;
  for (const auto& v : pop.trust)
    add(v);
  for (const auto& v : pop.anchor)
    add(v);
  for (const auto& v : pop.disposition)
    add(v);
  for (const auto& v : pop.perceived_norm)
    add(v);
  for (const auto& v : next)
    add(v);
  add(pop.susceptibility), add(pop.literacy), add(pop.convener_trust), add(pop.stubbornness);
  add(pop.group), add(pop.role), add(pop.marginalised), add(pop.external_id);
  add(network.offsets), add(network.neighbours), add(network.weights);
  add(network.in_group_begin), add(network.in_group_end);
  add(ties.a), add(ties.b), add(ties.strength), add(ties.key), add(ties.setting);
  add(ties.offsets), add(ties.incident);
  add(tie_summary.positive_ties), add(tie_summary.positive_mask), add(tie_summary.any_ties);
  return total + roster.bytes() + leaders.bytes();
}

template People<float> build_people<float>(const scenario::Scenario&, const Streams&);
template People<double> build_people<double>(const scenario::Scenario&, const Streams&);
template struct World<float>;
template struct World<double>;

}  // namespace detente::engine

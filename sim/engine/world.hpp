#pragma once
// The state one replicate of the trust model steps (design §2): the people,
// their social network, the cross-group ties and their per-person summary,
// the media outlets, the contact settings, and the convener's work.
//
// Phases (phase.hpp) read and write it; nothing else does. Trust is
// double-buffered: a phase that computes new trust writes `next` from
// `population.trust` and calls publish_trust(), so no phase ever reads what
// it is writing and the result depends on neither agent order nor thread count.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/events.hpp"
#include "core/network.hpp"
#include "core/network_file.hpp"
#include "core/population.hpp"
#include "core/rng.hpp"
#include "interventions/portfolio.hpp"
#include "interventions/programme_layer.hpp"
#include "interventions/roster.hpp"
#include "rules/contact.hpp"
#include "rules/leaders.hpp"
#include "rules/media.hpp"
#include "rules/rule_context.hpp"
#include "scenario/scenario.hpp"

namespace detente::engine {

// The people and their networks as a scenario declares them, for either model.
template <class Real>
struct People {
  Population<Real> population;
  SocialNetwork network;
  CrossTies ties;                   // static cross-group ties (the social layer's)
  std::vector<NodeColumn> columns;  // per-node values from a nodes file
};

// Builds the population and networks of `replicate` from its streams:
// generated, on the implicit complete graph of the classic models, or read
// from the scenario's network files.
template <class Real>
People<Real> build_people(const scenario::Scenario& scenario, const Streams& rng);

template <class Real>
struct World {
  World(const scenario::Scenario& scenario, std::uint32_t replicate);
  // A world of `scenario` that continues `from`'s people as they stand: the
  // same replicate's streams and network, a copy of everything the steps so
  // far changed, and the convener's work of `scenario`: where the two declare
  // the same interventions by name and order, each one declared alike takes
  // `from`'s state (interventions::Portfolio::follow), the others start
  // afresh. Only right when nothing in which the two scenarios differ has
  // acted yet (experiment/fork.hpp decides when).
  World(const scenario::Scenario& scenario, const World& from);
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // Takes `from`'s state again, as the constructor above took it, further on
  // in a shared prefix; the network is the same and is not copied.
  void follow(const World& from);
  // Takes `from`'s convener state where the two portfolios can follow each
  // other (interventions::Portfolio::can_follow); otherwise keeps its own.
  void follow_convener(const World& from);

  const scenario::Scenario& scenario;
  Streams rng;
  Population<Real> population;
  SocialNetwork network;
  CrossTies ties;                 // static ties first, then the programme layer
  rules::TieSummary tie_summary;  // per person, from `ties`: refreshed whenever they change
  std::vector<scenario::Conditions> settings;  // contact settings: 0 everyday, then programmes'
  std::vector<rules::ResolvedOutlet> outlets;
  std::vector<std::uint64_t> backlash;  // per group, cumulative
  // Per group, cumulative: how its members judged their meetings across groups.
  std::vector<std::uint64_t> good_verdicts, bad_verdicts;
  std::vector<double> slant_relief;  // per training × group: hostile slant its journalists remove
  std::int64_t surge_until = -1;     // last step of a crisis's hostile-media surge
  interventions::Roster roster;
  rules::Leadership leaders;  // each group's leaders and their stances; empty while off
  interventions::SettingBook book;
  std::unique_ptr<interventions::Portfolio<Real>> convener;
  rules::TrustArrays<Real> next;  // the buffer phases write new trust into
  std::vector<Event> events;      // what happened, in order; never read by the model

  // Adds an event to the log (bounded by kMaxEventsPerRun).
  void note(Event event) {
    if (events.size() < kMaxEventsPerRun) events.push_back(std::move(event));
  }

  // Makes `next` the current trust (and the old trust the next buffer).
  void publish_trust() { std::swap(population.trust, next); }
  // Recomputes the tie summary from every tie.
  void summarise_ties();
  std::size_t bytes() const;
};

extern template struct World<float>;
extern template struct World<double>;

}  // namespace detente::engine

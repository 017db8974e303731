#include "interventions/programme.hpp"

#include <algorithm>
#include <unordered_map>

namespace detente::interventions {
template <class Real>
Programme<Real>::Programme(const Setup& setup, const TeamSpec& teams,
                           const scenario::Conditions& conditions, std::int64_t duration,
                           std::int64_t cohort, std::int64_t reunions)
    : Intervention<Real>(setup.spec->name),
      key_(stream_key(setup.spec->name)),
      index_(setup.index),
      selector_(setup.spec->target, *setup.scenario, setup.role_names),
      teams_(teams),
      conditions_(conditions),
      duration_(duration),
      cohort_(cohort),
      reunions_(reunions) {}

template <class Real>
Plan Programme<Real>::prepare(const View<Real>& world) {
  const auto& population = world.people;
  if (taken_.empty()) taken_.assign(population.size(), 0);
  // A place whose member has left (population turnover) holds someone new,
  // who may be chosen again.
  for (std::size_t i = 0; i < taken_at_.size(); ++i)
    if (taken_[i] != 0 && world.roster.arrived(static_cast<AgentId>(i)) >= taken_at_[i])
      taken_[i] = 0;
  chosen_.clear();
  Plan plan;
  reconvening_ = reunion_.held < reunions_ && !reunion_.cohorts.empty();
  if (reconvening_) {
    for (const auto& drawn : reunion_.cohorts) {
      std::vector<AgentId> still;
      for (const AgentId i : drawn)
        if (stayed(world, i)) still.push_back(i);
      plan.participants += still.size();
      chosen_.push_back(std::move(still));
    }
    return plan;
  }
  for (const std::size_t g : selector_.groups()) {
    chosen_.push_back(selector_.choose(g, Amount::of(cohort_), population, world.network, world.rng,
                                       key_, world.step, taken_));
    plan.participants += chosen_.back().size();
  }
  return plan;
}

template <class Real>
std::uint16_t Programme<Real>::setting_for_round(const View<Real>& world,
                                                 ProgrammeLayer& programmes) {
  const scenario::Conditions conditions = facilitated(conditions_, world.book.facilitation);
  if (alumni_setting_ < 0) {
    scenario::Conditions everyday = conditions;
    everyday.intensity = 1.0;
    alumni_setting_ = programmes.open_setting(everyday, index_);
  }
  if (free_settings_.empty()) return programmes.open_setting(conditions, index_);
  const std::uint16_t reused = free_settings_.back();
  free_settings_.pop_back();
  programmes.reset_setting(reused, conditions);
  return reused;
}

template <class Real>
void Programme<Real>::act(const View<Real>& world, Changes<Real>& changes) {
  Cohort cohort;
  cohort.began = world.step;
  cohort.ends = world.step + duration_;
  cohort.setting = setting_for_round(world, changes.programmes);
  if (reconvening_) {
    reconvene(world, changes.programmes, cohort.setting);
    std::vector<std::uint32_t> team;
    for (std::size_t j = 0; j < reunion_.teams.members.size(); ++j) {
      const AgentId i = reunion_.teams.members[j];
      if (!stayed(world, i)) continue;
      cohort.members.push_back(i);
      team.push_back(reunion_.teams.team[j]);
    }
    changes.programmes.record_teams({index_, world.step, cohort.members, std::move(team)});
    ++reunion_.held;
  } else {
    Teams teams = form_teams(chosen_, teams_, key_, world.step, world.rng, cohort.setting,
                             changes.programmes);
    cohort.members = teams.members;
    changes.programmes.record_teams({index_, world.step, teams.members, teams.team});
    if (reunions_ > 0) reunion_ = Reunion{world.step, 0, chosen_, std::move(teams)};
  }
  if (taken_at_.empty()) taken_at_.assign(taken_.size(), 0);
  for (const AgentId i : cohort.members) {
    taken_[i] = 1;
    taken_at_[i] = world.step;
    changes.roster.took_part(i);
  }
  running_.push_back(std::move(cohort));
}

template <class Real>
void Programme<Real>::carry_on(const View<Real>& world, Changes<Real>& changes) {
  for (const Cohort& cohort : running_) {
    if (cohort.ends != world.step) continue;
    changes.programmes.move_ties(cohort.setting, static_cast<std::uint16_t>(alumni_setting_));
    free_settings_.push_back(cohort.setting);
    // Only the members still there graduate: a place whose member left
    // (population turnover) holds someone who never took part.
    Cohort stayed = cohort;
    std::erase_if(stayed.members,
                  [&](AgentId i) { return world.roster.arrived(i) >= cohort.began; });
    for (const AgentId i : stayed.members)
      changes.roster.graduated(i);
    graduate(stayed, world, changes);
  }
  std::erase_if(running_, [&](const Cohort& c) { return c.ends <= world.step; });
}

template <class Real>
void Programme<Real>::reconvene(const View<Real>& world, ProgrammeLayer& programmes,
                                std::uint16_t setting) {
  // The cohort's ties as they stand: in the alumni setting, or in a running
  // round's setting when the reunion comes before the last round graduated.
  const CrossTies& ties = programmes.ties();
  std::unordered_map<std::uint64_t, std::size_t> standing;
  for (std::size_t e = ties.static_count; e < ties.size(); ++e)
    if (ties.setting[e] != setting &&
        world.book.owner[ties.setting[e]] == static_cast<std::int32_t>(index_))
      standing[pair_id(ties.a[e], ties.b[e])] = e;
  for (const FormedTie& t : reunion_.teams.ties) {
    if (!stayed(world, t.a) || !stayed(world, t.b)) continue;
    const auto found = standing.find(pair_id(t.a, t.b));
    if (found != standing.end()) {
      programmes.move_tie(found->second, setting);
    } else {  // faded away since: they meet again as acquaintances
      programmes.add_tie(t.a, t.b, t.strength, programme_tie_key(key_, world.step, t.a, t.b),
                         setting);
    }
  }
}

template class Programme<float>;
template class Programme<double>;

}  // namespace detente::interventions

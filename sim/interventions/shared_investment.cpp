// shared_investment (design §2.4): schools, libraries and cultural centres
// whose benefit depends on being seen and on both sides gaining. A catchment
// of `coverage` of each targeted group is drawn at the first round and
// stays; each covered agent sees the benefit as shared with chance
// `visibility` (drawn once). The sides' balance is the least covered group's
// covered share over the most covered one's (0 when a group gets nothing: a
// one-sided investment is no shared benefit). Each round, for covered agents
// who see it:
//   anchor[h]      += anchor_gain·balance·(1 − anchor[h])   (each out-group)
//   convener_trust += convener_gain·(1 − convener_trust)
// and the centre hosts recurring everyday contact: each covered agent has
// `centre_ties` partners among the covered members of other groups (drawn
// once); a round makes their ties anew if they have faded away and restores
// their strength to tie_strength otherwise.
#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "interventions/draws.hpp"
#include "interventions/targeting.hpp"
#include "interventions/types.hpp"

namespace detente::interventions {
namespace {

template <class Real>
class SharedInvestment final : public Intervention<Real> {
 public:
  void take_state(const Intervention<Real>& from) override {
    *this = static_cast<const SharedInvestment&>(from);
  }
  SharedInvestment(const Setup& setup, const scenario::SharedInvestment& p)
      : Intervention<Real>(setup.spec->name),
        params_(p),
        key_(stream_key(setup.spec->name)),
        index_(setup.index),
        selector_(setup.spec->target, *setup.scenario, setup.role_names) {}

  Plan prepare(const View<Real>& world) override {
    if (!drawn_) draw_catchment(world);
    return Plan{covered_.size(), 0};
  }

  void act(const View<Real>& world, Changes<Real>& changes) override {
    const auto& population = world.people;
    auto& attitudes = changes.attitudes;
    const double anchor_gain = params_.anchor_gain * balance_;
    for (const AgentId i : seeing_) {
      for (std::size_t h = 0; h < population.groups(); ++h)
        if (h != population.group[i])
          attitudes.anchor(h, i) = static_cast<Real>(population.anchor[h][i] +
                                                     anchor_gain * (1.0 - population.anchor[h][i]));
      attitudes.convener_trust(i) =
          static_cast<Real>(population.convener_trust[i] +
                            params_.convener_gain * (1.0 - population.convener_trust[i]));
    }
    host_contact(world, changes.programmes);
  }

 private:
  void draw_catchment(const View<Real>& world) {
    drawn_ = true;
    std::vector<std::vector<AgentId>> by_group;
    for (const std::size_t g : selector_.groups()) {
      by_group.push_back(selector_.choose(g, Amount::share_of(params_.coverage), world.people,
                                          world.network, world.rng, key_, world.step, {}));
      covered_.insert(covered_.end(), by_group.back().begin(), by_group.back().end());
    }
    weigh_balance(world.people);
    for (const AgentId i : covered_)
      if (params_.visibility >= 1.0 ||
          world.rng.uniforms(Purpose::intervention, key_, static_cast<std::uint64_t>(world.step), i,
                             kDrawVisible)[0] < params_.visibility)
        seeing_.push_back(i);
    // Partners: the pick-th covered agent outside one's own group.
    std::unordered_set<std::uint64_t> seen;
    for (std::size_t k = 0; k < by_group.size(); ++k) {
      const std::size_t others = covered_.size() - by_group[k].size();
      if (others == 0) continue;
      for (const AgentId a : by_group[k]) {
        std::array<float, 4> u{};
        for (std::int64_t t = 0; t < params_.centre_ties; ++t) {
          if (t % 4 == 0)
            u = world.rng.uniforms(Purpose::intervention, key_,
                                   static_cast<std::uint64_t>(world.step), a,
                                   kDrawPartner + static_cast<std::uint32_t>(t / 4));
          std::size_t pick =
              std::min(others - 1, static_cast<std::size_t>(u[t % 4] * static_cast<float>(others)));
          std::size_t j = 0;
          while (j == k || pick >= by_group[j].size()) {
            if (j != k) pick -= by_group[j].size();
            ++j;
          }
          const auto [lo, hi] = std::minmax(a, by_group[j][pick]);
          if (seen.insert((static_cast<std::uint64_t>(lo) << 32) | hi).second)
            pairs_.emplace_back(lo, hi);
        }
      }
    }
  }

  // How evenly the groups gain: the smallest covered share of a group over
  // the largest (every group of the population counts, targeted or not).
  void weigh_balance(const Population<Real>& people) {
    std::vector<double> covered(people.groups(), 0.0), size(people.groups(), 0.0);
    for (std::size_t i = 0; i < people.size(); ++i)
      size[people.group[i]] += 1.0;
    for (const AgentId i : covered_)
      covered[people.group[i]] += 1.0;
    double least = 1.0, most = 0.0;
    for (std::size_t g = 0; g < size.size(); ++g) {
      const double share = size[g] > 0.0 ? covered[g] / size[g] : 0.0;
      least = std::min(least, share);
      most = std::max(most, share);
    }
    balance_ = most > 0.0 ? least / most : 0.0;
  }

  void host_contact(const View<Real>& world, ProgrammeLayer& programmes) {
    const CrossTies& ties = world.ties;
    if (setting_ < 0)
      setting_ =
          programmes.open_setting(facilitated(params_.conditions, world.book.facilitation), index_);
    const auto setting = static_cast<std::uint16_t>(setting_);
    std::unordered_map<std::uint64_t, std::size_t> existing;
    for (std::size_t e = ties.static_count; e < ties.size(); ++e)
      if (ties.setting[e] == setting)
        existing.emplace((static_cast<std::uint64_t>(std::min(ties.a[e], ties.b[e])) << 32) |
                             std::max(ties.a[e], ties.b[e]),
                         e);
    for (const auto& [a, b] : pairs_) {
      const auto found = existing.find((static_cast<std::uint64_t>(a) << 32) | b);
      if (found != existing.end())
        programmes.strengthen_to(found->second, params_.tie_strength);
      else
        programmes.add_tie(a, b, params_.tie_strength, programme_tie_key(key_, world.step, a, b),
                           setting);
    }
  }

  scenario::SharedInvestment params_;
  std::uint32_t key_;
  std::size_t index_;
  Selector selector_;
  bool drawn_ = false;
  std::vector<AgentId> covered_;
  std::vector<AgentId> seeing_;  // the covered who see the benefit as shared
  double balance_ = 0.0;
  std::vector<std::pair<AgentId, AgentId>> pairs_;
  std::int32_t setting_ = -1;
};

}  // namespace

template <class Real>
std::unique_ptr<Intervention<Real>> make_shared_investment(const Setup& setup) {
  return std::make_unique<SharedInvestment<Real>>(
      setup, std::get<scenario::SharedInvestment>(setup.spec->params));
}

template std::unique_ptr<Intervention<float>> make_shared_investment<float>(const Setup&);
template std::unique_ptr<Intervention<double>> make_shared_investment<double>(const Setup&);

}  // namespace detente::interventions

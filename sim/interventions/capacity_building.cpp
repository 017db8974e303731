// capacity_building (design §2.4): training that outlasts the programme.
//  trains: journalists — a cohort of each targeted group's journalists
//    (role `journalist` unless target.roles says otherwise) learns
//    conflict-sensitive reporting. An outlet's hostile slant (σ < 0) shrinks
//    to σ·(1 − relief), relief the mean over its audience groups of
//    slant_reduction × the practice of that group's journalists: each
//    trainee starts at practice 1, loses `fade` of it per step, and leaves the
//    newsroom with chance `turnover` per step (their successor is untrained
//    and can be trained in a later round). So relief lasts only as long as
//    the newsrooms keep their trainees and the trainees their habits.
//  trains: facilitators — trained facilitators raise the conditions of
//    programmes set up later by conditions_gain·min(1, trained /
//    facilitators_needed) of the way to 1 (programme_layer.hpp facilitated()).
#include <algorithm>

#include "interventions/draws.hpp"
#include "interventions/targeting.hpp"
#include "interventions/types.hpp"

namespace detente::interventions {
namespace {

constexpr std::string_view kJournalist = "journalist";

scenario::Targeting trainees(const scenario::Intervention& spec,
                             const scenario::CapacityBuilding& p) {
  scenario::Targeting target = spec.target;
  if (p.trains == scenario::Trainees::journalists && target.roles.empty())
    target.roles = {std::string(kJournalist)};
  return target;
}

template <class Real>
class CapacityBuilding final : public Intervention<Real> {
 public:
  void take_state(const Intervention<Real>& from) override {
    *this = static_cast<const CapacityBuilding&>(from);
  }
  CapacityBuilding(const Setup& setup, const scenario::CapacityBuilding& p)
      : Intervention<Real>(setup.spec->name),
        params_(p),
        index_(setup.index),
        key_(stream_key(setup.spec->name)),
        selector_(trainees(*setup.spec, p), *setup.scenario, setup.role_names) {
    for (std::size_t r = 0; r < setup.role_names.size(); ++r)
      if (setup.role_names[r] == kJournalist) journalist_role_ = static_cast<std::int32_t>(r);
  }

  Plan prepare(const View<Real>& world) override {
    if (taken_.empty()) taken_.assign(world.people.size(), 0);
    chosen_.clear();
    for (const std::size_t g : selector_.groups()) {
      const auto some = selector_.choose(g, Amount::of(params_.cohort), world.people, world.network,
                                         world.rng, key_, world.step, taken_);
      chosen_.insert(chosen_.end(), some.begin(), some.end());
    }
    return Plan{chosen_.size(), 0};
  }

  void act(const View<Real>& world, Changes<Real>& changes) override {
    const std::uint8_t flag = params_.trains == scenario::Trainees::journalists
                                  ? kTrainedJournalist
                                  : kTrainedFacilitator;
    if (practice_.empty()) practice_.assign(world.people.size(), 0.0f);
    if (trained_at_.empty()) trained_at_.assign(world.people.size(), 0);
    for (const AgentId i : chosen_) {
      taken_[i] = 1;
      changes.roster.took_part(i);
      changes.roster.trained_as(i, flag);
      practice_[i] = 1.0f;
      trained_at_[i] = world.step;
    }
    trained_ += chosen_.size();
    if (flag == kTrainedFacilitator) {
      const double level = std::min(
          1.0, static_cast<double>(trained_) / static_cast<double>(params_.facilitators_needed));
      changes.programmes.raise_facilitation(params_.conditions_gain * level);
    } else {
      relieve(world, changes.media);
    }
  }

  // Every step: trainees leave (the newsroom, or the population: a place whose
  // occupant arrived since the training holds someone untrained) and practice
  // fades, and the relief follows.
  void carry_on(const View<Real>& world, Changes<Real>& changes) override {
    if (params_.trains != scenario::Trainees::journalists || practiced_ == 0) return;
    const bool replaced = world.roster.anyone_replaced();
    if (params_.turnover <= 0.0 && params_.fade <= 0.0 && !replaced) return;
    const auto step = static_cast<std::uint64_t>(world.step);
    const auto keep = static_cast<float>(1.0 - params_.fade);
    practiced_ = 0;
    for (AgentId i = 0; i < practice_.size(); ++i) {
      if (practice_[i] <= 0.0f) continue;
      if (replaced && world.roster.arrived(i) >= trained_at_[i]) {
        practice_[i] = 0.0f;
        taken_[i] = 0;  // the newcomer can be trained
        continue;
      }
      if (params_.turnover > 0.0 && world.rng.uniforms(Purpose::intervention, key_, step, i,
                                                       kDrawTurnover)[0] < params_.turnover) {
        practice_[i] = 0.0f;
        taken_[i] = 0;  // the successor can be trained
        changes.roster.untrained(i, kTrainedJournalist);
        continue;
      }
      practice_[i] *= keep;
      ++practiced_;
    }
    relieve(world, changes.media);
  }

 private:
  // Relief per group from the practice of its journalists, then every
  // outlet's slant from its declared slant.
  void relieve(const View<Real>& world, MediaDesk& media) {
    const auto& population = world.people;
    practiced_ = 0;
    for (std::size_t g = 0; g < population.groups(); ++g) {
      std::size_t journalists = 0;
      double practice = 0.0;
      for (AgentId i = population.group_begin[g]; i < population.group_begin[g + 1]; ++i) {
        if (static_cast<std::int32_t>(population.role[i]) != journalist_role_) continue;
        ++journalists;
        practice += practice_[i];
        practiced_ += practice_[i] > 0.0f ? 1 : 0;
      }
      if (journalists == 0) continue;
      media.relieve(index_, g,
                    params_.slant_reduction * practice / static_cast<double>(journalists));
    }
    media.apply_relief();
  }

  scenario::CapacityBuilding params_;
  std::size_t index_;
  std::uint32_t key_;
  Selector selector_;
  std::int32_t journalist_role_ = -1;
  std::vector<std::uint8_t> taken_;
  std::vector<AgentId> chosen_;
  std::size_t trained_ = 0;
  std::vector<float> practice_;           // per agent: 1 when trained, fading; 0 untrained or gone
  std::vector<std::int64_t> trained_at_;  // per place: the step its occupant was last trained
  std::size_t practiced_ = 0;             // journalists with practice left (0: nothing to age)
};

}  // namespace

template <class Real>
std::unique_ptr<Intervention<Real>> make_capacity_building(const Setup& setup) {
  return std::make_unique<CapacityBuilding<Real>>(
      setup, std::get<scenario::CapacityBuilding>(setup.spec->params));
}

template std::unique_ptr<Intervention<float>> make_capacity_building<float>(const Setup&);
template std::unique_ptr<Intervention<double>> make_capacity_building<double>(const Setup&);

}  // namespace detente::interventions

// media_campaign (design §2.4): a convener-run outlet for its schedule. Each
// round, followers (a fixed share `reach` of the audience) see it with
// probability `exposure`; an exposure moves trust as the media rule does
// (rules/message.hpp) with the credibility the agent gives the sponsor:
//   sponsor convener — the agent's trust in the convener;
//   sponsor a group  — for its own members, their trust in the convener; for
//                      everyone else, their trust in the convener times their
//                      trust toward that group: a co-branded message has to
//                      get past both.
// An agent who reacts against the campaign (backlash) loses
// convener.backlash_penalty of its trust in the convener: a campaign that
// backfires costs the convener credibility on the side that rejected it.
// With norm_shift (and dynamics.norms on) that share of an accepted
// message's pull moves what the recipient believes its own group thinks
// instead of its own trust (messages.hpp, Paluck 2009).
#include <algorithm>
#include <optional>

#include "interventions/draws.hpp"
#include "interventions/messages.hpp"
#include "interventions/types.hpp"

namespace detente::interventions {
namespace {

template <class Real>
class MediaCampaign final : public Intervention<Real> {
 public:
  void take_state(const Intervention<Real>& from) override {
    *this = static_cast<const MediaCampaign&>(from);
  }
  MediaCampaign(const Setup& setup, const scenario::MediaCampaign& p)
      : Intervention<Real>(setup.spec->name),
        params_(p),
        media_(setup.scenario->dynamics.media),
        penalty_(setup.scenario->convener.backlash_penalty),
        key_(stream_key(setup.spec->name)),
        audience_(audience_mask(*setup.scenario, p.audience)) {
    const auto& groups = setup.scenario->population.groups;
    for (std::size_t g = 0; g < groups.size(); ++g)
      if (groups[g].name == p.sponsor) sponsor_ = static_cast<std::int32_t>(g);
  }

  Plan prepare(const View<Real>& world) override {
    if (!followers_)
      followers_ = followers(audience_, params_.reach, world.people.group, world.rng, key_);
    exposed_ = exposed(*followers_, params_.exposure, world.rng, key_, world.step, kDrawExpose);
    return Plan{0, exposed_.size()};
  }

  void act(const View<Real>& world, Changes<Real>& changes) override {
    const auto& population = world.people;
    auto& attitudes = changes.attitudes;
    for (const Exposure& e : exposed_) {
      const AgentId i = e.agent;
      const std::size_t own = population.group[i];
      const bool trusted_as_convener = sponsor_ < 0 || static_cast<std::size_t>(sponsor_) == own;
      double credibility = population.convener_trust[i];
      if (!trusted_as_convener) credibility *= population.trust[sponsor_][i];
      if (!deliver(media_, params_.slant, credibility, attitudes, e, params_.norm_shift)) continue;
      changes.media.count_backlash(own);
      attitudes.convener_trust(i) =
          static_cast<Real>(population.convener_trust[i] * (1.0 - penalty_));
    }
    this->count_exposures(exposed_.size());
  }

 private:
  scenario::MediaCampaign params_;
  scenario::MediaRule media_;
  double penalty_;
  std::uint32_t key_;
  std::uint32_t audience_;
  std::int32_t sponsor_ = -1;  // -1: the convener
  std::optional<std::vector<AgentId>> followers_;
  std::vector<Exposure> exposed_;
};

}  // namespace

template <class Real>
std::unique_ptr<Intervention<Real>> make_media_campaign(const Setup& setup) {
  return std::make_unique<MediaCampaign<Real>>(
      setup, std::get<scenario::MediaCampaign>(setup.spec->params));
}

template std::unique_ptr<Intervention<float>> make_media_campaign<float>(const Setup&);
template std::unique_ptr<Intervention<double>> make_media_campaign<double>(const Setup&);

}  // namespace detente::interventions

// Crises (design §2.3 rule 5, rules/shocks.hpp): scheduled or Poisson shocks
// cut trust, less so for people with positive cross-group ties, and may
// start a hostile-media surge.
#include <algorithm>
#include <cstdio>
#include <string>

#include "engine/phases/phases.hpp"
#include "rules/shocks.hpp"

namespace detente::engine {
namespace {

template <class Real>
class ShockPhase final : public Phase<Real> {
 public:
  explicit ShockPhase(const PhaseSetup& setup)
      : Phase<Real>({"shocks", Part::trust | Part::tie_summary, Part::trust | Part::surge}),
        params_(setup.scenario.dynamics.shocks) {
    std::vector<std::string> names;
    for (const auto& g : setup.scenario.population.groups)
      names.push_back(g.name);
    group_names_ = names;
    for (const auto& event : params_.events) {
      std::uint32_t mask = 0;
      if (event.groups.empty()) mask = names.size() >= 32 ? ~0u : (1u << names.size()) - 1u;
      for (const auto& name : event.groups)
        mask |= 1u << (std::find(names.begin(), names.end(), name) - names.begin());
      masks_.push_back(mask);
    }
  }

  void run(World<Real>& w, const rules::StepContext& step) override {
    if (!params_.enabled) return;
    for (const auto& hit : rules::shocks_at(params_, masks_, w.population.groups(), step)) {
      rules::apply_shock(params_, hit, w.tie_summary, w.population, w.next);
      w.note({step.step, "crisis", hit_groups(hit.group_mask), crisis_detail(hit)});
      w.publish_trust();
      if (hit.surge_steps > 0)
        w.surge_until = std::max(w.surge_until, step.step + hit.surge_steps - 1);
    }
  }

 private:
  // "all", or the names of the groups hit joined by "+".
  std::string hit_groups(std::uint32_t mask) const {
    std::string out;
    std::size_t hit = 0;
    for (std::size_t g = 0; g < group_names_.size() && g < 32; ++g)
      if (mask & (1u << g)) out += (hit++ ? "+" : "") + group_names_[g];
    return hit == group_names_.size() ? "all" : out;
  }
  static std::string crisis_detail(const rules::ShockHit& hit) {
    char magnitude[32];
    std::snprintf(magnitude, sizeof magnitude, "%.2f", hit.magnitude);
    std::string out = std::string("magnitude ") + magnitude;
    if (hit.surge_steps > 0)
      out += ", then hostile media for " + std::to_string(hit.surge_steps) + " steps";
    return out;
  }

  const scenario::Shocks& params_;
  std::vector<std::string> group_names_;
  std::vector<std::uint32_t> masks_;  // per scheduled event: the groups it hits
};

}  // namespace

template <class Real>
std::unique_ptr<Phase<Real>> shock_phase(const PhaseSetup& setup) {
  return std::make_unique<ShockPhase<Real>>(setup);
}

template std::unique_ptr<Phase<float>> shock_phase<float>(const PhaseSetup&);
template std::unique_ptr<Phase<double>> shock_phase<double>(const PhaseSetup&);

}  // namespace detente::engine

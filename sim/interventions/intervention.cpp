#include "interventions/intervention.hpp"

#include <type_traits>

#include "interventions/types.hpp"

namespace detente::interventions {

bool scheduled(const scenario::Intervention& spec, std::int64_t step) {
  if (step < spec.start) return false;
  const std::int64_t since = step - spec.start;
  if (since % spec.every != 0) return false;
  if (spec.end && step > *spec.end) return false;
  if (spec.rounds && since / spec.every >= *spec.rounds) return false;
  return true;
}

// The registry: the type of a declaration's parameters picks its factory.
template <class Real>
std::vector<std::unique_ptr<Intervention<Real>>> make_interventions(
    const scenario::Scenario& scenario, const std::vector<std::string>& role_names) {
  std::vector<std::unique_ptr<Intervention<Real>>> made;
  for (std::size_t k = 0; k < scenario.interventions.size(); ++k) {
    const Setup setup{&scenario, &scenario.interventions[k], k, role_names};
    made.push_back(std::visit(
        [&](const auto& params) -> std::unique_ptr<Intervention<Real>> {
          using P = std::decay_t<decltype(params)>;
          if constexpr (std::is_same_v<P, scenario::ExchangeProgram>)
            return make_exchange_program<Real>(setup);
          else if constexpr (std::is_same_v<P, scenario::JointProduction>)
            return make_joint_production<Real>(setup);
          else if constexpr (std::is_same_v<P, scenario::MediaCampaign>)
            return make_media_campaign<Real>(setup);
          else if constexpr (std::is_same_v<P, scenario::Curriculum>)
            return make_curriculum<Real>(setup);
          else if constexpr (std::is_same_v<P, scenario::CapacityBuilding>)
            return make_capacity_building<Real>(setup);
          else if constexpr (std::is_same_v<P, scenario::Coordination>)
            return make_coordination<Real>(setup);
          else if constexpr (std::is_same_v<P, scenario::Governance>)
            return make_governance<Real>(setup);
          else {
            static_assert(std::is_same_v<P, scenario::SharedInvestment>,
                          "an intervention type without a factory");
            return make_shared_investment<Real>(setup);
          }
        },
        scenario.interventions[k].params));
  }
  return made;
}

template std::vector<std::unique_ptr<Intervention<float>>> make_interventions(
    const scenario::Scenario&, const std::vector<std::string>&);
template std::vector<std::unique_ptr<Intervention<double>>> make_interventions(
    const scenario::Scenario&, const std::vector<std::string>&);

}  // namespace detente::interventions

#pragma once
// One factory per intervention type, each defined in the type's own file;
// make_interventions (intervention.cpp) picks one by the declaration's type.
#include <memory>

#include "interventions/intervention.hpp"

namespace detente::interventions {

template <class Real>
std::unique_ptr<Intervention<Real>> make_exchange_program(
    const Setup& setup);  // exchange_program.cpp
template <class Real>
std::unique_ptr<Intervention<Real>> make_joint_production(
    const Setup& setup);  // joint_production.cpp
template <class Real>
std::unique_ptr<Intervention<Real>> make_media_campaign(const Setup& setup);  // media_campaign.cpp
template <class Real>
std::unique_ptr<Intervention<Real>> make_curriculum(const Setup& setup);  // curriculum.cpp
template <class Real>
std::unique_ptr<Intervention<Real>> make_capacity_building(
    const Setup& setup);  // capacity_building.cpp
template <class Real>
std::unique_ptr<Intervention<Real>> make_coordination(const Setup& setup);  // coordination.cpp
template <class Real>
std::unique_ptr<Intervention<Real>> make_shared_investment(
    const Setup& setup);  // shared_investment.cpp
template <class Real>
std::unique_ptr<Intervention<Real>> make_governance(const Setup& setup);  // governance.cpp

}  // namespace detente::interventions

#pragma once
// The convener's interventions (design §2.4): one small interface, one file per
// type. An intervention acts in the first phase of a step ("scheduled events",
// before media, contact and influence), through a narrow view of the state;
// it never sees YAML, files or the command line.
//
//   class Exchange final : public Intervention<Real> {
//     void act(InterventionContext<Real>& world) override { ... }
//   };
//
// Its randomness comes from its own sub-stream (Purpose::intervention,
// stream_key(name)), so adding one never shifts anybody else's draws.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/network.hpp"
#include "core/population.hpp"
#include "core/rng.hpp"
#include "scenario/scenario.hpp"

namespace detente::interventions {

template <class Real>
struct InterventionContext {
  std::int64_t step = 0;
  const Streams* rng = nullptr;
  Population<Real>* population = nullptr;  // trust written here is seen by the step's later phases
  const SocialNetwork* network = nullptr;
  CrossTies* ties = nullptr;                              // programme ties are appended here
  std::vector<scenario::Conditions>* settings = nullptr;  // contact settings (0 = everyday)
};

template <class Real>
class Intervention {
 public:
  virtual ~Intervention() = default;
  virtual const std::string& name() const = 0;
  // Whether the schedule makes it act in `step`.
  virtual bool active(std::int64_t step) const = 0;
  virtual void act(InterventionContext<Real>& world) = 0;
};

// True when `spec`'s schedule (start, end or rounds, every) covers `step`.
bool scheduled(const scenario::Intervention& spec, std::int64_t step);

// Builds the interventions a scenario declares, in declaration order. The
// loader has already refused unknown types.
template <class Real>
std::vector<std::unique_ptr<Intervention<Real>>> make_interventions(
    std::span<const scenario::Intervention> specs);

}  // namespace detente::interventions

#pragma once
// A phase of the trust model's step: a small object with a name, the parts
// of the world it reads and writes, and run(). The order of the phases is
// declared once, in step_order.cpp; the engine times each one.
//
//   template <class Real>
//   class MediaPhase final : public Phase<Real> {
//    public:
//     MediaPhase() : Phase<Real>({"media", Part::trust | Part::outlets | Part::surge,
//                                 Part::trust | Part::backlash}) {}
//     void run(World<Real>& world, const rules::StepContext& step) override { ... }
//   };
//
// A phase that computes new trust writes world.next from the current trust
// and calls world.publish_trust() (world.hpp).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "engine/world.hpp"
#include "interventions/triggers.hpp"
#include "rules/rule_context.hpp"

namespace detente::engine {

// The parts of the world a phase may read or write.
enum class Part : std::uint32_t {
  trust = 1u << 0,          // trust toward the other groups
  anchors = 1u << 1,        // settled attitudes
  traits = 1u << 2,         // susceptibility, literacy, trust in the convener
  ties = 1u << 3,           // cross-group ties, their strengths and the programme layer
  tie_summary = 1u << 4,    // per person: positive and any cross-group ties
  settings = 1u << 5,       // contact settings and their decay factors
  outlets = 1u << 6,        // media outlets and their slants
  roster = 1u << 7,         // who took part, graduated, became an ambassador
  backlash = 1u << 8,       // reactions against messages
  surge = 1u << 9,          // a crisis's hostile-media surge
  dispositions = 1u << 10,  // lasting personal dispositions the anchors return to
  leaders = 1u << 11,       // who leads each group, and their stances
  norms = 1u << 12,         // perceived norms: the trust people believe their own group holds
  verdicts = 1u << 13,      // how people judged their meetings across groups (cumulative)
};
using Parts = std::uint32_t;
constexpr Parts operator|(Part a, Part b) {
  return static_cast<Parts>(a) | static_cast<Parts>(b);
}
constexpr Parts operator|(Parts a, Part b) {
  return a | static_cast<Parts>(b);
}
constexpr Parts parts(Part p) {
  return static_cast<Parts>(p);
}

// The parts' names, in bit order, separated by ", " ("" for none).
std::string describe(Parts parts);

struct PhaseInfo {
  std::string_view name;
  Parts reads = 0;
  Parts writes = 0;
};

template <class Real>
class Phase {
 public:
  explicit Phase(PhaseInfo info) : info_(info) {}
  virtual ~Phase() = default;
  const PhaseInfo& info() const { return info_; }
  virtual void run(World<Real>& world, const rules::StepContext& step) = 0;

 private:
  PhaseInfo info_;
};

// What a phase is built from: the scenario, and the metrics of the state the
// previous step left (for the convener's triggers).
struct PhaseSetup {
  const scenario::Scenario& scenario;
  interventions::Probe probe;
};

}  // namespace detente::engine

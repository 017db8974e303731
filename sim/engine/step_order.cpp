// The order of the trust model's step, declared once. Every phase reads the
// state the previous phase left; trust is double-buffered (world.hpp), so a
// result depends on neither agent order nor thread count.
//
// To add a phase: write it in phases/<name>.cpp (see sim/engine/README.md,
// "Adding a rule"), declare its factory below and give it its place in the
// list, with the reason for that place.
#include "engine/step_order.hpp"

namespace detente::engine {

// The phases, each defined in its own file under phases/.
template <class Real>
std::unique_ptr<Phase<Real>> convener_phase(const PhaseSetup&);
template <class Real>
std::unique_ptr<Phase<Real>> shock_phase(const PhaseSetup&);
template <class Real>
std::unique_ptr<Phase<Real>> media_phase(const PhaseSetup&);
template <class Real>
std::unique_ptr<Phase<Real>> leaders_phase(const PhaseSetup&);
template <class Real>
std::unique_ptr<Phase<Real>> contact_phase(const PhaseSetup&);
template <class Real>
std::unique_ptr<Phase<Real>> tie_ageing_phase(const PhaseSetup&);
template <class Real>
std::unique_ptr<Phase<Real>> influence_phase(const PhaseSetup&);
template <class Real>
std::unique_ptr<Phase<Real>> norms_phase(const PhaseSetup&);
template <class Real>
std::unique_ptr<Phase<Real>> consolidation_phase(const PhaseSetup&);
template <class Real>
std::unique_ptr<Phase<Real>> turnover_phase(const PhaseSetup&);

template <class Real>
std::vector<OrderedPhase<Real>> step_order(const PhaseSetup& s) {
  std::vector<OrderedPhase<Real>> order;
  const auto add = [&](std::unique_ptr<Phase<Real>> phase, std::string_view why) {
    order.push_back({std::move(phase), why});
  };
  add(convener_phase<Real>(s),
      "scheduled events first: rounds are prepared on the state the previous step left, and a "
      "programme under way when a crisis hits is already in place");
  add(shock_phase<Real>(s),
      "crises next: resilience counts the positive ties as they stand, this step's new teams "
      "included, and a hostile surge reaches this step's media");
  add(media_phase<Real>(s), "what people see this step, before they meet and talk it over");
  add(leaders_phase<Real>(s),
      "leaders speak beside the media: seats change hands and stances follow the public and "
      "the leaders' own trust, and their statements reach the public before people meet and "
      "talk it over");
  add(contact_phase<Real>(s),
      "meetings across groups, on the ties as the convener and crises left them");
  add(tie_ageing_phase<Real>(s),
      "programme ties fade after contact has had its chance to renew them, whether or not "
      "contact is on; the tie summary is then fresh for influence, metrics and the next step");
  add(influence_phase<Real>(s), "people talk over what happened with their peers");
  add(norms_phase<Real>(s),
      "then read what their group now says, and warm up where enough of it is seen to be warm; "
      "before consolidation, so a shift the norm brings can become the new normal");
  add(consolidation_phase<Real>(s),
      "only what lasted through the whole step becomes the new normal");
  add(turnover_phase<Real>(s),
      "last, between steps: newcomers take their places from the world as this step left it, "
      "and the next step's convener finds the students' successors at school, untaught");
  return order;
}

std::vector<PhaseDescription> describe_step_order() {
  const scenario::Scenario defaults;
  std::vector<PhaseDescription> out;
  for (const auto& entry : step_order<float>(PhaseSetup{defaults, {}})) {
    const PhaseInfo& info = entry.phase->info();
    out.push_back({std::string(info.name), describe(info.reads), describe(info.writes),
                   std::string(entry.why)});
  }
  return out;
}

template std::vector<OrderedPhase<float>> step_order<float>(const PhaseSetup&);
template std::vector<OrderedPhase<double>> step_order<double>(const PhaseSetup&);

}  // namespace detente::engine

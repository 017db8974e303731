#include "scenario/detail/intervention_types.hpp"

#include "scenario/detail/paths.hpp"
#include "scenario/detail/scalars.hpp"
#include "scenario/detail/schema.hpp"
#include "scenario/detail/suggest.hpp"

namespace detente::scenario::detail {

void check_intervention(const Intervention& intervention, const Value& node,
                        const std::string& path, Reporter& reporter) {
  if (intervention.end && intervention.rounds)
    reporter.expected(node.find("rounds")->value, key_path(path, "rounds"),
                      "either end or rounds, not both",
                      "remove one of them to say when the intervention stops");
  if (intervention.end && *intervention.end < intervention.start)
    reporter.expected(node.find("end")->value, key_path(path, "end"),
                      "an integer ≥ start (" + format_integer(intervention.start) + ")");
  check_intervention_type(intervention, node, path, reporter);
}

void check_intervention_type(const Intervention& intervention, const Value& node,
                             const std::string& path, Reporter& reporter) {
  if (type_index(intervention.type) < kInterventionTypes.size()) return;
  const std::string_view near = closest(intervention.type, kInterventionTypes);
  reporter.expected(node.find("type")->value, key_path(path, "type"),
                    "an intervention type (" + choice_list(kInterventionTypes) + ")",
                    near.empty() ? "" : "did you mean \"" + std::string(near) + "\"?");
}

}  // namespace detente::scenario::detail

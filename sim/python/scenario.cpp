// detente._core.Scenario: a validated scenario, loaded by the same code as
// `detente run` (scenario/load.hpp), so errors carry the same located text.
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "python/bindings.hpp"
#include "python/scenario_handle.hpp"
#include "scenario/load.hpp"

namespace py = pybind11;

namespace detente::python {
namespace {

// (path, value as YAML text, how messages name it) from the Python side.
using OverrideTuple = std::tuple<std::string, std::string, std::string>;

std::vector<scenario::Override> to_overrides(const std::vector<OverrideTuple>& given) {
  std::vector<scenario::Override> out;
  out.reserve(given.size());
  for (const auto& [path, value, label] : given)
    out.push_back({path, value, label});
  return out;
}

ScenarioHandle loaded(scenario::Scenario s, std::vector<std::string> warnings) {
  auto handle = std::make_shared<LoadedScenario>();
  handle->scenario = std::move(s);
  handle->warnings = std::move(warnings);
  return handle;
}

}  // namespace

void bind_scenario(py::module_& m) {
  py::class_<LoadedScenario, ScenarioHandle>(m, "Scenario",
                                             "A validated, immutable scenario (detente.load).")
      .def_property_readonly("name", [](const LoadedScenario& s) { return s.scenario.name; })
      .def_property_readonly("seed", [](const LoadedScenario& s) { return s.scenario.seed; })
      .def_property_readonly("steps", [](const LoadedScenario& s) { return s.scenario.steps; })
      .def_property_readonly("source",
                             [](const LoadedScenario& s) { return s.scenario.source_path; })
      .def_property_readonly(
          "arms", [](const LoadedScenario& s) { return scenario::arm_names(s.scenario); },
          "'base' and the names of the scenario's arms, in order.")
      .def_property_readonly(
          "warnings", [](const LoadedScenario& s) { return s.warnings; },
          "What the scenario allows but can never happen, located like errors.")
      .def(
          "to_yaml", [](const LoadedScenario& s) { return scenario::to_yaml(s.scenario); },
          "The resolved scenario as YAML: every key, every default filled in.")
      .def("__repr__", [](const LoadedScenario& s) {
        return "<detente.Scenario '" + s.scenario.name + "': " + std::to_string(s.scenario.steps) +
               " steps, seed " + std::to_string(s.scenario.seed) + ">";
      });

  m.def(
      "load_file",
      [](const std::string& path, const std::vector<OverrideTuple>& overrides) {
        std::vector<std::string> warnings;
        auto s = scenario::load_file(path, to_overrides(overrides), &warnings);
        return loaded(std::move(s), std::move(warnings));
      },
      py::arg("path"), py::arg("overrides"));
  m.def(
      "load_text",
      [](const std::string& yaml, const std::string& display_name,
         const std::vector<OverrideTuple>& overrides) {
        std::vector<std::string> warnings;
        auto s = scenario::load_text(yaml, display_name, to_overrides(overrides), &warnings);
        return loaded(std::move(s), std::move(warnings));
      },
      py::arg("yaml"), py::arg("display_name"), py::arg("overrides"));
}

}  // namespace detente::python

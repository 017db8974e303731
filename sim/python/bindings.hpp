#pragma once
// The pieces of the `detente._core` extension module (module.cpp puts them
// together). Each registers its functions or classes on the module; the
// Python package sim/python/detente/ wraps them into DataFrames.
#include <pybind11/pybind11.h>

namespace detente::python {

// ScenarioError and the translation of InputError into it.
void bind_errors(pybind11::module_& m);
// Scenario, load_file, load_text.
void bind_scenario(pybind11::module_& m);
// run, compare, sweep: the CLI's experiments, the same code path.
void bind_experiments(pybind11::module_& m);
// Simulation: one replicate, stepped from Python, with views of its state.
void bind_simulation(pybind11::module_& m);

}  // namespace detente::python

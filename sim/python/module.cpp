// detente._core: the C++ half of the `detente` Python package. Kept small and
// typed; pandas DataFrames are made in detente/__init__.py.
#include <pybind11/pybind11.h>

#include "core/version.hpp"
#include "metrics/metric_table.hpp"
#include "python/bindings.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "detente's engine, bound with pybind11 (use the `detente` package, not this module).";
  m.attr("__version__") = std::string(detente::version());
  m.def("metric_table_json", &detente::metrics::metric_table_json,
        "The metric table as `detente metrics --json` prints it.");
  detente::python::bind_errors(m);
  detente::python::bind_scenario(m);
  detente::python::bind_experiments(m);
  detente::python::bind_simulation(m);
}

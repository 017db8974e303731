// detente._core.Simulation: one replicate stepped from Python, with read-only
// numpy views of the engine's own arrays (no copy) and the tie list.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "engine/simulation.hpp"
#include "python/bindings.hpp"
#include "python/scenario_handle.hpp"

namespace py = pybind11;

namespace detente::python {
namespace {

class SteppedSimulation {
 public:
  SteppedSimulation(ScenarioHandle scenario, std::uint32_t replicate)
      : scenario_(std::move(scenario)), sim_(make_simulation(scenario_->scenario, replicate)) {}

  const scenario::Scenario& scenario() const { return scenario_->scenario; }
  Simulation& sim() { return *sim_; }
  const Simulation& sim() const { return *sim_; }

  // Steps until `n` more are done, the scenario's last step, or convergence
  // (converged() is true only under stop_when: converged), as the runner does. Refuses a second
  // caller while one is stepping: with the GIL released, another Python thread could otherwise step
  // the same state concurrently.
  std::int64_t step(std::int64_t n) {
    if (n < 0) throw InputError("step: expected a number of steps >= 0, got " + std::to_string(n));
    Busy busy(busy_);
    py::gil_scoped_release unlocked;
    for (std::int64_t k = 0; k < n && sim_->now() < scenario().steps && !sim_->converged(); ++k)
      sim_->step();
    return sim_->now();
  }

  // For reads that must not overlap a step running in another thread.
  void check_idle() const {
    if (busy_.load()) throw std::runtime_error("the simulation is stepping in another thread");
  }

 private:
  struct Busy {
    explicit Busy(std::atomic<bool>& flag) : flag_(flag) {
      if (flag_.exchange(true))
        throw std::runtime_error("step() is already running in another thread");
    }
    ~Busy() { flag_ = false; }
    std::atomic<bool>& flag_;
  };

  ScenarioHandle scenario_;  // make_simulation requires it to outlive the simulation
  std::unique_ptr<Simulation> sim_;
  std::atomic<bool> busy_{false};
};

const TrustState& trust_state(const SteppedSimulation& s) {
  const TrustState* state = s.sim().trust_state();
  if (state == nullptr)
    throw std::runtime_error(
        "a classic model (dynamics.classic.model) has no trust state: use record() for its "
        "opinions");
  return *state;
}

// A read-only 1-D view of `data`, kept alive by (and keeping alive) `owner`.
template <class T>
py::array view(const T* data, std::size_t n, const py::object& owner) {
  py::array_t<T> array({static_cast<py::ssize_t>(n)}, {static_cast<py::ssize_t>(sizeof(T))}, data,
                       owner);
  array.attr("setflags")(py::arg("write") = false);
  return array;
}

template <class Real>
py::dict per_group(const Population<Real>& pop, const std::vector<std::vector<Real>>& arrays,
                   const py::object& owner) {
  py::dict out;
  for (std::size_t h = 0; h < pop.groups(); ++h)
    out[py::str(pop.group_names[h])] = view(arrays[h].data(), arrays[h].size(), owner);
  return out;
}

// Calls `f(population)` with the population in its own precision.
template <class F>
auto with_population(const SteppedSimulation& s, F&& f) {
  const PopulationView people = trust_state(s).population();
  return people.f32 != nullptr ? f(*people.f32) : f(*people.f64);
}

template <class T>
py::array copy_of(const std::vector<T>& values) {
  return py::array_t<T>(static_cast<py::ssize_t>(values.size()), values.data());
}

py::dict record(const SteppedSimulation& s) {
  s.check_idle();
  std::vector<metrics::MetricRow> rows;
  s.sim().record(rows);
  const auto n = static_cast<py::ssize_t>(rows.size());
  py::list metric(n), subject(n);
  py::array_t<std::int64_t> step(n);
  py::array_t<double> value(n);
  for (py::ssize_t i = 0; i < n; ++i) {
    const auto& row = rows[static_cast<std::size_t>(i)];
    metric[i] = py::str(row.metric);
    subject[i] = py::str(row.subject);
    step.mutable_at(i) = row.step;
    value.mutable_at(i) = row.value;
  }
  py::dict out;
  out["step"] = step;
  out["metric"] = metric;
  out["subject"] = subject;
  out["value"] = value;
  return out;
}

py::dict ties(const SteppedSimulation& s) {
  s.check_idle();
  const CrossTies& t = trust_state(s).ties();
  // Copies: programme ties are appended as rounds form, so the engine's
  // arrays may move; a view kept past the next step would dangle.
  std::vector<bool> programme(t.size());
  py::array_t<bool> is_programme(static_cast<py::ssize_t>(t.size()));
  for (std::size_t i = 0; i < t.size(); ++i)
    is_programme.mutable_at(static_cast<py::ssize_t>(i)) = i >= t.static_count;
  py::dict out;
  out["source"] = copy_of(t.a);
  out["target"] = copy_of(t.b);
  out["strength"] = copy_of(t.strength);
  out["setting"] = copy_of(t.setting);
  out["programme"] = is_programme;
  return out;
}

// The address of an engine array, for the tests that check the views are not copies.
std::uintptr_t address(const SteppedSimulation& s, const std::string& array, std::size_t group) {
  return with_population(s, [&](const auto& pop) -> std::uintptr_t {
    if (array == "group") return reinterpret_cast<std::uintptr_t>(pop.group.data());
    if (array == "role") return reinterpret_cast<std::uintptr_t>(pop.role.data());
    if (array == "marginalised") return reinterpret_cast<std::uintptr_t>(pop.marginalised.data());
    if (group >= pop.groups()) throw py::index_error("no group " + std::to_string(group));
    if (array == "trust") return reinterpret_cast<std::uintptr_t>(pop.trust[group].data());
    if (array == "anchors") return reinterpret_cast<std::uintptr_t>(pop.anchor[group].data());
    throw py::key_error(array);
  });
}

}  // namespace

void bind_simulation(py::module_& m) {
  py::class_<SteppedSimulation>(m, "Simulation")
      .def(py::init([](ScenarioHandle scenario, std::uint32_t replicate) {
             py::gil_scoped_release unlocked;  // building a large world takes a while
             return std::make_unique<SteppedSimulation>(std::move(scenario), replicate);
           }),
           py::arg("scenario"), py::arg("replicate") = 0)
      .def("step", &SteppedSimulation::step, py::arg("n") = 1)
      .def_property_readonly("now", [](const SteppedSimulation& s) { return s.sim().now(); })
      .def_property_readonly("steps", [](const SteppedSimulation& s) { return s.scenario().steps; })
      .def_property_readonly("converged",
                             [](const SteppedSimulation& s) { return s.sim().converged(); })
      .def_property_readonly(
          "is_trust_model",
          [](const SteppedSimulation& s) { return s.sim().trust_state() != nullptr; })
      .def("is_output_step", [](const SteppedSimulation& s,
                                std::int64_t step) { return is_output_step(s.scenario(), step); })
      .def("record", &record)
      .def("ties", &ties)
      .def_property_readonly("group_names",
                             [](const SteppedSimulation& s) {
                               return with_population(
                                   s, [](const auto& pop) { return pop.group_names; });
                             })
      .def_property_readonly("role_names",
                             [](const SteppedSimulation& s) {
                               return with_population(
                                   s, [](const auto& pop) { return pop.role_names; });
                             })
      .def_property_readonly("trust",
                             [](const py::object& self) {
                               const auto& s = self.cast<const SteppedSimulation&>();
                               return with_population(s, [&](const auto& pop) {
                                 return per_group(pop, pop.trust, self);
                               });
                             })
      .def_property_readonly("anchors",
                             [](const py::object& self) {
                               const auto& s = self.cast<const SteppedSimulation&>();
                               return with_population(s, [&](const auto& pop) {
                                 return per_group(pop, pop.anchor, self);
                               });
                             })
      .def_property_readonly("group",
                             [](const py::object& self) {
                               const auto& s = self.cast<const SteppedSimulation&>();
                               return with_population(s, [&](const auto& pop) {
                                 return view(pop.group.data(), pop.group.size(), self);
                               });
                             })
      .def_property_readonly("role",
                             [](const py::object& self) {
                               const auto& s = self.cast<const SteppedSimulation&>();
                               return with_population(s, [&](const auto& pop) {
                                 return view(pop.role.data(), pop.role.size(), self);
                               });
                             })
      .def_property_readonly("marginalised",
                             [](const py::object& self) {
                               const auto& s = self.cast<const SteppedSimulation&>();
                               return with_population(s, [&](const auto& pop) {
                                 return view(pop.marginalised.data(), pop.marginalised.size(),
                                             self);
                               });
                             })
      .def("_address", &address, py::arg("array"), py::arg("group") = 0);
}

}  // namespace detente::python

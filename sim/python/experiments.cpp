// run, compare and sweep from Python: the CLI's own experiment functions
// (experiment/runner.hpp, compare_run.hpp, sweep_run.hpp), so a seed gives the
// same bits from both. The GIL is released while they run.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/errors.hpp"
#include "experiment/compare_run.hpp"
#include "experiment/runner.hpp"
#include "experiment/sweep_run.hpp"
#include "python/bindings.hpp"
#include "python/scenario_handle.hpp"

namespace py = pybind11;

namespace detente::python {
namespace {

// The command line's bounds (cli/options.hpp), with its messages.
constexpr int kMostReplicates = 1'000'000;

void check_counts(int replicates, int threads, int least_replicates) {
  if (replicates < least_replicates || replicates > kMostReplicates)
    throw InputError("replicates: expected an integer in [" + std::to_string(least_replicates) +
                     ", " + std::to_string(kMostReplicates) + "], got " +
                     std::to_string(replicates));
  if (threads < 0)
    throw InputError("threads: expected 0 (every core) or a positive integer, got " +
                     std::to_string(threads));
}

// timeseries.csv's columns (design §4) as lists and arrays, for pandas.
py::dict timeseries_columns(const std::vector<metrics::TimeseriesRow>& rows) {
  const auto n = static_cast<py::ssize_t>(rows.size());
  py::list arm(n), metric(n), subject(n);
  py::array_t<std::int64_t> replicate(n), step(n);
  py::array_t<double> value(n);
  auto r = replicate.mutable_unchecked<1>();
  auto s = step.mutable_unchecked<1>();
  auto v = value.mutable_unchecked<1>();
  // Arm, metric and subject names repeat: one Python string per distinct name.
  py::dict interned;
  const auto intern = [&](const std::string& text) -> py::object {
    py::str key(text);
    if (interned.contains(key)) return interned[key];
    interned[key] = key;
    return key;
  };
  for (py::ssize_t i = 0; i < n; ++i) {
    const auto& row = rows[static_cast<std::size_t>(i)];
    arm[i] = intern(row.arm);
    metric[i] = intern(row.row.metric);
    subject[i] = intern(row.row.subject);
    r(i) = row.replicate;
    s(i) = row.row.step;
    v(i) = row.row.value;
  }
  py::dict out;
  out["arm"] = arm;
  out["replicate"] = replicate;
  out["step"] = step;
  out["metric"] = metric;
  out["subject"] = subject;
  out["value"] = value;
  return out;
}

py::dict run(const ScenarioHandle& handle, int replicates, int threads,
             const std::vector<std::string>& arms, const std::optional<std::string>& out,
             const std::string& command_line) {
  check_counts(replicates, threads, 1);
  RunOptions options;
  options.replicates = replicates;
  options.threads = threads;
  options.arms = arms;
  RunResult result;
  {
    py::gil_scoped_release unlocked;
    // As `detente run`: the destination is checked (and staged) before the run.
    std::optional<io::StagedOutput> staged;
    if (out) staged.emplace(*out, io::Overwrite::results_only);
    result = run_replicates(handle->scenario, options);
    if (staged) write_results(*staged, handle->scenario, options, result, command_line);
  }
  py::dict columns = timeseries_columns(result.rows);
  py::dict answer;
  answer["timeseries"] = columns;
  answer["wall_seconds"] = result.wall_seconds;
  answer["replicate_seeds"] = result.replicate_seeds;
  return answer;
}

double compare(const ScenarioHandle& handle, int replicates, int threads,
               const std::string& baseline, const std::vector<std::string>& metrics,
               const std::string& out, const std::string& command_line) {
  check_counts(replicates, threads, 2);
  CompareOptions options;
  options.out = out;
  options.replicates = replicates;
  options.threads = threads;
  options.baseline = baseline;
  options.metrics = metrics;
  options.command_line = command_line;
  py::gil_scoped_release unlocked;
  const ThreadLimit limit(threads);  // checking the request builds a world already
  const auto arms = scenario_arms(handle->scenario);
  check_compare_request(arms, options);
  SingleProcess one;
  return run_compare(arms, options, one).wall_seconds;
}

double sweep(const std::string& file,
             const std::vector<std::tuple<std::string, std::string, std::string>>& overrides,
             int replicates, int threads, bool resume, const std::string& out,
             const std::string& command_line) {
  // 0 replicates: the sweep block's own number.
  check_counts(replicates == 0 ? 1 : replicates, threads, 1);
  std::vector<scenario::Override> given;
  for (const auto& [path, value, label] : overrides)
    given.push_back({path, value, label});
  SweepOptions options;
  options.out = out;
  options.replicates = replicates;
  options.threads = threads;
  options.resume = resume;
  options.command_line = command_line;
  py::gil_scoped_release unlocked;
  SingleProcess one;
  return run_sweep(file, given, options, one).wall_seconds;
}

}  // namespace

void bind_experiments(py::module_& m) {
  m.def("run", &run, py::arg("scenario"), py::arg("replicates"), py::arg("threads"),
        py::arg("arms"), py::arg("out"), py::arg("command_line"));
  m.def("compare", &compare, py::arg("scenario"), py::arg("replicates"), py::arg("threads"),
        py::arg("baseline"), py::arg("metrics"), py::arg("out"), py::arg("command_line"));
  m.def("sweep", &sweep, py::arg("file"), py::arg("overrides"), py::arg("replicates"),
        py::arg("threads"), py::arg("resume"), py::arg("out"), py::arg("command_line"));
}

}  // namespace detente::python

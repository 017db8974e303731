// InputError → detente.ScenarioError (a ValueError) with the location as
// attributes, so a notebook can point at the key without parsing text:
//   e.file, e.line, e.column, e.key_path  (None where the message has no location)
#include <Python.h>

#include <regex>
#include <string>

#include "core/errors.hpp"
#include "python/bindings.hpp"

namespace py = pybind11;

namespace detente::python {
namespace {

// Owned for the life of the interpreter: the translator below is a plain
// function and cannot capture it.
PyObject* scenario_error_type = nullptr;

struct Location {
  py::object file = py::none(), line = py::none(), column = py::none(), key_path = py::none();
};

// Messages are located as FILE:LINE:COLUMN: KEY.PATH: what (core/errors.hpp);
// the first line locates the first error when several are listed.
Location locate(const std::string& message) {
  Location where;
  const std::string first = message.substr(0, message.find('\n'));
  static const std::regex located(R"(^(.+):(\d+):(\d+): (.*)$)");
  std::smatch match;
  if (!std::regex_match(first, match, located)) return where;
  where.file = py::str(match[1].str());
  where.line = py::int_(std::stoll(match[2].str()));
  where.column = py::int_(std::stoll(match[3].str()));
  // A key path is one word of keys, dots and [indices] before the next ": ".
  static const std::regex key(R"(^([A-Za-z_][\w.\[\]\->]*): )");
  const std::string rest = match[4].str();
  if (std::regex_search(rest, match, key)) where.key_path = py::str(match[1].str());
  return where;
}

void raise_scenario_error(const std::string& message) {
  const Location where = locate(message);
  py::object type = py::reinterpret_borrow<py::object>(scenario_error_type);
  py::object error = type(message);
  error.attr("file") = where.file;
  error.attr("line") = where.line;
  error.attr("column") = where.column;
  error.attr("key_path") = where.key_path;
  PyErr_SetObject(scenario_error_type, error.ptr());
}

}  // namespace

void bind_errors(py::module_& m) {
  scenario_error_type = PyErr_NewExceptionWithDoc(
      "detente._core.ScenarioError",
      "Bad input a person can fix: a scenario, an override or an option.\n\n"
      "str(e) is the located message of the command line (FILE:LINE:COLUMN: key.path: what); "
      "the attributes file, line, column and key_path hold its parts (None when absent).",
      PyExc_ValueError, nullptr);
  if (scenario_error_type == nullptr) throw py::error_already_set();
  m.add_object("ScenarioError", py::handle(scenario_error_type));
  py::register_exception_translator([](std::exception_ptr pending) {
    try {
      if (pending) std::rethrow_exception(pending);
    } catch (const InputError& error) {
      raise_scenario_error(error.what());
    }
  });
}

}  // namespace detente::python

#include "errors.h"

#include <new>
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>

#include "io/errors.h"
#include "io/gdal/connection_text.h"
#include "io/run/run_errors.h"
#include "planner/cancel.h"
#include "planner/errors.h"

namespace py = pybind11;

namespace pycircleplan {
namespace {

// Owned by the module for the life of the interpreter (never freed: the module is not unloaded).
PyObject* error_type = nullptr;
PyObject* usage_error_type = nullptr;
PyObject* input_error_type = nullptr;
PyObject* output_error_type = nullptr;
PyObject* internal_error_type = nullptr;
PyObject* warning_type = nullptr;

PyObject* add_type(py::module_& m, const char* name, PyObject* bases, const char* doc) {
  const std::string qualified = std::string("circleplan.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases, nullptr);
  if (type == nullptr) throw py::error_already_set();
  m.attr(name) = py::handle(type);
  return type;
}

// Every message passes through hide_passwords, as on the command line (app/exit_codes.cpp): a
// keyword's value repeated by CLI11's own parse errors may be a connection string.
[[noreturn]] void raise(PyObject* type, const std::string& message) {
  PyErr_SetString(type, io::hide_passwords(message).c_str());
  throw py::error_already_set();
}

}  // namespace

void bind_errors(py::module_& m) {
  error_type = add_type(m, "Error", PyExc_Exception, "Any error circleplan reports.");
  usage_error_type =
      add_type(m, "UsageError",
               py::make_tuple(py::handle(error_type), py::handle(PyExc_ValueError)).release().ptr(),
               "A keyword value the command line would refuse (exit code 2 there).");
  input_error_type = add_type(m, "InputError", error_type,
                              "Bad input data: the message names the file, layer, feature and "
                              "field (exit code 1 on the command line).");
  output_error_type = add_type(m, "OutputError", error_type,
                               "An output that cannot be written (exists, is an input, disk...).");
  internal_error_type = add_type(
      m, "InternalError",
      py::make_tuple(py::handle(error_type), py::handle(PyExc_RuntimeError)).release().ptr(),
      "A broken invariant of circleplan itself (exit code 3): please report it.");
  warning_type = add_type(m, "CircleplanWarning", PyExc_UserWarning,
                          "What a run skipped, repaired or found doubtful in the data.");
}

py::handle warning_category() {
  return warning_type;
}

void raise_usage(const std::string& message) {
  raise(usage_error_type, message);
}

void raise_failure(std::exception_ptr error, const Wording& wording) {
  try {
    std::rethrow_exception(error);
  } catch (const py::error_already_set&) {
    throw;
  } catch (const planner::Cancelled& e) {
    raise(PyExc_KeyboardInterrupt, e.what());
  } catch (const std::bad_alloc&) {
    raise(PyExc_MemoryError, "out of memory; nothing was written");
  } catch (const CLI::ParseError& e) {
    raise(usage_error_type, wording(e.what()));
  } catch (const io::UsageError& e) {
    raise(usage_error_type, wording(e.what()));
  } catch (const io::InputError& e) {
    raise(input_error_type, wording(e.what()));
  } catch (const io::OutputError& e) {
    raise(output_error_type, wording(e.what()));
  } catch (const planner::InternalError& e) {
    raise(internal_error_type, wording(e.what()));
  } catch (const std::invalid_argument& e) {  // planner::InvalidValue, CRS errors: bad input
    raise(input_error_type, wording(e.what()));
  } catch (const std::exception& e) {
    raise(internal_error_type, wording(e.what()));
  } catch (...) {
    raise(internal_error_type, "unknown exception");
  }
}

}  // namespace pycircleplan

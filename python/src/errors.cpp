#include "errors.hpp"

#include <pybind11/pybind11.h>

#include <exception>
#include <string>

#include "corridor/engine/interrupt.hpp"
#include "corridor/io/atomic_file.hpp"
#include "corridor/model/invariants.hpp"
#include "corridor/model/simulate.hpp"
#include "corridor/scenario/bundled_files.hpp"
#include "corridor/scenario/diagnostic.hpp"

namespace py = pybind11;

namespace corridor::python {
namespace {

// Sets an exception of class corridor._errors.NAME, made from `arguments`.
void raise_corridor_error(const char* name, const py::tuple& arguments) {
  const py::object type = py::module_::import("corridor._errors").attr(name);
  const py::object error = type(*arguments);
  PyErr_SetObject(type.ptr(), error.ptr());
}

}  // namespace

void register_error_translation() {
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const scenario::ScenarioError& error) {
      py::list diagnostics;
      for (const auto& diagnostic : error.diagnostics()) {
        diagnostics.append(py::make_tuple(diagnostic.location.file, diagnostic.location.line,
                                          diagnostic.location.column, diagnostic.message,
                                          scenario::format_diagnostic(diagnostic)));
      }
      raise_corridor_error("ScenarioError", py::make_tuple(diagnostics));
    } catch (const engine::Interrupted& error) {
      PyErr_SetString(PyExc_KeyboardInterrupt, error.what());
    } catch (const model::RunLimitExceeded& error) {
      raise_corridor_error("RunLimitError", py::make_tuple(std::string(error.what())));
    } catch (const model::InvariantViolation& error) {
      raise_corridor_error("InternalError", py::make_tuple(std::string(error.what())));
    } catch (const scenario::BundledFileMissing& error) {
      PyErr_SetString(PyExc_FileNotFoundError, error.what());
    } catch (const io::OutputError& error) {
      PyErr_SetString(PyExc_OSError, error.what());
    }
  });
}

}  // namespace corridor::python

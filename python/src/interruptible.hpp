#pragma once
// Runs C++ work from Python the way a Python user expects of a long computation: the GIL
// released, so other Python threads go on, and Ctrl-C honoured. The work runs on a thread
// of its own while the calling thread looks for signals every 50 ms; on Ctrl-C it asks
// the runs to stop (engine/interrupt.hpp), waits for them, and raises KeyboardInterrupt.

#include <pybind11/pybind11.h>

#include <chrono>
#include <future>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>

#include "corridor/engine/interrupt.hpp"

namespace corridor::python {

template <class Work>
std::invoke_result_t<Work&> interruptible(Work work) {
  using Value = std::invoke_result_t<Work&>;
  std::packaged_task<Value()> task(std::move(work));
  std::future<Value> result = task.get_future();
  std::optional<pybind11::error_already_set> signalled;
  {
    const pybind11::gil_scoped_release released;
    std::thread worker(std::move(task));
    while (result.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
      if (signalled) continue;
      const pybind11::gil_scoped_acquire held;
      // Signal handlers run only on Python's main thread; elsewhere this finds nothing.
      if (PyErr_CheckSignals() != 0) {
        signalled.emplace();  // takes the KeyboardInterrupt (or what a handler raised)
        engine::request_interrupt();
      }
    }
    worker.join();
  }
  if (signalled) {
    engine::clear_interrupt();
    throw std::move(*signalled);
  }
  return result.get();
}

}  // namespace corridor::python

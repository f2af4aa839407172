#pragma once
// How corridor's C++ exceptions reach Python: a scenario's errors as corridor.ScenarioError
// with their positions, an interruption as KeyboardInterrupt, and the rest as the
// built-in exception a Python user would look for (python/corridor/_errors.py).

namespace corridor::python {

void register_error_translation();

}  // namespace corridor::python

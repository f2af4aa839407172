// libFuzzer harness for the scenario loader: YAML text -> tree -> overrides -> schema
// validation -> references and routes -> CorridorSpec. Every input must end in a spec or
// a ScenarioError; any other exception, a crash, a sanitizer report, a hang or runaway
// memory is a bug.
//
// An input whose first line is "#--set PATH=VALUE" also applies that override, so the
// fuzzer reaches the --set path parser too. `extends` is dropped: it would read files.

#include <cstddef>
#include <cstdint>
#include <string>

#include "corridor/scenario/diagnostic.hpp"
#include "scenario/build_spec.hpp"
#include "scenario/document.hpp"

namespace {

using corridor::scenario::ScenarioError;
namespace detail = corridor::scenario::detail;

void load(const std::string& text) {
  detail::Value root = detail::parse_yaml(text, "fuzz.yaml");
  root.erase("extends");
  const std::string prefix = "#--set ";
  if (text.compare(0, prefix.size(), prefix) == 0) {
    const std::size_t end = text.find('\n');
    detail::apply_override(root, text.substr(prefix.size(), end - prefix.size()), 1);
  }
  static_cast<void>(detail::spec_from_tree(root));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    load(std::string(reinterpret_cast<const char*>(data), size));
  } catch (const ScenarioError&) {
    // The expected answer to a bad scenario.
  }
  return 0;
}

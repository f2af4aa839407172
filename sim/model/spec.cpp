#include "corridor/model/spec.hpp"

namespace corridor::model {

const char* to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::terminal:
      return "terminal";
    case NodeKind::port:
      return "port";
    case NodeKind::border:
      return "border";
    case NodeKind::junction:
      return "junction";
  }
  return "?";
}

const char* to_string(Mode mode) {
  switch (mode) {
    case Mode::rail:
      return "rail";
    case Mode::sea:
      return "sea";
    case Mode::road:
      return "road";
  }
  return "?";
}

}  // namespace corridor::model

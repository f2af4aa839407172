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

const char* to_string(RouteChoice choice) {
  switch (choice) {
    case RouteChoice::shortest:
      return "shortest";
    case RouteChoice::fixed:
      return "fixed";
    case RouteChoice::logit:
      return "logit";
    case RouteChoice::adaptive:
      return "adaptive";
  }
  return "?";
}

const char* to_string(Attribute attribute) {
  switch (attribute) {
    case Attribute::capacity_mtpa:
      return "capacity_mtpa";
    case Attribute::capacity_teu_per_year:
      return "capacity_teu_per_year";
    case Attribute::servers:
      return "servers";
    case Attribute::dwell_h:
      return "dwell_h";
    case Attribute::speed_kmh:
      return "speed_kmh";
    case Attribute::fleet:
      return "fleet";
    case Attribute::capacity_lots:
      return "capacity_lots";
    case Attribute::loading_positions:
      return "loading_positions";
    case Attribute::max_hold_h:
      return "max_hold_h";
    case Attribute::empty_hold_h:
      return "empty_hold_h";
    case Attribute::load_h:
      return "load_h";
    case Attribute::unload_h:
      return "unload_h";
    case Attribute::tariff_usd_per_t:
      return "tariff_usd_per_t";
    case Attribute::tariff_usd_per_tkm:
      return "tariff_usd_per_tkm";
    case Attribute::service:
      return "service";
    case Attribute::dwell_cv:
      return "dwell_cv";
    case Attribute::storage_lots:
      return "storage_lots";
  }
  return "?";
}

}  // namespace corridor::model

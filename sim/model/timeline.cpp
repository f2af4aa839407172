#include "corridor/model/timeline.hpp"

#include <algorithm>

namespace corridor::model {

void Timeline::set(double day, double value) {
  const auto after = std::upper_bound(steps_.begin(), steps_.end(), day,
                                      [](double d, const Step& step) { return d < step.from_day; });
  if (after != steps_.begin() && std::prev(after)->from_day == day) {
    std::prev(after)->value = value;
    return;
  }
  steps_.insert(after, Step{day, value});
}

double Timeline::at(double day) const {
  const auto after = std::upper_bound(steps_.begin(), steps_.end(), day,
                                      [](double d, const Step& step) { return d < step.from_day; });
  return after == steps_.begin() ? steps_.front().value : std::prev(after)->value;
}

double Timeline::mean(double from_day, double to_day) const {
  if (!(to_day > from_day)) return at(from_day);
  double integral = 0.0;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    const double start = std::max(from_day, steps_[i].from_day);
    const double end = std::min(to_day, i + 1 < steps_.size() ? steps_[i + 1].from_day : to_day);
    if (end > start) integral += steps_[i].value * (end - start);
  }
  return integral / (to_day - from_day);
}

namespace {

double initial_value(const CorridorSpec& spec, FacilityKind facility, std::uint32_t index,
                     Attribute attribute, std::uint32_t terminal) {
  switch (facility) {
    case FacilityKind::node: {
      const NodeSpec& node = spec.nodes[index];
      if (terminal != kNone) {
        const TerminalSpec& part = node.terminals[terminal];
        if (attribute == Attribute::servers) return part.servers;
        if (attribute == Attribute::service) return part.service_cv;
        if (attribute == Attribute::capacity_teu_per_year) {
          return part.capacity_teu_per_year.value_or(0.0);
        }
        return part.capacity_mtpa.value_or(0.0);
      }
      switch (attribute) {
        case Attribute::servers:
          return node.servers;
        case Attribute::dwell_h:
          return node.dwell_h ? node.dwell_h->mean : 0.0;
        case Attribute::dwell_cv:
          return node.dwell_h ? node.dwell_h->cv : 0.0;
        case Attribute::tariff_usd_per_t:
          return node.tariff_usd_per_t;
        case Attribute::service:
          return node.service_cv;
        case Attribute::storage_lots:
          return node.storage_lots.value_or(0);
        default:
          return node.capacity_mtpa.value_or(0.0);
      }
    }
    case FacilityKind::link: {
      const LinkSpec& link = spec.links[index];
      if (attribute == Attribute::speed_kmh) return link.speed_kmh;
      if (attribute == Attribute::tariff_usd_per_tkm) return spec.tariff_usd_per_tkm(link);
      return link.capacity_mtpa.value_or(0.0);
    }
    case FacilityKind::vehicle: {
      const VehicleSpec& vehicle = spec.vehicles[index];
      switch (attribute) {
        case Attribute::fleet:
          return vehicle.fleet.value_or(0);
        case Attribute::capacity_lots:
          return vehicle.capacity_lots;
        case Attribute::loading_positions:
          return vehicle.loading_positions;
        case Attribute::max_hold_h:
          return vehicle.max_hold_h;
        case Attribute::empty_hold_h:
          return vehicle.empty_hold_h;
        case Attribute::load_h:
          return vehicle.load_h;
        case Attribute::unload_h:
          return vehicle.unload_h;
        default:
          return 0.0;
      }
    }
  }
  return 0.0;
}

}  // namespace

Timeline timeline_of(const CorridorSpec& spec, FacilityKind facility, std::uint32_t index,
                     Attribute attribute, std::uint32_t terminal) {
  Timeline timeline(initial_value(spec, facility, index, attribute, terminal));
  // Stable by day: of two changes on one day, the later in the scenario wins.
  std::vector<const AttributeChange*> changes;
  for (const AttributeChange& change : spec.changes) {
    if (change.facility == facility && change.index == index && change.attribute == attribute &&
        change.terminal == terminal) {
      changes.push_back(&change);
    }
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const auto* a, const auto* b) { return a->at_day < b->at_day; });
  for (const AttributeChange* change : changes) timeline.set(change->at_day, change->value);
  return timeline;
}

void apply_change(CorridorSpec& spec, const AttributeChange& change) {
  const auto whole = static_cast<std::uint32_t>(change.value);
  switch (change.facility) {
    case FacilityKind::node: {
      NodeSpec& node = spec.nodes[change.index];
      if (change.terminal != kNone) {
        TerminalSpec& terminal = node.terminals[change.terminal];
        if (change.attribute == Attribute::servers) {
          terminal.servers = whole;
        } else if (change.attribute == Attribute::service) {
          terminal.service = change.law;
          terminal.service_cv = change.value;
        } else if (change.attribute == Attribute::capacity_teu_per_year) {
          terminal.capacity_teu_per_year = change.value;
          terminal.capacity_mtpa.reset();
        } else {
          terminal.capacity_mtpa = change.value;
          terminal.capacity_teu_per_year.reset();
        }
        return;
      }
      switch (change.attribute) {
        case Attribute::servers:
          node.servers = whole;
          return;
        case Attribute::capacity_mtpa:
          node.capacity_mtpa = change.value;
          return;
        case Attribute::dwell_h:
          if (node.dwell_h) node.dwell_h->mean = change.value;
          return;
        case Attribute::dwell_cv:
          if (node.dwell_h) node.dwell_h->cv = change.value;
          return;
        case Attribute::tariff_usd_per_t:
          node.tariff_usd_per_t = change.value;
          return;
        case Attribute::service:
          node.service = change.law;
          node.service_cv = change.value;
          return;
        case Attribute::storage_lots:
          node.storage_lots = whole;
          return;
        default:
          return;
      }
    }
    case FacilityKind::link: {
      LinkSpec& link = spec.links[change.index];
      if (change.attribute == Attribute::speed_kmh) {
        link.speed_kmh = change.value;
      } else if (change.attribute == Attribute::tariff_usd_per_tkm) {
        link.tariff_usd_per_tkm = change.value;
      } else {
        link.capacity_mtpa = change.value;
      }
      return;
    }
    case FacilityKind::vehicle: {
      VehicleSpec& vehicle = spec.vehicles[change.index];
      switch (change.attribute) {
        case Attribute::fleet:
          vehicle.fleet = whole;
          return;
        case Attribute::capacity_lots:
          vehicle.capacity_lots = whole;
          return;
        case Attribute::loading_positions:
          vehicle.loading_positions = whole;
          return;
        case Attribute::max_hold_h:
          vehicle.max_hold_h = change.value;
          return;
        case Attribute::empty_hold_h:
          vehicle.empty_hold_h = change.value;
          return;
        case Attribute::load_h:
          vehicle.load_h = change.value;
          return;
        case Attribute::unload_h:
          vehicle.unload_h = change.value;
          return;
        default:
          return;
      }
    }
  }
}

CorridorSpec spec_on_day(const CorridorSpec& spec, double day) {
  CorridorSpec on_day = spec;
  std::vector<const AttributeChange*> changes;
  for (const AttributeChange& change : spec.changes) {
    if (change.at_day <= day) changes.push_back(&change);
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const auto* a, const auto* b) { return a->at_day < b->at_day; });
  for (const AttributeChange* change : changes) apply_change(on_day, *change);
  return on_day;
}

bool ever_changes(const CorridorSpec& spec, FacilityKind facility, std::uint32_t index) {
  return std::any_of(spec.changes.begin(), spec.changes.end(), [&](const AttributeChange& change) {
    return change.facility == facility && change.index == index;
  });
}

}  // namespace corridor::model

#include "corridor/scenario/plausibility.hpp"

#include <fmt/format.h>

#include "build_spec.hpp"
#include "document.hpp"

namespace corridor::scenario {
namespace {

using detail::Value;

const Value* child(const Value* value, const std::string& key) {
  return value == nullptr ? nullptr : value->find(key);
}

std::optional<double> number_at(const Value* value, const std::string& key) {
  const Value* found = child(value, key);
  if (found == nullptr || !found->is_scalar()) return std::nullopt;
  try {
    return std::stod(found->scalar);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

const std::vector<Value>& items_of(const Value* value) {
  static const std::vector<Value> none;
  return value != nullptr && value->is_sequence() ? value->items : none;
}

class Checks {
 public:
  Checks(const Value& root, const model::CorridorSpec& spec) : root_(root), spec_(spec) {}

  std::vector<Diagnostic> run() {
    const Value* network = root_.find("network");
    for (const Value& link : items_of(child(network, "links"))) check_speed(link);
    for (const Value& demand : items_of(root_.find("demand"))) check_volume(demand);
    for (const Value& event : items_of(root_.find("events"))) check_length(event);
    return std::move(warnings_);
  }

 private:
  void warn(const SourceLocation& where, std::string message) {
    warnings_.push_back({where, std::move(message)});
  }

  void check_speed(const Value& link) {
    const Value* mode = link.find("mode");
    const auto speed = number_at(&link, "speed_kmh");
    if (mode == nullptr || !speed) return;
    const double limit = mode->scalar == "rail"  ? kPlausibleRailKmh
                         : mode->scalar == "sea" ? kPlausibleSeaKmh
                                                 : 0.0;
    if (limit == 0.0 || *speed <= limit) return;
    warn(link.find("speed_kmh")->location,
         fmt::format("link '{}': a {} speed of {:g} km/h is above {:g} km/h, faster than {} "
                     "freight runs; speed_kmh is the average speed in km/h",
                     link.id().value_or("?"), mode->scalar, *speed, limit,
                     mode->scalar == "rail" ? "rail" : "sea"));
  }

  void check_volume(const Value& demand) {
    const auto volume = number_at(&demand, "volume_mtpa");
    if (!volume || *volume <= kPlausibleVolumeMtpa) return;
    warn(demand.find("volume_mtpa")->location,
         fmt::format("demand '{}': {:g} Mt/yr is more than any corridor carries (over {:g}); "
                     "volume_mtpa is million tonnes a year, not TEU or tonnes (a TEU of "
                     "cargo is some 10-14 t)",
                     demand.entry_key().value_or("?"), *volume, kPlausibleVolumeMtpa));
  }

  void check_length(const Value& event) {
    const auto days = number_at(&event, "for_days");
    if (!days || *days <= spec_.horizon_days) return;
    warn(event.find("for_days")->location,
         fmt::format("a closure of {:g} days is longer than the whole run ({:g} days): for_days "
                     "counts days, not hours",
                     *days, spec_.horizon_days));
  }

  const Value& root_;
  const model::CorridorSpec& spec_;
  std::vector<Diagnostic> warnings_;
};

SourceIndex index_sources(const Value& root) {
  SourceIndex index;
  const Value* network = root.find("network");
  const auto add = [](std::map<std::string, SourceLocation>& to, const Value* list) {
    for (const Value& item : items_of(list)) {
      if (const auto key = item.entry_key()) to.emplace(*key, item.location);
    }
  };
  add(index.nodes, child(network, "nodes"));
  add(index.links, child(network, "links"));
  add(index.vehicles, root.find("vehicles"));
  add(index.demand, root.find("demand"));
  for (const Value& vehicle : items_of(root.find("vehicles"))) {
    if (vehicle.find("loading_positions") != nullptr) {
      index.vehicles_setting_loading_positions.insert(vehicle.id().value_or(""));
    }
  }
  return index;
}

}  // namespace

CheckedScenario load_checked(const std::filesystem::path& file,
                             const std::vector<std::string>& overrides) {
  const Value root = detail::resolved_tree(file, overrides);
  CheckedScenario checked;
  checked.spec = detail::spec_from_tree(root, &checked.candidates);
  checked.sources = index_sources(root);
  checked.warnings = Checks(root, checked.spec).run();
  return checked;
}

std::string format_warning(const Diagnostic& diagnostic) {
  return fmt::format("{}:{}:{}: warning: {}", diagnostic.location.file, diagnostic.location.line,
                     diagnostic.location.column, diagnostic.message);
}

}  // namespace corridor::scenario

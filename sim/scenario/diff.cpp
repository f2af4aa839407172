#include "corridor/scenario/diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "corridor/model/calendar.hpp"
#include "document.hpp"
#include "validate.hpp"

namespace corridor::scenario {
namespace {

using detail::Value;

constexpr std::size_t kShownChars = 72;

// A value as YAML flow text: scalars as written, lists and mappings inline.
void flow(const Value& value, std::string& out) {
  switch (value.kind) {
    case Value::Kind::null:
      out += "null";
      return;
    case Value::Kind::scalar:
      out += value.scalar;
      return;
    case Value::Kind::sequence:
      out += '[';
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i > 0) out += ", ";
        flow(value.items[i], out);
      }
      out += ']';
      return;
    case Value::Kind::mapping:
      out += '{';
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i > 0) out += ", ";
        out += value.keys[i] + ": ";
        flow(value.items[i], out);
      }
      out += '}';
      return;
  }
}

std::string shown(const Value& value) {
  std::string text;
  flow(value, text);
  if (text.size() > kShownChars) text = text.substr(0, kShownChars - 3) + "...";
  return text;
}

std::string where(const SourceLocation& location) {
  return fmt::format("{}:{}:{}", location.file, location.line, location.column);
}

bool same_scalar(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const auto x = detail::parse_number(a);
  const auto y = detail::parse_number(b);
  return x && y && *x == *y;
}

bool same(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::Kind::null:
      return true;
    case Value::Kind::scalar:
      return same_scalar(a.scalar, b.scalar);
    case Value::Kind::sequence:
      return a.items.size() == b.items.size() &&
             std::equal(a.items.begin(), a.items.end(), b.items.begin(), same);
    case Value::Kind::mapping:
      if (a.items.size() != b.items.size()) return false;
      for (std::size_t i = 0; i < a.items.size(); ++i) {
        const Value* other = b.find(a.keys[i]);
        if (other == nullptr || !same(a.items[i], *other)) return false;
      }
      return true;
  }
  return false;
}

bool keyed(const Value& list) {
  return list.is_sequence() && !list.items.empty() &&
         std::all_of(list.items.begin(), list.items.end(),
                     [](const Value& item) { return item.entry_key().has_value(); });
}

const Value* entry(const Value& list, const std::string& key) {
  for (const Value& item : list.items) {
    if (item.entry_key() == key) return &item;
  }
  return nullptr;
}

KeyDifference::Group group_of(const std::string& path) {
  const auto starts = [&](const char* prefix) {
    const std::string text(prefix);
    return path.compare(0, text.size(), text) == 0 &&
           (path.size() == text.size() || path[text.size()] == '.' || path[text.size()] == '[');
  };
  if (starts("scenario.name") || starts("scenario.description")) {
    return KeyDifference::Group::labels;
  }
  for (const char* facilities : {"network", "vehicles", "demand", "events", "storms"}) {
    if (starts(facilities)) return KeyDifference::Group::facilities;
  }
  return KeyDifference::Group::global;
}

class Differ {
 public:
  explicit Differ(std::vector<KeyDifference>& out) : out_(out) {}

  void walk(const std::string& path, const Value& base, const Value& alternative) {
    if (base.is_mapping() && alternative.is_mapping()) {
      for (std::size_t i = 0; i < base.items.size(); ++i) {
        const std::string child = join(path, base.keys[i]);
        const Value* other = alternative.find(base.keys[i]);
        if (other == nullptr) {
          removed(child, base.items[i]);
        } else {
          walk(child, base.items[i], *other);
        }
      }
      for (std::size_t i = 0; i < alternative.items.size(); ++i) {
        if (base.find(alternative.keys[i]) == nullptr) {
          added(join(path, alternative.keys[i]), alternative.items[i]);
        }
      }
      return;
    }
    if (keyed(base) && keyed(alternative)) {
      for (const Value& item : base.items) {
        const std::string key = *item.entry_key();
        const std::string child = fmt::format("{}[{}]", path, key);
        const Value* other = entry(alternative, key);
        if (other == nullptr) {
          removed(child, item);
        } else {
          walk(child, item, *other);
        }
      }
      for (const Value& item : alternative.items) {
        const std::string key = *item.entry_key();
        if (entry(base, key) == nullptr) added(fmt::format("{}[{}]", path, key), item);
      }
      return;
    }
    if (!same(base, alternative)) {
      out_.push_back({KeyDifference::Change::changed, group_of(path), path, shown(base),
                      shown(alternative), where(base.location), where(alternative.location)});
    }
  }

 private:
  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  void added(const std::string& path, const Value& value) {
    out_.push_back({KeyDifference::Change::added, group_of(path), path, "", shown(value), "",
                    where(value.location)});
  }
  void removed(const std::string& path, const Value& value) {
    out_.push_back({KeyDifference::Change::removed, group_of(path), path, shown(value), "",
                    where(value.location), ""});
  }

  std::vector<KeyDifference>& out_;
};

std::string number(double value) {
  return fmt::format("{:g}", value);
}

std::string classes_text(const model::CorridorSpec& spec) {
  std::string text;
  for (const model::CargoClass& cargo_class : spec.classes) {
    if (!text.empty()) text += ", ";
    text += fmt::format("{} {:g} t", cargo_class.id, cargo_class.lot_t);
    if (cargo_class.teu_per_lot) text += fmt::format(" {:g} TEU", *cargo_class.teu_per_lot);
    if (cargo_class.value_of_time_usd_per_t_h) {
      text += fmt::format(" {:g} USD/t/h", *cargo_class.value_of_time_usd_per_t_h);
    }
  }
  return text;
}

}  // namespace

std::vector<KeyDifference> diff_scenarios(const std::filesystem::path& base,
                                          const std::filesystem::path& alternative,
                                          const std::vector<std::string>& overrides) {
  const Value base_tree = detail::resolved_tree(base, overrides);
  const Value alternative_tree = detail::resolved_tree(alternative, overrides);
  std::vector<KeyDifference> differences;
  Differ(differences).walk("", base_tree, alternative_tree);
  return differences;
}

std::vector<std::string> global_setting_changes(const model::CorridorSpec& base,
                                                const model::CorridorSpec& alternative) {
  std::vector<std::string> changes;
  const auto note = [&](const std::string& key, const std::string& from, const std::string& to) {
    if (from != to) changes.push_back(fmt::format("{} {} → {}", key, from, to));
  };
  note("routes.choice", model::to_string(base.routing.choice),
       model::to_string(alternative.routing.choice));
  note("routes.k", number(base.routing.k), number(alternative.routing.k));
  if (base.routing.choice == model::RouteChoice::logit ||
      alternative.routing.choice == model::RouteChoice::logit) {
    note("routes.logit_scale_per_usd", number(base.routing.logit_scale_per_usd),
         number(alternative.routing.logit_scale_per_usd));
  }
  note("routes.value_of_time_usd_per_t_h", number(base.routing.value_of_time_usd_per_t_h),
       number(alternative.routing.value_of_time_usd_per_t_h));
  note("scenario.horizon_days", number(base.horizon_days), number(alternative.horizon_days));
  note("scenario.warmup_days", number(base.warmup_days), number(alternative.warmup_days));
  note("scenario.seed", fmt::format("{}", base.seed), fmt::format("{}", alternative.seed));
  const auto start = [](const model::CorridorSpec& spec) {
    return spec.calendar.start() ? model::format_iso_date(*spec.calendar.start())
                                 : std::string("none");
  };
  note("scenario.start_date", start(base), start(alternative));
  note("cargo", classes_text(base), classes_text(alternative));
  for (const model::Mode mode : {model::Mode::rail, model::Mode::sea, model::Mode::road}) {
    const auto& a = base.mode_costs[static_cast<int>(mode)];
    const auto& b = alternative.mode_costs[static_cast<int>(mode)];
    const std::string key = fmt::format("modes.{}", model::to_string(mode));
    note(key + ".tariff_usd_per_tkm", number(a.tariff_usd_per_tkm), number(b.tariff_usd_per_tkm));
    note(key + ".co2_g_per_tkm", number(a.co2_g_per_tkm), number(b.co2_g_per_tkm));
  }
  return changes;
}

}  // namespace corridor::scenario

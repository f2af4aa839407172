#pragma once
// Small random scenarios, as YAML, for the differential test of the two simulation paths
// (tests/validation/differential_test.cpp). Each seed gives one scenario that mixes the
// model's features: capacitated nodes with several servers and random laws, dwell, yard
// limits, gates with departure caps, consolidating vehicles (unlimited stock, fleets,
// timetables), random travel, dated capacity changes, closures, storms, all four routing
// rules, growth and seasons, warm-up and fractional horizons.
//
// Most scenarios are "dyadic": lot size, rates, capacities and travel times
// chosen so that every gap, handling time, headway and trip is an exact binary fraction
// of an hour. Events then fall on exactly the same instants (a lot ends its handling as
// a train's hold runs out, a lot arrives as a server frees), which is where two ways of
// ordering simultaneous events would show.

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <vector>

#include "corridor/engine/random.hpp"

namespace corridor::testing {

class RandomScenario {
 public:
  explicit RandomScenario(std::uint64_t seed) : rng_(seed, 0, "differential-scenario") {
    dyadic_ = coin(0.7);
    build();
  }

  // The scenario; `shares` (one list per demand entry) fills the `fixed` rule's shares
  // once the caller knows how many candidates each entry has.
  [[nodiscard]] std::string yaml(const std::vector<std::size_t>& candidates = {}) const {
    std::string text = header_;
    text += "demand:\n";
    for (std::size_t d = 0; d < demand_.size(); ++d) {
      text += "  - {" + demand_[d];
      if (choice_ == "fixed" && d < candidates.size() && candidates[d] > 1) {
        text += ", routes: {shares: [";
        double left = 1.0;
        for (std::size_t c = 0; c < candidates[d]; ++c) {
          const double share = c + 1 == candidates[d] ? left : left / 2.0;
          left -= share;
          text += fmt::format("{}{}", c == 0 ? "" : ", ", share);
        }
        text += "]}";
      }
      text += "}\n";
    }
    return text + tail_;
  }
  [[nodiscard]] bool uses_fixed_shares() const { return choice_ == "fixed"; }

 private:
  double uniform() { return rng_.uniform_open01(); }
  bool coin(double p) { return uniform() < p; }
  std::uint32_t pick(std::uint32_t n) { return static_cast<std::uint32_t>(uniform() * n); }
  template <class T>
  const T& one_of(const std::vector<T>& options) {
    return options[pick(static_cast<std::uint32_t>(options.size()))];
  }

  // A rate (Mt/yr) whose lots come `per_h` an hour: exact binary gaps when dyadic.
  std::string rate(double lots_per_h_wanted) {
    if (dyadic_) {
      // With 10 t lots, 0.0438 Mt/yr is one lot every two hours; doubling it halves the
      // gap exactly.
      double mtpa = 0.0438;
      while (mtpa * 1e6 / 8760.0 / 10.0 * 2.0 <= lots_per_h_wanted) mtpa *= 2.0;
      return fmt::format("{}", mtpa);
    }
    return fmt::format("{:.4g}", lots_per_h_wanted * lot_t_ * 8760.0 / 1e6);
  }
  std::string law(bool allow_deterministic) {
    // Fixed times make ties; random ones make the draws' order matter.
    if (allow_deterministic && dyadic_ && coin(0.4)) return "deterministic";
    switch (pick(4)) {
      case 0:
        return allow_deterministic ? "deterministic" : "exponential";
      case 1:
        return "exponential";
      case 2:
        return fmt::format("{{dist: gamma, cv: {}}}", one_of<std::string>({"0.3", "0.7", "1.5"}));
      default:
        return fmt::format("{{dist: lognormal, cv: {}}}", one_of<std::string>({"0.2", "0.5", "1"}));
    }
  }
  std::string dwell_law() {
    switch (pick(3)) {
      case 0:
        return fmt::format("{{dist: exponential, mean_h: {}}}", hours());
      case 1:
        return fmt::format("{{dist: gamma, mean_h: {}, cv: 0.6}}", hours());
      default:
        return fmt::format("{{dist: lognormal, mean_h: {}, cv: 0.6}}", hours());
    }
  }
  std::string hours() { return one_of<std::string>({"0.5", "1", "2", "3", "4", "6", "8", "12"}); }

  void build() {
    lot_t_ = dyadic_ ? 10.0 : one_of<double>({10.0, 14.0, 25.0});
    const double horizon_days = coin(0.3) ? 20.0 + 40.0 * uniform() : 10.0 * (2 + pick(5));
    const double warmup_days =
        coin(0.5) ? 0.0 : (coin(0.5) ? 0.25 * (1 + pick(12)) : horizon_days * 0.2 * uniform());
    header_ = fmt::format(
        "scenario: {{name: differential, horizon_days: {:.6g}, warmup_days: {:.6g}, seed: {}}}\n",
        horizon_days, warmup_days, 1 + pick(1000));
    // Several classes: lots of other sizes (twice and four times the first: binary
    // multiples keep dyadic times exact), some with TEU and their own value of time.
    classes_ = coin(0.3) ? 2 + pick(2) : 1;
    if (classes_ == 1) {
      header_ += fmt::format("cargo: {{lot_t: {}}}\n", lot_t_);
    } else {
      header_ += "cargo:\n  classes:\n";
      for (std::uint32_t c = 0; c < classes_; ++c) {
        header_ += fmt::format("    - {{id: k{}, lot_t: {}{}{}}}\n", c, lot_t_ * (1 << c),
                               coin(0.5) ? ", teu_per_lot: 2" : "",
                               coin(0.3) ? ", value_of_time_usd_per_t_h: 3" : "");
      }
    }
    // The flow the scenario is sized for, in lots an hour.
    const double lots_per_h = 0.5 + 3.0 * uniform();

    std::string vehicles;
    const std::uint32_t vehicle_count = pick(3);
    for (std::uint32_t v = 0; v < vehicle_count; ++v) {
      std::string vehicle = fmt::format("  - {{id: v{}, mode: rail, capacity_lots: {}", v,
                                        one_of<int>({1, 2, 4, 8, 16, 30}));
      // A vehicle that carries one class only, which routes of the others avoid.
      const bool restricted = classes_ > 1 && coin(0.3);
      if (restricted) vehicle += fmt::format(", carries: [k{}]", pick(classes_));
      restricted_.push_back(restricted);
      if (coin(0.7)) vehicle += ", max_hold_h: " + hours();
      if (coin(0.4)) vehicle += ", load_h: " + hours();
      if (coin(0.3)) vehicle += ", unload_h: " + hours();
      const std::uint32_t kind = pick(3);
      if (kind == 0) {
        vehicle += fmt::format(", fleet: {}", 1 + pick(4));
        if (coin(0.5)) vehicle += ", empty_hold_h: " + hours();
      } else if (kind == 1) {
        vehicle += fmt::format(", timetable: {{every_h: {}, first_h: {}, skip_empty: {}}}",
                               one_of<std::string>({"2", "4", "6", "12"}), hours(),
                               coin(0.5) ? "true" : "false");
      } else if (coin(0.5)) {
        vehicle += fmt::format(", loading_positions: {}", 1 + pick(3));
      }
      vehicles += vehicle + "}\n";
    }
    if (!vehicles.empty()) header_ += "vehicles:\n" + vehicles;

    // A chain of nodes with shortcuts and parallel links, so entries have several routes.
    const std::uint32_t node_count = 3 + pick(4);
    std::string nodes;
    for (std::uint32_t n = 0; n < node_count; ++n) {
      std::string node = fmt::format("    - {{id: n{}, kind: terminal", n);
      if (coin(0.7)) {
        // More than eight servers are kept in a heap rather than scanned (booked_servers.hpp).
        const std::uint32_t servers = coin(0.6) ? 1 : (coin(0.8) ? 2 + pick(3) : 9 + pick(4));
        node += fmt::format(", capacity_mtpa: {}, servers: {}, service: {}",
                            rate(lots_per_h * (1.0 + 0.5 * uniform())), servers, law(true));
      }
      if (coin(0.4)) node += ", dwell_h: " + (coin(0.5) ? hours() : dwell_law());
      if (coin(0.15)) node += fmt::format(", storage_lots: {}", 3 + pick(40));
      // A terminal for one class, ahead of the node's own handling (which, if any, it
      // may not exceed: sized below the flow the scenario is built for).
      if (classes_ > 1 && coin(0.3)) {
        const std::uint32_t served = pick(classes_);
        node += fmt::format(
            ", terminals: [{{id: t, classes: [k{}], capacity_mtpa: {}, "
            "servers: {}, service: {}}}]",
            served, rate(lots_per_h * (0.5 + 0.4 * uniform())), 1 + pick(3), law(true));
      }
      nodes += node + "}\n";
    }
    std::string links;
    std::vector<std::string> link_ids;
    // The chain's links take vehicles that carry every class, so every entry has a route;
    // shortcuts may take one that carries a single class.
    const auto add_link = [&](std::uint32_t from, std::uint32_t to, const std::string& id,
                              bool chain) {
      std::vector<std::uint32_t> usable;
      for (std::uint32_t v = 0; v < vehicle_count; ++v) {
        if (!chain || !restricted_[v]) usable.push_back(v);
      }
      const bool by_vehicle = !usable.empty() && coin(0.4);
      const int speed = one_of<int>({25, 50, 100});
      const double travel_h = one_of<double>({0.5, 1.0, 2.0, 4.0, 8.0});
      std::string link = fmt::format(
          "    - {{id: {}, from: n{}, to: n{}, mode: {}, length_km: {}, speed_kmh: {}", id, from,
          to, by_vehicle ? "rail" : one_of<std::string>({"rail", "road"}), travel_h * speed, speed);
      if (by_vehicle) link += fmt::format(", vehicle: v{}", one_of(usable));
      if (coin(0.3)) link += ", capacity_mtpa: " + rate(lots_per_h * (0.8 + uniform()));
      if (coin(0.15)) link += ", travel: " + law(false);
      if (coin(0.1)) link += ", oneway: true";
      links += link + "}\n";
      link_ids.push_back(id);
    };
    for (std::uint32_t n = 0; n + 1 < node_count; ++n) {
      add_link(n, n + 1, fmt::format("l{}", n), true);
    }
    for (std::uint32_t extra = pick(3); extra > 0; --extra) {
      const std::uint32_t from = pick(node_count - 1);
      const std::uint32_t to = from + 1 + pick(node_count - 1 - from);
      add_link(from, to, fmt::format("x{}", extra), false);
    }
    header_ += "network:\n  nodes:\n" + nodes + "  links:\n" + links;

    const std::uint32_t entries = 1 + pick(3);
    for (std::uint32_t d = 0; d < entries; ++d) {
      const std::uint32_t origin = d == 0 ? 0 : pick(node_count - 1);
      const std::uint32_t destination =
          d == 0 ? node_count - 1 : origin + 1 + pick(node_count - 1 - origin);
      std::string entry = fmt::format("id: d{}, origin: n{}, destination: n{}, volume_mtpa: {}", d,
                                      origin, destination, rate(lots_per_h / entries));
      if (classes_ > 1) entry += fmt::format(", class: k{}", pick(classes_));
      if (coin(dyadic_ ? 0.7 : 0.3)) entry += ", arrivals: regular";
      if (coin(0.15)) entry += fmt::format(", growth_pct_per_year: {}", pick(60));
      if (coin(0.1)) entry += ", seasonality: [1, 1.5, 0.5, 1, 1, 2, 1, 1, 0.7, 1, 1, 1]";
      if (coin(0.2)) entry += fmt::format(", promise_days: {}", 1 + pick(5));
      demand_.push_back(entry);
    }

    std::string events;
    for (std::uint32_t e = pick(4); e > 0; --e) {
      const double at_day = coin(0.5) ? 0.5 * pick(static_cast<std::uint32_t>(horizon_days))
                                      : uniform() * horizon_days;
      if (coin(0.5)) {
        const std::string& link = one_of(link_ids);
        events += fmt::format("  - {{at_day: {:.6g}, close: {{link: {}}}, for_days: {:.4g}}}\n",
                              at_day, link, coin(0.5) ? 0.5 : 3.0 * uniform());
      } else if (coin(0.5)) {
        events += fmt::format("  - {{at_day: {:.6g}, set: {{node: n{}, capacity_mtpa: {}}}}}\n",
                              at_day, pick(node_count), rate(lots_per_h * (0.5 + uniform())));
      } else {
        events += fmt::format("  - {{at_day: {:.6g}, set: {{link: {}, capacity_mtpa: {}}}}}\n",
                              at_day, one_of(link_ids), rate(lots_per_h * (0.5 + uniform())));
      }
    }
    if (!events.empty()) tail_ += "events:\n" + events;
    if (coin(0.15)) {
      tail_ += fmt::format(
          "storms:\n  - {{id: s, links: [{}], per_season: {}, duration_h: {{dist: lognormal, "
          "mean_h: 12, cv: 0.5}}}}\n",
          one_of(link_ids), 2 + pick(10));
    }
    choice_ = one_of<std::string>({"shortest", "fixed", "logit", "adaptive"});
    tail_ += fmt::format("routes: {{choice: {}, k: {}, value_of_time_usd_per_t_h: {}}}\n", choice_,
                         1 + pick(3), one_of<std::string>({"0.1", "1", "10"}));
  }

  engine::RandomStream rng_;
  bool dyadic_ = false;
  double lot_t_ = 10.0;
  std::uint32_t classes_ = 1;
  std::vector<bool> restricted_;  // by vehicle: carries one class only
  std::string header_;
  std::vector<std::string> demand_;
  std::string tail_;
  std::string choice_;
};

}  // namespace corridor::testing

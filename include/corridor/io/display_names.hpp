#pragma once
// What a report calls facilities: a node by its display name ("Xi'an", not `xian`), a
// link by the names of its ends and its mode ("Alat – Tbilisi, rail"), a route by the
// names along it. Built over every scenario of a report, so a facility only an
// alternative has is named too.

#include <fmt/format.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "corridor/model/spec.hpp"

namespace corridor::io {

class DisplayNames {
 public:
  void add(const model::CorridorSpec& spec) {
    for (const auto& node : spec.nodes) {
      nodes_.try_emplace(node.id, node.name.empty() ? node.id : node.name);
    }
    for (const auto& link : spec.links) {
      const auto [entry, added] = links_.try_emplace(
          link.id, fmt::format("{} – {}, {}", node(spec.nodes[link.from].id),
                               node(spec.nodes[link.to].id), model::to_string(link.mode)));
      if (added) ++link_names_[entry->second];
    }
  }
  [[nodiscard]] std::string node(const std::string& id) const {
    const auto found = nodes_.find(id);
    return found == nodes_.end() ? id : found->second;
  }
  // Parallel links (a ferry and a feeder between the same ports) keep their ids too.
  [[nodiscard]] std::string link(const std::string& id) const {
    const auto found = links_.find(id);
    if (found == links_.end()) return id;
    if (link_names_.at(found->second) > 1) return fmt::format("{} ({})", found->second, id);
    return found->second;
  }
  // "node Alat", "link Alat – Tbilisi, rail", "terminal Aktau/containers".
  [[nodiscard]] std::string facility(const std::string& kind, const std::string& id) const {
    if (kind == "node") return node(id);
    if (kind == "link") return link(id);
    const auto slash = id.find('/');
    if (slash == std::string::npos) return id;
    return fmt::format("{}, terminal {}", node(id.substr(0, slash)), id.substr(slash + 1));
  }
  [[nodiscard]] std::string pair(const std::string& origin, const std::string& destination) const {
    return node(origin) + " → " + node(destination);
  }
  // A demand entry: its pair, and its id where the pair alone does not tell it apart.
  [[nodiscard]] std::string entry(const std::string& id, const std::string& origin,
                                  const std::string& destination) const {
    if (id.empty() || id == origin + "-" + destination) return pair(origin, destination);
    return fmt::format("{} ({})", pair(origin, destination), id);
  }
  [[nodiscard]] std::string path(const std::vector<std::string>& node_ids) const {
    std::string text;
    for (const auto& id : node_ids) text += (text.empty() ? "" : " → ") + node(id);
    return text;
  }
  // A route told from its pair's other routes: "via Aktau → Alat", or "direct".
  [[nodiscard]] std::string via(const std::vector<std::string>& node_ids) const {
    if (node_ids.size() <= 2) return "direct";
    return "via " + path({node_ids.begin() + 1, node_ids.end() - 1});
  }
  // Two routes of a pair, each by the nodes it passes and, where they pass the same
  // ones, by the first link that tells them apart.
  [[nodiscard]] std::pair<std::string, std::string> routes(
      const std::vector<std::string>& from_path, const std::vector<std::string>& from_links,
      const std::vector<std::string>& to_path, const std::vector<std::string>& to_links) const {
    std::pair<std::string, std::string> names{via(from_path), via(to_path)};
    if (from_path != to_path) return names;
    for (std::size_t k = 0; k < from_links.size() && k < to_links.size(); ++k) {
      if (from_links[k] != to_links[k]) {
        names.first += ", over " + link(from_links[k]);
        names.second += ", over " + link(to_links[k]);
        break;
      }
    }
    return names;
  }

 private:
  std::map<std::string, std::string> nodes_;
  std::map<std::string, std::string> links_;
  std::map<std::string, int> link_names_;  // how many links bear each display name
};

}  // namespace corridor::io

// Handling at nodes. A lot reserves a yard slot at a node before it is sent there,
// queues for one of the node's servers, is handled, dwells (customs, gauge change: a
// delay that takes no server), then moves on once the next node has a slot for it.
// A lot that finds the next yard full waits where it is, blocking the server that
// handled it if it has not dwelt: this is how a full yard holds back upstream.

#include <fmt/format.h>

#include "corridor/model/service_time.hpp"
#include "corridor_simulation.hpp"

namespace corridor::model::detail {

void CorridorSimulation::init_nodes() {
  nodes_.reserve(spec_.nodes.size());
  for (const NodeSpec& spec : spec_.nodes) {
    NodeState& node =
        nodes_.emplace_back(engine::RandomStream(options_.seed, options_.replication,
                                                 fmt::format("node/{}/service", spec.id)),
                            engine::RandomStream(options_.seed, options_.replication,
                                                 fmt::format("node/{}/dwell", spec.id)));
    node.servers = spec.servers;
    if (spec.storage_lots) node.storage_limit = *spec.storage_lots;
    if (spec.capacity_mtpa) {
      node.capacitated = true;
      node.service_mean_h = service_mean_h(*spec.capacity_mtpa, spec.servers, spec_.lot_t);
    }
  }
}

void CorridorSimulation::set_node_capacity(std::uint32_t node_index, double capacity_mtpa) {
  NodeState& node = nodes_[node_index];
  node.capacitated = true;
  node.service_mean_h = service_mean_h(capacity_mtpa, node.servers, spec_.lot_t);
}

void CorridorSimulation::arrive_at_node(std::uint32_t lot_id, std::uint32_t node_index) {
  Lot& lot = lots_[lot_id];
  lot.node = node_index;
  NodeState& node = nodes_[node_index];
  if (!node.capacitated) {
    if (in_window()) ++node.handled_lots;
    set_phase(lot, kDwell);
    finish_handling(lot_id, node_index, false);
    return;
  }
  if (node.busy < node.servers) {
    start_service(lot_id, node_index, false);
  } else {
    set_phase(lot, kQueueing);
    node.queue.push_back(lot_id);
    node.queue_length.set(now(), static_cast<double>(node.queue.size()));
  }
}

void CorridorSimulation::start_service(std::uint32_t lot_id, std::uint32_t node_index,
                                       bool from_queue) {
  NodeState& node = nodes_[node_index];
  const NodeSpec& spec = spec_.nodes[node_index];
  Lot& lot = lots_[lot_id];
  if (in_window()) {
    node.wait_sum_h += from_queue ? now() - lot.phase_start_h : 0.0;
    ++node.waits;
  }
  ++node.busy;
  ++lots_in_service_;
  node.busy_servers.set(now(), node.busy);
  set_phase(lot, kDwell);
  const double service_h =
      sample_duration(node.service_rng, spec.service, node.service_mean_h, spec.service_cv);
  sim_.schedule_in(service_h, kServiceDone, node_index, lot_id);
}

void CorridorSimulation::on_service_done(std::uint32_t node_index, std::uint32_t lot_id) {
  NodeState& node = nodes_[node_index];
  if (in_window()) ++node.handled_lots;
  --lots_in_service_;
  finish_handling(lot_id, node_index, true);
}

void CorridorSimulation::release_server(std::uint32_t node_index) {
  NodeState& node = nodes_[node_index];
  --node.busy;
  node.busy_servers.set(now(), node.busy);
  if (!node.queue.empty()) {
    const std::uint32_t next = node.queue.front();
    node.queue.pop_front();
    node.queue_length.set(now(), static_cast<double>(node.queue.size()));
    start_service(next, node_index, true);
  }
}

// After handling (or on arrival at a node with no capacity): dwell if the node has a
// dwell, else try to move on at once, still holding the server if there is one.
void CorridorSimulation::finish_handling(std::uint32_t lot_id, std::uint32_t node_index,
                                         bool holds_server) {
  const NodeSpec& spec = spec_.nodes[node_index];
  if (!spec.dwell_h) {
    move_on(lot_id, holds_server);
    return;
  }
  if (holds_server) release_server(node_index);
  ++lots_dwelling_;
  const Distribution& dwell = *spec.dwell_h;
  sim_.schedule_in(sample_duration(nodes_[node_index].dwell_rng, dwell.kind, dwell.mean, dwell.cv),
                   kDwellDone, node_index, lot_id);
}

// The lot is ready to leave its node. It goes if the next node has a yard slot;
// otherwise it waits for one, blocking its server if it still holds one.
void CorridorSimulation::move_on(std::uint32_t lot_id, bool holds_server) {
  Lot& lot = lots_[lot_id];
  lot.held_server_node = holds_server ? lot.node : kNone;
  if (lot.next_hop == routes_[lot.demand].hops.size()) {
    deliver(lot_id);
    return;
  }
  const std::uint32_t next_node = next_hop(lot).to_node;
  if (try_reserve_slot(next_node)) {
    // Onto the link before giving up the slot here, so that lots admitted into that slot
    // follow this one onto any link they share.
    enter_link(lot_id);
    leave_node(lot_id);
  } else {
    set_phase(lot, kQueueing);
    nodes_[next_node].waiting_for_slot.push_back(lot_id);
  }
}

bool CorridorSimulation::try_reserve_slot(std::uint32_t node_index) {
  NodeState& node = nodes_[node_index];
  if (node.occupancy >= node.storage_limit) return false;
  ++node.occupancy;
  return true;
}

// Freed slots are filled by a work loop, not by recursion: an admitted lot may move
// straight on and free a slot again, and after a long closure that chain can be
// millions of lots long. Nested calls only record the freed slot; the outermost call
// admits waiting lots in first-in, first-out order at each node.
void CorridorSimulation::release_slot(std::uint32_t node_index) {
  --nodes_[node_index].occupancy;
  if (!nodes_[node_index].waiting_for_slot.empty()) freed_slots_.push_back(node_index);
  if (draining_slots_) return;
  draining_slots_ = true;
  while (!freed_slots_.empty()) {
    NodeState& node = nodes_[freed_slots_.front()];
    freed_slots_.pop_front();
    while (!node.waiting_for_slot.empty() && node.occupancy < node.storage_limit) {
      const std::uint32_t next = node.waiting_for_slot.front();
      node.waiting_for_slot.pop_front();
      ++node.occupancy;
      admit(next);
    }
  }
  draining_slots_ = false;
}

// The lot now holds a slot at the node it was waiting for: a new lot enters its origin,
// a lot upstream leaves its node for the link.
void CorridorSimulation::admit(std::uint32_t lot_id) {
  Lot& lot = lots_[lot_id];
  if (!lot.entered) {
    lot.entered = true;
    arrive_at_node(lot_id, spec_.demand[lot.demand].origin);
    return;
  }
  enter_link(lot_id);
  leave_node(lot_id);
}

void CorridorSimulation::leave_node(std::uint32_t lot_id) {
  Lot& lot = lots_[lot_id];
  const std::uint32_t node_index = lot.node;
  lot.node = kNone;
  if (lot.held_server_node != kNone) {
    const std::uint32_t held = lot.held_server_node;
    lot.held_server_node = kNone;
    release_server(held);
  }
  release_slot(node_index);
}

}  // namespace corridor::model::detail

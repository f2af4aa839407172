"""The hold model in SimPy (Debian's python3-simpy, SimPy 2.3): N processes, each holding
for an exponential time over and over, so N events are always pending. The same model as
BM_HoldEngine/N. Prints events per second of wall-clock time."""

import random
import sys
import time

from SimPy.Simulation import Process, Simulation, hold


class Holder(Process):
    def __init__(self, simulation, counter, rng):
        Process.__init__(self, sim=simulation)
        self.counter = counter
        self.rng = rng

    def run(self):
        while True:
            yield hold, self, self.rng.expovariate(1.0)
            self.counter[0] += 1


def events_per_second(pending, events):
    simulation = Simulation()
    simulation.initialize()
    rng = random.Random(1)
    counter = [0]
    for _ in range(pending):
        holder = Holder(simulation, counter, rng)
        simulation.activate(holder, holder.run())
    start = time.perf_counter()
    # The hold rate is `pending` events per unit of simulated time.
    simulation.simulate(until=events / pending)
    return counter[0] / (time.perf_counter() - start)


if __name__ == "__main__":
    pending = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    events = int(sys.argv[2]) if len(sys.argv) > 2 else 300_000
    print(f"{events_per_second(pending, events):.0f}")

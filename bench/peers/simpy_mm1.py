"""An M/M/1 queue in SimPy (Debian's python3-simpy, SimPy 2.3): Poisson arrivals at rate
0.8, one exponential server at rate 1, first come first served, the mean wait kept. The
same model as BM_MM1Model and BM_MM1BareLoop. Prints customers per second of wall-clock
time; the mean wait goes to stderr as a check (rho / (mu - lambda) = 4)."""

import random
import sys
import time

from SimPy.Simulation import Process, Resource, Simulation, hold, release, request

ARRIVAL_RATE = 0.8
SERVICE_RATE = 1.0


class Actor(Process):
    """A process of this model: the server, the running totals and the random stream."""

    def __init__(self, simulation, server, stats, rng):
        Process.__init__(self, sim=simulation)
        self.server = server
        self.stats = stats
        self.rng = rng


class Customer(Actor):
    def run(self):
        arrived = self.sim.now()
        yield request, self, self.server
        self.stats[1] += self.sim.now() - arrived
        yield hold, self, self.rng.expovariate(SERVICE_RATE)
        yield release, self, self.server
        self.stats[0] += 1


class Source(Actor):
    def run(self):
        while True:
            yield hold, self, self.rng.expovariate(ARRIVAL_RATE)
            customer = Customer(self.sim, self.server, self.stats, self.rng)
            self.sim.activate(customer, customer.run())


def customers_per_second(customers):
    simulation = Simulation()
    simulation.initialize()
    rng = random.Random(1)
    stats = [0, 0.0]  # customers served, total wait
    server = Resource(capacity=1, sim=simulation)
    source = Source(simulation, server, stats, rng)
    simulation.activate(source, source.run())
    start = time.perf_counter()
    simulation.simulate(until=customers / ARRIVAL_RATE)
    elapsed = time.perf_counter() - start
    print(f"mean wait {stats[1] / stats[0]:.3f} (theory 4.000)", file=sys.stderr)
    return stats[0] / elapsed


if __name__ == "__main__":
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    print(f"{customers_per_second(customers):.0f}")

"""corridor beside SimPy on the same two models, measured on this machine in one sitting.

Runs build/bench/corridor_bench for the hold model (1,000 pending events) and the M/M/1
queue, then the same models in SimPy (Debian's python3-simpy), and prints events or
customers per second and the ratios the performance targets are stated in.

    /usr/bin/python3 bench/peers/compare.py [--bench build/bench/corridor_bench] [--repetitions 5]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def corridor_rates(bench, repetitions):
    output = subprocess.run(
        [bench, "--benchmark_filter=^(BM_HoldEngine/1000|BM_HoldBareHeap/1000|BM_MM1Model|"
         "BM_MM1BareLoop)$", f"--benchmark_repetitions={repetitions}",
         "--benchmark_format=json"],
        check=True, capture_output=True, text=True).stdout
    rates = {}
    for run in json.loads(output)["benchmarks"]:
        if run.get("run_type") == "aggregate" and run.get("aggregate_name") == "median":
            rates[run["run_name"]] = run["items_per_second"]
    return rates


def simpy_rate(script, arguments, repetitions):
    samples = []
    for _ in range(repetitions):
        output = subprocess.run([sys.executable, os.path.join(HERE, script), *arguments],
                                check=True, capture_output=True, text=True).stdout
        samples.append(float(output.strip()))
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", default="build/bench/corridor_bench")
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()

    rates = corridor_rates(args.bench, args.repetitions)
    simpy_hold = simpy_rate("simpy_hold.py", ["1000", "300000"], args.repetitions)
    simpy_mm1 = simpy_rate("simpy_mm1.py", ["200000"], args.repetitions)

    rows = [
        ("hold, 1,000 pending", "events/s", rates["BM_HoldEngine/1000"],
         rates["BM_HoldBareHeap/1000"], simpy_hold),
        ("M/M/1, rho 0.8", "customers/s", rates["BM_MM1Model"], rates["BM_MM1BareLoop"],
         simpy_mm1),
    ]
    print(f"medians of {args.repetitions} runs each")
    print(f"{'model':22} {'unit':12} {'corridor':>12} {'bare C++':>12} {'SimPy':>12} "
          f"{'corridor/bare':>14} {'corridor/SimPy':>15} {'bare/SimPy':>11}")
    for name, unit, ours, bare, simpy in rows:
        print(f"{name:22} {unit:12} {ours / 1e6:11.2f}M {bare / 1e6:11.2f}M {simpy / 1e6:11.3f}M "
              f"{ours / bare:13.2f}x {ours / simpy:14.1f}x {bare / simpy:10.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

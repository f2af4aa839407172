#pragma once
// Closed-form queueing results the simulation is validated against. Rates are per
// hour, times in hours. Each function requires a stable queue (utilization < 1).

namespace corridor::analysis {

// M/M/1: mean wait in queue, Wq = rho / (mu - lambda).
[[nodiscard]] double mm1_wait_h(double arrival_rate, double service_rate);

// Erlang C: probability an arrival waits in M/M/c with offered load a = lambda/mu.
[[nodiscard]] double erlang_c(unsigned servers, double offered_load);

// M/M/c: Wq = C(c, a) / (c mu - lambda).
[[nodiscard]] double mmc_wait_h(unsigned servers, double arrival_rate, double service_rate);

// M/G/1 (Pollaczek–Khinchine): Wq = lambda E[S^2] / (2 (1 - rho)), with E[S^2] from the
// service mean and coefficient of variation. cv = 0 gives M/D/1, cv = 1 gives M/M/1.
[[nodiscard]] double mg1_wait_h(double arrival_rate, double service_mean_h, double service_cv);

}  // namespace corridor::analysis

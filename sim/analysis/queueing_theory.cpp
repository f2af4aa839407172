#include "corridor/analysis/queueing_theory.hpp"

#include <stdexcept>

namespace corridor::analysis {
namespace {

void require_stable(double utilization) {
  if (!(utilization >= 0.0 && utilization < 1.0)) {
    throw std::domain_error("queueing formula needs utilization in [0, 1)");
  }
}

}  // namespace

double mm1_wait_h(double arrival_rate, double service_rate) {
  const double rho = arrival_rate / service_rate;
  require_stable(rho);
  return rho / (service_rate - arrival_rate);
}

double erlang_c(unsigned servers, double offered_load) {
  const double c = servers;
  require_stable(offered_load / c);
  // Erlang B by its stable recursion, then C = B / (1 - rho (1 - B)).
  double erlang_b = 1.0;
  for (unsigned k = 1; k <= servers; ++k) {
    erlang_b = offered_load * erlang_b / (k + offered_load * erlang_b);
  }
  const double rho = offered_load / c;
  return erlang_b / (1.0 - rho * (1.0 - erlang_b));
}

double mmc_wait_h(unsigned servers, double arrival_rate, double service_rate) {
  const double offered_load = arrival_rate / service_rate;
  return erlang_c(servers, offered_load) / (servers * service_rate - arrival_rate);
}

double mg1_wait_h(double arrival_rate, double service_mean_h, double service_cv) {
  const double rho = arrival_rate * service_mean_h;
  require_stable(rho);
  const double second_moment = service_mean_h * service_mean_h * (1.0 + service_cv * service_cv);
  return arrival_rate * second_moment / (2.0 * (1.0 - rho));
}

}  // namespace corridor::analysis

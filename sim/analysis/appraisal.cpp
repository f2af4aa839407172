#include "corridor/analysis/appraisal.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace corridor::analysis {
namespace {

// Below 1e-12 of the flows' size a present value is zero: rounding, not money.
double tolerance_of(const std::vector<double>& flows) {
  double size = 0.0;
  for (const double flow : flows) size = std::max(size, std::abs(flow));
  return size * 1e-12;
}

}  // namespace

double present_value(const std::vector<double>& flows, double rate) {
  // Horner's scheme from the last year: sum flows[t] / (1 + rate)^t.
  const double factor = 1.0 / (1.0 + rate);
  double value = 0.0;
  for (std::size_t t = flows.size(); t-- > 0;) value = value * factor + flows[t];
  return value;
}

std::optional<double> internal_rate_of_return(const std::vector<double>& net) {
  const bool gains = std::any_of(net.begin(), net.end(), [](double f) { return f > 0.0; });
  const bool losses = std::any_of(net.begin(), net.end(), [](double f) { return f < 0.0; });
  if (!gains || !losses) return std::nullopt;
  // The PV is continuous in the rate on (-1, inf): scan a grid denser near the usual
  // rates for the first change of sign, then bisect it.
  constexpr double kLowest = -0.99;
  constexpr double kHighest = 10.0;
  const double tolerance = tolerance_of(net);
  double low = kLowest;
  double low_value = present_value(net, low);
  if (std::abs(low_value) <= tolerance) return low;
  for (double step = 0.001; low < kHighest;) {
    const double high = std::min(kHighest, low + step);
    const double high_value = present_value(net, high);
    if (std::abs(high_value) <= tolerance) return high;
    if ((low_value < 0.0) != (high_value < 0.0)) {
      double a = low;
      double b = high;
      double a_value = low_value;
      while (b - a > 1e-12) {
        const double middle = 0.5 * (a + b);
        const double value = present_value(net, middle);
        if ((value < 0.0) == (a_value < 0.0)) {
          a = middle;
          a_value = value;
        } else {
          b = middle;
        }
      }
      return 0.5 * (a + b);
    }
    low = high;
    low_value = high_value;
    if (low > 0.5) step = 0.01;  // past 50 % a coarser grid loses no usual root
  }
  return std::nullopt;
}

AppraisalFigures appraise(const YearlyFlows& flows, double discount_rate) {
  const std::size_t years =
      std::max({flows.capex_musd.size(), flows.opex_musd.size(), flows.benefit_musd.size()});
  const auto at = [](const std::vector<double>& values, std::size_t t) {
    return t < values.size() ? values[t] : 0.0;
  };
  std::vector<double> costs(years);
  std::vector<double> benefits(years);
  std::vector<double> net(years);
  for (std::size_t t = 0; t < years; ++t) {
    costs[t] = at(flows.capex_musd, t) + at(flows.opex_musd, t);
    benefits[t] = at(flows.benefit_musd, t);
    net[t] = benefits[t] - costs[t];
  }
  AppraisalFigures figures;
  figures.pv_costs_musd = present_value(costs, discount_rate);
  figures.pv_benefits_musd = present_value(benefits, discount_rate);
  figures.npv_musd = figures.pv_benefits_musd - figures.pv_costs_musd;
  if (figures.pv_costs_musd > 0.0) figures.bcr = figures.pv_benefits_musd / figures.pv_costs_musd;
  figures.eirr = internal_rate_of_return(net);
  // Payback: from the last year back, the first year after which the cumulative
  // discounted net flow never falls below zero again.
  double cumulative = 0.0;
  std::vector<double> running(years);
  for (std::size_t t = 0; t < years; ++t) {
    cumulative += net[t] / std::pow(1.0 + discount_rate, static_cast<double>(t));
    running[t] = cumulative;
  }
  const double tolerance = tolerance_of(net);
  for (std::size_t t = years; t-- > 0;) {
    if (running[t] < -tolerance) break;
    figures.payback_year = static_cast<int>(t);
  }
  return figures;
}

std::vector<double> capex_schedule(double capex_musd, int build_years, int opening_year,
                                   int years) {
  std::vector<double> flows(static_cast<std::size_t>(std::max(years, 0)), 0.0);
  if (flows.empty()) return flows;
  const int spread = std::max(build_years, 1);
  for (int k = 0; k < spread; ++k) {
    const int year = std::clamp(opening_year - spread + k, 0, years - 1);
    flows[static_cast<std::size_t>(year)] += capex_musd / spread;
  }
  return flows;
}

}  // namespace corridor::analysis

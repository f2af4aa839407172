#include "corridor/experiment/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "appraisal_case.hpp"
#include "corridor/analysis/appraisal.hpp"
#include "corridor/analysis/capacity_bound.hpp"
#include "corridor/experiment/process_group.hpp"
#include "corridor/experiment/replications.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/simulate.hpp"
#include "shared_route_plans.hpp"

namespace corridor::experiment {
namespace {

using Json = nlohmann::json;
using detail::Case;
constexpr int kNotBuilt = -1;

// Each candidate's opening days: its earliest, then 1 January of each of the next
// `delays` years, all within the run.
std::vector<std::vector<double>> opening_options(const model::CorridorSpec& spec,
                                                 const std::vector<std::size_t>& candidates,
                                                 std::uint32_t delays) {
  std::vector<std::vector<double>> options;
  for (const std::size_t c : candidates) {
    const model::InvestmentSpec& investment = spec.investments[c];
    std::vector<double> days;
    if (investment.earliest_day < spec.horizon_days) days.push_back(investment.earliest_day);
    const int first_year = spec.calendar.date_of(investment.earliest_day).year;
    for (std::uint32_t k = 1; k <= delays; ++k) {
      const double day =
          spec.calendar.day_of(model::CivilDate{first_year + static_cast<int>(k), 1, 1});
      if (day < spec.horizon_days && day > investment.earliest_day) days.push_back(day);
    }
    options.push_back(std::move(days));
  }
  return options;
}

struct Enumeration {
  std::vector<std::vector<int>> within_budget;  // option per candidate, kNotBuilt if left out
  std::size_t plans = 0;
};

// Every combination of options, keeping those whose capital never exceeds the budget in
// a year: a partial plan already over budget is not extended.
Enumeration enumerate_plans(const std::vector<std::vector<std::vector<double>>>& capex,
                            std::size_t years, double budget) {
  Enumeration result;
  result.plans = 1;
  for (const auto& options : capex) result.plans *= options.size() + 1;
  std::vector<int> choice(capex.size(), kNotBuilt);
  std::vector<double> spent(years, 0.0);
  const auto visit = [&](const auto& self, std::size_t c) -> void {
    if (c == capex.size()) {
      result.within_budget.push_back(choice);
      return;
    }
    choice[c] = kNotBuilt;
    self(self, c + 1);
    for (std::size_t o = 0; o < capex[c].size(); ++o) {
      bool fits = true;
      for (std::size_t t = 0; t < years; ++t) fits = fits && spent[t] + capex[c][o][t] <= budget;
      if (!fits) continue;
      for (std::size_t t = 0; t < years; ++t) spent[t] += capex[c][o][t];
      choice[c] = static_cast<int>(o);
      self(self, c + 1);
      for (std::size_t t = 0; t < years; ++t) spent[t] -= capex[c][o][t];
    }
    choice[c] = kNotBuilt;
  };
  visit(visit, 0);
  return result;
}

Case case_of(const std::vector<int>& choice, const std::vector<std::size_t>& candidates,
             const std::vector<std::vector<double>>& options) {
  Case one;
  for (std::size_t c = 0; c < choice.size(); ++c) {
    if (choice[c] == kNotBuilt) continue;
    one.members.push_back(candidates[c]);
    one.opening_days.push_back(options[c][static_cast<std::size_t>(choice[c])]);
  }
  return one;
}

std::string key_of(const model::CorridorSpec& spec, const Case& one) {
  std::string key;
  for (std::size_t m = 0; m < one.members.size(); ++m) {
    key += fmt::format("{}{}@{}", m == 0 ? "" : ",", spec.investments[one.members[m]].id,
                       model::format_iso_date(spec.calendar.date_of(one.opening_days[m])));
  }
  return key;
}

// Whether the routes can carry each year's demand, less what may divert, with the plan's
// investments in service: one linear program per year and state of service, shared by
// every plan in that state.
class BoundCheck {
 public:
  BoundCheck(const model::CorridorSpec& base, const analysis::AppraisalYears& years,
             double carried_share)
      : base_(base), years_(years), carried_share_(carried_share) {}

  // Years before this one (an index from the base year) are not held against a plan.
  void serve_from(int t) { first_ = t; }

  bool carries(const Case& one) { return !first_shortfall(one, false); }

  // The last year of all whose demand the routes cannot carry, or -1.
  int last_shortfall(const Case& one) {
    const int saved = first_;
    int last = -1;
    for (first_ = 0; first_ < years_.count(); first_ = last + 1) {
      const auto shortfall = first_shortfall(one, false);
      if (!shortfall) break;
      last = shortfall->year - years_.base_year;
    }
    first_ = saved;
    return last;
  }

  // The first year from first_ on whose demand the routes cannot carry, less what may
  // divert; with `explain`, what carries it and what binds.
  std::optional<BoundShortfall> first_shortfall(const Case& one, bool explain) {
    for (int t = first_; t < years_.count(); ++t) {
      const double from =
          std::max(years_.year_start_day[static_cast<std::size_t>(t)], base_.warmup_days);
      const double to =
          std::min(years_.year_start_day[static_cast<std::size_t>(t) + 1], base_.horizon_days);
      if (to <= from) continue;
      // The year's state: the investments opened before its end, and on which day.
      Case in_service;
      std::string key = fmt::format("{}", t);
      for (std::size_t m = 0; m < one.members.size(); ++m) {
        if (one.opening_days[m] >= to) continue;
        in_service.members.push_back(one.members[m]);
        in_service.opening_days.push_back(std::max(one.opening_days[m], from));
        key += fmt::format(",{}@{}", one.members[m], in_service.opening_days.back());
      }
      auto found = known_.find(key);
      if (found == known_.end() || (explain && !found->second)) {
        model::CorridorSpec year = detail::with_case(base_, in_service);
        year.warmup_days = from;
        year.horizon_days = to;
        const auto shortfall = analysis::demand_shortfall(year, model::plan_routes(year));
        const bool carried = !shortfall || shortfall->carried_share >= carried_share_;
        found = known_.insert_or_assign(key, carried).first;
        if (!carried && explain) {
          BoundShortfall explained;
          explained.year = years_.base_year + t;
          explained.carried_share = shortfall->carried_share;
          for (const auto& facility : shortfall->cut) {
            explained.binding.push_back(fmt::format("{} {}", facility.kind, facility.id));
          }
          return explained;
        }
      }
      if (!found->second) return BoundShortfall{years_.base_year + t, 0.0, {}};
    }
    return std::nullopt;
  }

 private:
  const model::CorridorSpec& base_;
  const analysis::AppraisalYears& years_;
  double carried_share_;
  int first_ = 0;
  std::map<std::string, bool> known_;
};

// A simulated plan's figures per replication: what the cache keeps.
struct Simulated {
  std::vector<double> npv_musd;
  std::vector<double> bcr;  // NaN without costs
  double pv_costs_musd = 0.0;
  double worst_diverted_share = 0.0;
  int worst_year = 0;
};

// The largest share of a class's created tonnes diverted in a year, mean over the
// replications, and its year.
std::pair<double, int> worst_diversion(const model::CorridorSpec& spec,
                                       const std::vector<model::RunResult>& runs, double from_day) {
  std::pair<double, int> worst{0.0, spec.calendar.start()->year};
  for (std::size_t p = 0; p < runs.front().periods.size(); ++p) {
    if (runs.front().periods[p].start_day < from_day) continue;
    for (std::size_t c = 0; c < runs.front().periods[p].cargo.size(); ++c) {
      double share = 0.0;
      for (const model::RunResult& run : runs) {
        const model::PeriodCargo& cargo = run.periods[p].cargo[c];
        if (cargo.created_t > 0.0) share += cargo.diverted_t / cargo.created_t;
      }
      share /= static_cast<double>(runs.size());
      if (share > worst.first) {
        worst = {share, spec.calendar.date_of(runs.front().periods[p].start_day).year};
      }
    }
  }
  return worst;
}

Json number_or_null(double value) {
  return std::isnan(value) ? Json(nullptr) : Json(value);
}

Json simulated_json(const std::string& key, const Simulated& plan) {
  Json bcr = Json::array();
  for (const double value : plan.bcr) bcr.push_back(number_or_null(value));
  return Json{{"plan", key},
              {"npv_musd", plan.npv_musd},
              {"bcr", bcr},
              {"pv_costs_musd", plan.pv_costs_musd},
              {"worst_diverted_share", plan.worst_diverted_share},
              {"worst_year", plan.worst_year}};
}

Simulated simulated_of(const Json& entry) {
  Simulated plan;
  for (const Json& value : entry["npv_musd"]) plan.npv_musd.push_back(value.get<double>());
  for (const Json& value : entry["bcr"]) {
    plan.bcr.push_back(value.is_null() ? std::numeric_limits<double>::quiet_NaN()
                                       : value.get<double>());
  }
  plan.pv_costs_musd = entry["pv_costs_musd"].get<double>();
  plan.worst_diverted_share = entry["worst_diverted_share"].get<double>();
  plan.worst_year = entry["worst_year"].get<int>();
  return plan;
}

// What decides a plan's figures besides the plan: a cache made under other settings is
// refused rather than mixed in.
std::string fingerprint(const model::CorridorSpec& spec, const PlanSearch& search,
                        std::uint64_t seed) {
  std::string text = fmt::format(
      "{}|seed {}|r {}|h {}|w {}|rate {}|carbon {}|margin {}|bound {}|base {}|start {}", spec.name,
      seed, search.replications, spec.horizon_days, spec.warmup_days, spec.appraisal.discount_rate,
      spec.appraisal.carbon_price_usd_per_t, spec.appraisal.benefit_usd_per_t,
      spec.appraisal.diversion_multiple, spec.appraisal.price_base_year.value_or(0),
      model::format_iso_date(*spec.calendar.start()));
  for (const model::InvestmentSpec& investment : spec.investments) {
    text += fmt::format("|{} {} {} {} {} {}", investment.id, investment.capex_musd,
                        investment.build_years, investment.opex_musd_per_year,
                        investment.lifetime_years, investment.changes.size());
    for (const model::AttributeChange& change : investment.changes) {
      text += fmt::format(" {}:{}:{}:{}", static_cast<int>(change.facility), change.index,
                          static_cast<int>(change.attribute), change.value);
    }
  }
  return text;
}

class PlanCache {
 public:
  PlanCache(std::string path, std::string fingerprint)
      : path_(std::move(path)), fingerprint_(std::move(fingerprint)) {
    if (path_.empty()) return;
    std::ifstream in(path_);
    std::string line;
    if (!std::getline(in, line)) {
      std::ofstream(path_) << Json{{"fingerprint", fingerprint_}}.dump() << "\n";
      return;
    }
    const Json header = Json::parse(line, nullptr, false);
    if (header.is_discarded() || header.value("fingerprint", "") != fingerprint_) {
      throw PlanError(fmt::format(
          "{} holds plans of another search (another scenario, seed, replication count or "
          "appraisal setting): remove it, or give another --resume file",
          path_));
    }
    while (std::getline(in, line)) {
      const Json entry = Json::parse(line, nullptr, false);
      // A line cut short by an interrupted run is simulated again.
      if (entry.is_discarded() || !entry.contains("plan")) continue;
      Simulated plan = simulated_of(entry);
      known_[entry["plan"].get<std::string>()] = std::move(plan);
    }
  }

  const Simulated* find(const std::string& key) const {
    const auto found = known_.find(key);
    return found == known_.end() ? nullptr : &found->second;
  }

  void add(const std::string& key, const Simulated& plan) {
    if (path_.empty()) return;
    const Json entry = simulated_json(key, plan);
    const std::lock_guard lock(mutex_);
    std::ofstream out(path_, std::ios::app);
    out << entry.dump() << "\n";
    out.flush();
    if (!out) throw std::runtime_error(fmt::format("cannot write the plan cache {}", path_));
  }

 private:
  std::string path_;
  std::string fingerprint_;
  std::map<std::string, Simulated> known_;
  std::mutex mutex_;
};

PlanOutcome outcome_of(const model::CorridorSpec& spec, const Case& one, const Simulated& plan,
                       const PlanSearch& search) {
  PlanOutcome outcome;
  for (std::size_t m = 0; m < one.members.size(); ++m) {
    const model::InvestmentSpec& investment = spec.investments[one.members[m]];
    const model::CivilDate opening = spec.calendar.date_of(one.opening_days[m]);
    outcome.chosen.push_back(PlannedInvestment{investment.id, investment.name,
                                               model::format_iso_date(opening), opening.year});
  }
  std::stable_sort(outcome.chosen.begin(), outcome.chosen.end(),
                   [](const auto& a, const auto& b) { return a.opening_date < b.opening_date; });
  outcome.pv_costs_musd = plan.pv_costs_musd;
  outcome.npv_musd = detail::estimate(plan.npv_musd, search.confidence);
  outcome.npv_by_replication_musd = plan.npv_musd;
  outcome.bcr = detail::estimate(plan.bcr, search.confidence);
  outcome.worst_diverted_share = plan.worst_diverted_share;
  outcome.worst_year = plan.worst_year;
  outcome.serves = plan.worst_diverted_share <= search.max_diverted_share;
  return outcome;
}

std::vector<std::size_t> candidates_of(const model::CorridorSpec& spec, const PlanSearch& search) {
  std::vector<std::size_t> candidates;
  if (search.only.empty()) {
    for (std::size_t i = 0; i < spec.investments.size(); ++i) candidates.push_back(i);
  }
  for (const std::string& id : search.only) {
    const auto index = detail::investment_index(spec, id);
    if (!index) {
      throw PlanError(
          fmt::format("--only: no investment '{}' {}", id, detail::known_investments(spec)));
    }
    candidates.push_back(*index);
  }
  if (candidates.empty()) throw PlanError("the scenario has no investments to plan");
  if (candidates.size() > kMaxPlanCandidates) {
    throw PlanError(fmt::format(
        "{} candidates are more than the {} an exact search can take: choose some with --only",
        candidates.size(), kMaxPlanCandidates));
  }
  return candidates;
}

}  // namespace

PlanResult plan_investments(const model::CorridorSpec& scenario, const PlanSearch& search) {
  try {
    detail::check_appraisable(scenario, "plan");
  } catch (const std::invalid_argument& error) {
    throw PlanError(error.what());
  }
  if (search.replications < 2) throw PlanError("plan: at least two replications");
  model::CorridorSpec base = scenario;
  base.report_periods = model::PeriodLength::year;
  const analysis::AppraisalYears years = analysis::appraisal_years(base);
  const auto year_count = static_cast<std::size_t>(years.count());
  const std::vector<std::size_t> candidates = candidates_of(base, search);
  const auto options = opening_options(base, candidates, search.delays);

  PlanResult result;
  result.scenario_name = scenario.name;
  result.seed = search.seed.value_or(scenario.seed);
  result.replications = search.replications;
  result.budget_musd_per_year = search.budget_musd_per_year;
  result.max_diverted_share = search.max_diverted_share;
  result.delays = search.delays;
  for (const std::size_t c : candidates) result.candidates.push_back(base.investments[c].id);

  // Capital a year of each candidate at each option; the cheapest year's need of each
  // says whether any fits the budget at all.
  std::vector<std::vector<std::vector<double>>> capex(candidates.size());
  double cheapest = std::numeric_limits<double>::infinity();
  std::string cheapest_id;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const model::InvestmentSpec& investment = base.investments[candidates[c]];
    for (const double day : options[c]) {
      capex[c].push_back(analysis::capex_schedule(investment.capex_musd,
                                                  static_cast<int>(investment.build_years),
                                                  years.index_of(day), years.count()));
      const double need = *std::max_element(capex[c].back().begin(), capex[c].back().end());
      if (need < cheapest) {
        cheapest = need;
        cheapest_id = investment.id;
      }
    }
  }
  if (!(cheapest <= search.budget_musd_per_year)) {
    throw PlanError(fmt::format(
        "a budget of {:g} MUSD a year is too small for any candidate: the least any needs in "
        "a year is {:g} MUSD ('{}', its capital over its build years)",
        search.budget_musd_per_year, cheapest, cheapest_id));
  }

  const Enumeration enumeration =
      enumerate_plans(capex, year_count, search.budget_musd_per_year + 1e-9);
  result.plans = enumeration.plans;
  result.within_budget = enumeration.within_budget.size();

  // Service is required from the first year every candidate at its earliest date could
  // carry every year after (unless told): years no plan can help are held against none.
  BoundCheck bound(base, years, 1.0 - search.max_diverted_share);
  Case everything;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    if (options[c].empty()) continue;
    everything.members.push_back(candidates[c]);
    everything.opening_days.push_back(options[c].front());
  }
  int serve_from = 0;
  if (search.serve_from_year) {
    serve_from = std::clamp(*search.serve_from_year - years.base_year, 0, years.count() - 1);
  } else if (const int last = bound.last_shortfall(everything); last + 1 < years.count()) {
    serve_from = last + 1;
  }
  bound.serve_from(serve_from);
  result.serve_from_year = years.base_year + serve_from;
  const double serve_from_day = years.year_start_day[static_cast<std::size_t>(serve_from)];
  std::vector<Case> carried;
  for (const std::vector<int>& choice : enumeration.within_budget) {
    Case one = case_of(choice, candidates, options);
    if (bound.carries(one)) carried.push_back(std::move(one));
  }
  result.carried_by_bound = carried.size();
  if (carried.empty()) {
    // What stops even every candidate at its earliest date.
    result.shortfall_with_every_candidate = bound.first_shortfall(everything, true);
  }

  PlanCache cache(search.cache_path, fingerprint(base, search, result.seed) +
                                         fmt::format("|serve {}", result.serve_from_year));
  std::vector<std::size_t> to_simulate;
  for (std::size_t p = 0; p < carried.size(); ++p) {
    if (!carried[p].members.empty() && cache.find(key_of(base, carried[p])) == nullptr) {
      to_simulate.push_back(p);
    }
  }
  if (to_simulate.size() > search.max_simulated_plans) {
    throw PlanError(fmt::format(
        "{} plans are within the budget and carried by the capacity bound, {} of them to "
        "simulate: more than --max-plans {}. Narrow the search (--only, --delays) or allow "
        "more",
        carried.size(), to_simulate.size(), search.max_simulated_plans));
  }

  // The do-nothing case first, then each plan to simulate, replication by replication.
  const std::uint32_t replications = search.replications;
  const ProcessGroup& group = ProcessGroup::world();
  const std::size_t share = (to_simulate.size() + static_cast<std::size_t>(group.size()) - 1 -
                             static_cast<std::size_t>(group.rank())) /
                            static_cast<std::size_t>(group.size());
  const std::size_t total = (1 + share) * replications;  // this rank's runs
  std::size_t done_before = 0;
  const auto progress = [&](std::size_t done, std::size_t) {
    if (search.on_progress) search.on_progress(done_before + done, total);
  };
  std::vector<model::RunResult> without(replications);
  const model::CandidateRoutes base_routes = model::plan_routes(base);
  run_parallel(
      replications, search.threads,
      [&](std::size_t r) {
        without[r] = detail::yearly_cargo(
            model::simulate(base, base_routes, model::RunOptions{result.seed, r}));
      },
      progress);
  done_before = replications;

  // Under MPI each rank simulates every size-th plan and sends rank 0 its figures; the
  // figures are the same whichever rank computed them.
  std::vector<std::size_t> mine;
  for (std::size_t i = 0; i < to_simulate.size(); ++i) {
    if (static_cast<int>(i % static_cast<std::size_t>(group.size())) == group.rank()) {
      mine.push_back(i);
    }
  }
  std::vector<std::vector<model::RunResult>> runs(to_simulate.size());
  for (const std::size_t i : mine) runs[i].resize(replications);
  std::vector<std::uint32_t> finished(to_simulate.size(), 0);
  std::vector<Simulated> simulated(to_simulate.size());
  std::mutex finish_mutex;
  detail::SharedRoutePlans route_plans(to_simulate.size());
  run_parallel(
      mine.size() * replications, search.threads,
      [&](std::size_t job) {
        const std::size_t i = mine[job / replications];
        const std::size_t r = job % replications;
        const Case& one = carried[to_simulate[i]];
        const model::CorridorSpec with_plan = detail::with_case(base, one);
        runs[i][r] = detail::yearly_cargo(model::simulate(with_plan, route_plans.of(i, with_plan),
                                                          model::RunOptions{result.seed, r}));
        {
          const std::lock_guard lock(finish_mutex);
          if (++finished[i] < replications) return;
        }
        route_plans.release(i);
        // The plan's last replication: its figures, then its runs are let go.
        Simulated& plan = simulated[i];
        detail::CaseFigures figures =
            detail::appraise_case(base, one, without, runs[i], years, search.confidence);
        plan.pv_costs_musd = figures.appraisal.pv_costs_musd;
        plan.npv_musd = std::move(figures.npv_musd);
        plan.bcr = std::move(figures.bcr);
        std::tie(plan.worst_diverted_share, plan.worst_year) =
            worst_diversion(base, runs[i], serve_from_day);
        runs[i].clear();
        runs[i].shrink_to_fit();
        const std::string key = key_of(base, one);
        if (group.rank() == 0) {
          cache.add(key, plan);
        } else {
          const std::lock_guard lock(finish_mutex);
          group.send_row(i, simulated_json(key, plan).dump());
        }
      },
      progress);
  result.simulated_years =
      static_cast<double>((static_cast<std::size_t>(group.size()) + to_simulate.size()) *
                          replications) *
      base.horizon_days / 365.0;
  if (group.rank() != 0) {
    group.send_done();
    result.rank_only = true;
    return result;
  }
  for (int ranks_done = 0; ranks_done < group.size() - 1;) {
    const auto message = group.try_receive();
    if (!message) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    if (message->done) {
      ++ranks_done;
      continue;
    }
    simulated[message->index] = simulated_of(Json::parse(message->text));
    cache.add(key_of(base, carried[to_simulate[message->index]]), simulated[message->index]);
  }
  result.simulated = to_simulate.size();

  std::vector<PlanOutcome> outcomes;
  std::size_t next_simulated = 0;
  for (std::size_t p = 0; p < carried.size(); ++p) {
    const Case& one = carried[p];
    if (one.members.empty()) {
      // Building nothing is the do-nothing case itself: NPV 0 exactly.
      Simulated nothing;
      nothing.npv_musd.assign(replications, 0.0);
      nothing.bcr.assign(replications, std::numeric_limits<double>::quiet_NaN());
      std::tie(nothing.worst_diverted_share, nothing.worst_year) =
          worst_diversion(base, without, serve_from_day);
      outcomes.push_back(outcome_of(base, one, nothing, search));
    } else if (next_simulated < to_simulate.size() && to_simulate[next_simulated] == p) {
      outcomes.push_back(outcome_of(base, one, simulated[next_simulated++], search));
    } else {
      outcomes.push_back(outcome_of(base, one, *cache.find(key_of(base, one)), search));
      ++result.from_cache;
    }
  }
  // The largest NPV first; ties in the order plans were enumerated.
  std::stable_sort(outcomes.begin(), outcomes.end(), [](const auto& a, const auto& b) {
    return *a.npv_musd.mean > *b.npv_musd.mean;
  });
  for (const PlanOutcome& outcome : outcomes) {
    if (!outcome.serves) continue;
    if (!result.best) {
      result.best = outcome;
    } else if (result.runners_up.size() < search.runners_up) {
      result.runners_up.push_back(outcome);
    }
  }
  if (result.best) {
    for (PlanOutcome& outcome : result.runners_up) {
      std::vector<double> below(replications);
      for (std::size_t r = 0; r < replications; ++r) {
        below[r] = result.best->npv_by_replication_musd[r] - outcome.npv_by_replication_musd[r];
      }
      outcome.npv_below_best_musd = detail::estimate(below, search.confidence);
    }
  } else {
    std::vector<PlanOutcome> closest = outcomes;
    std::stable_sort(closest.begin(), closest.end(), [](const auto& a, const auto& b) {
      return a.worst_diverted_share < b.worst_diverted_share;
    });
    closest.resize(std::min(closest.size(), search.runners_up));
    result.closest = std::move(closest);
  }
  return result;
}

}  // namespace corridor::experiment

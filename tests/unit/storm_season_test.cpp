// Storms: a Poisson process inside a season of every year.

#include "corridor/model/storm_season.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace corridor;

namespace {

model::StormSpec winter(double per_season) {
  model::StormSpec storm;
  storm.id = "winter";
  storm.season_from_day = 304.0;  // 1 November
  storm.season_to_day = 90.0;     // to 31 March, over the new year
  storm.per_season = per_season;
  return storm;
}

}  // namespace

TEST_CASE("a season may span the new year") {
  const auto storm = winter(10.0);
  CHECK(model::season_length_days(storm) == 151.0);
  CHECK(model::in_season(storm, model::Calendar{}, 0.0));
  CHECK(model::in_season(storm, model::Calendar{}, 89.9));
  CHECK_FALSE(model::in_season(storm, model::Calendar{}, 90.0));
  CHECK_FALSE(model::in_season(storm, model::Calendar{}, 200.0));
  CHECK(model::in_season(storm, model::Calendar{}, 304.0));
  CHECK(model::in_season(storm, model::Calendar{}, 365.0 + 45.0));  // next year's February
}

TEST_CASE("storms come only in season, as many as per_season says") {
  const auto storm = winter(12.0);
  engine::RandomStream rng(3, 0, "storm/winter");
  const double years = 500.0;
  const auto onsets = model::storm_onsets_days(storm, model::Calendar{}, years * 365.0, rng);
  for (const double day : onsets) REQUIRE(model::in_season(storm, model::Calendar{}, day));
  for (std::size_t i = 1; i < onsets.size(); ++i) REQUIRE(onsets[i] > onsets[i - 1]);
  // Poisson: mean 12 a season, standard error sqrt(12 x 500) over 500 seasons.
  const double per_season = static_cast<double>(onsets.size()) / years;
  CHECK(std::abs(per_season - 12.0) < 4.0 * std::sqrt(12.0 * years) / years);
  // Counted in season time, the gaps are exponential: a share exp(-1) exceed the mean.
  const auto season_days_before = [](double day) {  // in-season days in [0, day)
    const double year_day = std::fmod(day, 365.0);
    return std::floor(day / 365.0) * 151.0 + std::min(year_day, 90.0) +
           std::max(0.0, year_day - 304.0);
  };
  int long_gaps = 0;
  for (std::size_t i = 1; i < onsets.size(); ++i) {
    const double gap = season_days_before(onsets[i]) - season_days_before(onsets[i - 1]);
    if (gap > 151.0 / 12.0) ++long_gaps;
  }
  const double gaps = static_cast<double>(onsets.size() - 1);
  const double share = long_gaps / gaps;
  const double p = std::exp(-1.0);
  CHECK(std::abs(share - p) < 4.0 * std::sqrt(p * (1.0 - p) / gaps));
}

TEST_CASE("no storms when none are expected") {
  engine::RandomStream rng(1, 0, "storm/none");
  CHECK(model::storm_onsets_days(winter(0.0), model::Calendar{}, 3650.0, rng).empty());
}

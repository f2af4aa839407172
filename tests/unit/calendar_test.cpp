// The calendar arithmetic: dates to days and back, leap years, and what a dated run's
// months and years are, against dates worked out by hand.

#include "corridor/model/calendar.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace corridor;

TEST_CASE("dates and days since 1970 convert both ways, leap days included") {
  CHECK(model::days_from_civil({1970, 1, 1}) == 0);
  CHECK(model::days_from_civil({2000, 3, 1}) == 11017);
  CHECK(model::days_from_civil({2025, 1, 1}) == 20089);
  CHECK(model::days_from_civil({1969, 12, 31}) == -1);
  for (std::int64_t day = -800000; day <= 800000; day += 997) {
    CAPTURE(day);
    CHECK(model::days_from_civil(model::civil_from_days(day)) == day);
  }
  CHECK(model::civil_from_days(model::days_from_civil({2024, 2, 29})) ==
        model::CivilDate{2024, 2, 29});
  CHECK(model::days_from_civil({2024, 3, 1}) - model::days_from_civil({2024, 2, 28}) == 2);
  CHECK(model::is_leap_year(2024));
  CHECK_FALSE(model::is_leap_year(2100));
  CHECK(model::is_leap_year(2000));
}

TEST_CASE("ISO dates parse only when they are real dates") {
  CHECK(model::parse_iso_date("2028-07-01") == model::CivilDate{2028, 7, 1});
  CHECK(model::parse_iso_date("2024-02-29") == model::CivilDate{2024, 2, 29});
  CHECK_FALSE(model::parse_iso_date("2025-02-29"));
  CHECK_FALSE(model::parse_iso_date("2025-13-01"));
  CHECK_FALSE(model::parse_iso_date("2025-1-01"));
  CHECK_FALSE(model::parse_iso_date("01/07/2028"));
  CHECK_FALSE(model::parse_iso_date("2028"));
  CHECK_FALSE(model::parse_iso_date("2028-07-01x"));
  CHECK(model::format_iso_date({2028, 7, 1}) == "2028-07-01");
}

TEST_CASE("an undated run keeps the model's 365-day year") {
  const model::Calendar calendar;
  CHECK_FALSE(calendar.dated());
  CHECK(calendar.month_of(58.9) == 1);
  CHECK(calendar.month_of(59.0) == 2);  // no 29 February
  CHECK(calendar.day_of_year(365.0 + 10.5) == doctest::Approx(10.5));
  CHECK(calendar.year_length_days(1000.0) == 365.0);
}

TEST_CASE("a dated run follows the real calendar from its start") {
  const model::Calendar calendar(model::CivilDate{2024, 7, 1});
  CHECK(calendar.dated());
  CHECK(calendar.month_of(0.0) == 6);  // July
  CHECK(calendar.month_of(30.9) == 6);
  CHECK(calendar.month_of(31.0) == 7);        // 1 August
  CHECK(calendar.day_of_year(0.0) == 182.0);  // 2024 is a leap year: 1 July is day 182
  CHECK(calendar.day_of_year(184.25) == doctest::Approx(0.25));  // 1 January 2025
  CHECK(calendar.year_length_days(0.0) == 366.0);
  CHECK(calendar.year_length_days(200.0) == 365.0);
  CHECK(calendar.day_of(model::CivilDate{2025, 1, 1}) == 184.0);
  CHECK(calendar.date_of(184.9) == model::CivilDate{2025, 1, 1});
  // February 2028 has 29 days: day 1338 from 1 July 2024 is 29 February 2028.
  CHECK(calendar.date_of(calendar.day_of(model::CivilDate{2028, 2, 29})) ==
        model::CivilDate{2028, 2, 29});
  CHECK(calendar.month_of(calendar.day_of(model::CivilDate{2028, 2, 29})) == 1);
}

TEST_CASE("periods follow the calendar's years, quarters and months") {
  using model::PeriodLength;
  const model::Calendar undated;
  CHECK(model::period_bounds_days(undated, 30.0, 800.0, PeriodLength::year) ==
        std::vector<double>{30.0, 365.0, 730.0, 800.0});
  CHECK(model::period_bounds_days(undated, 0.0, 365.0, PeriodLength::year) ==
        std::vector<double>{0.0, 365.0});
  CHECK(model::period_bounds_days(undated, 0.0, 200.0, PeriodLength::quarter) ==
        std::vector<double>{0.0, 90.0, 181.0, 200.0});
  CHECK(model::period_bounds_days(undated, 0.0, 70.0, PeriodLength::month) ==
        std::vector<double>{0.0, 31.0, 59.0, 70.0});
  // From 15 November 2027: the leap day of 2028 makes its first quarter 91 days.
  const model::Calendar dated(model::CivilDate{2027, 11, 15});
  const double new_year = dated.day_of({2028, 1, 1});
  CHECK(model::period_bounds_days(dated, 0.0, new_year + 200.0, PeriodLength::quarter) ==
        std::vector<double>{0.0, new_year, new_year + 91.0, new_year + 182.0, new_year + 200.0});
  CHECK(model::period_label(dated, PeriodLength::quarter, new_year + 91.0) == "2028-Q2");
  CHECK(model::period_label(dated, PeriodLength::month, 0.0) == "2027-11");
  CHECK(model::period_label(dated, PeriodLength::year, new_year) == "2028");
  CHECK(model::period_label(undated, PeriodLength::year, 730.0) == "Y3");
  CHECK(model::period_label(undated, PeriodLength::quarter, 365.0 + 90.0) == "Y2-Q2");
  CHECK(model::period_label(undated, PeriodLength::month, 59.0) == "Y1-M03");
  CHECK(model::day_or_date(dated, new_year) == "2028-01-01");
  CHECK(model::day_or_date(undated, 30.5) == "30.5");
  CHECK(model::parse_period_length("quarter") == PeriodLength::quarter);
  CHECK_FALSE(model::parse_period_length("decade"));
}

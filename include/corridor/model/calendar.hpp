#pragma once
// The calendar a run's days fall on. Without a start date a run keeps the model's own
// year (365 days, February 28, day 0 on 1 January), as scenarios always have; with one,
// day 0 is that date and months and years have their real lengths, leap years included.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::model {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1 = January
  int day = 1;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 in the proleptic Gregorian calendar, and back.
[[nodiscard]] std::int64_t days_from_civil(const CivilDate& date);
[[nodiscard]] CivilDate civil_from_days(std::int64_t days);
[[nodiscard]] bool is_leap_year(int year);

// "YYYY-MM-DD", a real date between years 1900 and 2200; empty otherwise.
[[nodiscard]] std::optional<CivilDate> parse_iso_date(std::string_view text);
[[nodiscard]] std::string format_iso_date(const CivilDate& date);

class Calendar {
 public:
  Calendar() = default;
  explicit Calendar(const CivilDate& start);

  [[nodiscard]] bool dated() const { return start_.has_value(); }
  [[nodiscard]] const std::optional<CivilDate>& start() const { return start_; }

  // Days from the last 1 January to `day` (a run day), and the length of that year.
  [[nodiscard]] double day_of_year(double day) const;
  [[nodiscard]] double year_length_days(double day) const;
  // 0 = January ... 11 = December.
  [[nodiscard]] int month_of(double day) const;
  // Run day of a date, and date of a run day (dated calendars only).
  [[nodiscard]] double day_of(const CivilDate& date) const;
  [[nodiscard]] CivilDate date_of(double day) const;

 private:
  std::optional<CivilDate> start_;
  std::int64_t start_serial_ = 0;
};

// The periods a run's results are cut into: calendar years, quarters or months.
enum class PeriodLength { year, quarter, month };
[[nodiscard]] std::optional<PeriodLength> parse_period_length(std::string_view text);
[[nodiscard]] const char* to_string(PeriodLength length);

// The bounds of the periods covering [from_day, to_day], in run days: from_day, each
// start of a period (1 January, 1 April, ... of the calendar; without a start date, of
// the model's 365-day year) strictly inside, and to_day. At least two values.
[[nodiscard]] std::vector<double> period_bounds_days(const Calendar& calendar, double from_day,
                                                     double to_day, PeriodLength length);

// A period's name from the run day it starts on: 2025, 2025-Q3, 2025-07 on a dated
// calendar; Y1, Y1-Q3, Y1-M07 on the model's own (years counted from 1).
[[nodiscard]] std::string period_label(const Calendar& calendar, PeriodLength length,
                                       double start_day);
// The date of a run day, or the day itself when the calendar has no date.
[[nodiscard]] std::string day_or_date(const Calendar& calendar, double day);

}  // namespace corridor::model

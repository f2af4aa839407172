#pragma once
// The calendar a run's days fall on. Without a start date a run keeps the model's own
// year (365 days, February 28, day 0 on 1 January), as scenarios always have; with one,
// day 0 is that date and months and years have their real lengths, leap years included.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

}  // namespace corridor::model

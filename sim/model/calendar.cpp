#include "corridor/model/calendar.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace corridor::model {
namespace {

constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

int days_in_month(int year, int month) {
  return month == 2 && is_leap_year(year) ? 29 : kMonthDays[month - 1];
}

// The model's own year: 365 days, no leap years.
int undated_month_of(double day) {
  double in_year = std::fmod(day, 365.0);
  int month = 0;
  while (month < 11 && in_year >= kMonthDays[month]) in_year -= kMonthDays[month++];
  return month;
}

std::optional<int> digits(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Counted in eras of 400 years, which repeat exactly, from 1 March so that the leap day
// falls at the end of the counted year.
std::int64_t days_from_civil(const CivilDate& date) {
  const std::int64_t year = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t month_from_march = (date.month + 9) % 12;
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  const std::int64_t shifted = days + 719468;
  const std::int64_t era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
  const std::int64_t day_of_era = shifted - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const int month =
      static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return CivilDate{year, month, day};
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = digits(text.substr(0, 4));
  const auto month = digits(text.substr(5, 2));
  const auto day = digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  if (*year < 1900 || *year > 2200 || *month < 1 || *month > 12) return std::nullopt;
  if (*day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  return CivilDate{*year, *month, *day};
}

std::string format_iso_date(const CivilDate& date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

Calendar::Calendar(const CivilDate& start) : start_(start), start_serial_(days_from_civil(start)) {}

double Calendar::day_of_year(double day) const {
  if (!start_) return std::fmod(day, 365.0);
  const double whole = std::floor(day);
  const std::int64_t serial = start_serial_ + static_cast<std::int64_t>(whole);
  const CivilDate date = civil_from_days(serial);
  return static_cast<double>(serial - days_from_civil(CivilDate{date.year, 1, 1})) + (day - whole);
}

double Calendar::year_length_days(double day) const {
  if (!start_) return 365.0;
  return is_leap_year(date_of(day).year) ? 366.0 : 365.0;
}

int Calendar::month_of(double day) const {
  if (!start_) return undated_month_of(day);
  return date_of(day).month - 1;
}

double Calendar::day_of(const CivilDate& date) const {
  return static_cast<double>(days_from_civil(date) - start_serial_);
}

CivilDate Calendar::date_of(double day) const {
  return civil_from_days(start_serial_ + static_cast<std::int64_t>(std::floor(day)));
}

std::optional<PeriodLength> parse_period_length(std::string_view text) {
  if (text == "year") return PeriodLength::year;
  if (text == "quarter") return PeriodLength::quarter;
  if (text == "month") return PeriodLength::month;
  return std::nullopt;
}

const char* to_string(PeriodLength length) {
  switch (length) {
    case PeriodLength::year:
      return "year";
    case PeriodLength::quarter:
      return "quarter";
    case PeriodLength::month:
      return "month";
  }
  return "?";
}

std::string period_label(const Calendar& calendar, PeriodLength length, double start_day) {
  int year = 0;
  int month = 0;  // 0 = January
  if (calendar.dated()) {
    const CivilDate date = calendar.date_of(start_day);
    year = date.year;
    month = date.month - 1;
  } else {
    year = static_cast<int>(std::floor(start_day / 365.0)) + 1;
    month = undated_month_of(start_day);
  }
  const std::string year_text =
      calendar.dated() ? fmt::format("{}", year) : fmt::format("Y{}", year);
  switch (length) {
    case PeriodLength::year:
      return year_text;
    case PeriodLength::quarter:
      return fmt::format("{}-Q{}", year_text, month / 3 + 1);
    case PeriodLength::month:
      return calendar.dated() ? fmt::format("{}-{:02}", year_text, month + 1)
                              : fmt::format("{}-M{:02}", year_text, month + 1);
  }
  return year_text;
}

std::string day_or_date(const Calendar& calendar, double day) {
  if (calendar.dated()) return format_iso_date(calendar.date_of(day));
  return fmt::format("{:g}", day);
}

std::vector<double> period_bounds_days(const Calendar& calendar, double from_day, double to_day,
                                       PeriodLength length) {
  const int months_per_period =
      length == PeriodLength::year ? 12 : (length == PeriodLength::quarter ? 3 : 1);
  // Period starts are the first days of months m = 0, k, 2k, ... of each year; months are
  // counted from January of year 0 (the start date's year, or the model's first year).
  const auto start_of_month = [&](std::int64_t months) -> double {
    const std::int64_t year = months / 12;
    const int month = static_cast<int>(months % 12);
    if (calendar.dated()) {
      const CivilDate date{calendar.start()->year + static_cast<int>(year), month + 1, 1};
      return calendar.day_of(date);
    }
    double day = 365.0 * static_cast<double>(year);
    for (int m = 0; m < month; ++m) day += kMonthDays[m];
    return day;
  };
  std::vector<double> bounds{from_day};
  for (std::int64_t months = months_per_period;; months += months_per_period) {
    const double start = start_of_month(months);
    if (start >= to_day) break;
    if (start > from_day) bounds.push_back(start);
  }
  bounds.push_back(to_day);
  return bounds;
}

}  // namespace corridor::model

#include "core/dates.h"

#include <cstdio>

namespace qe {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

// Howard Hinnant's days_from_civil: eras of 400 years, March-based years so the leap day
// comes last.
Day day_from_civil(int year, int month, int day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

YearMonthDay civil_from_day(Day day) {
  day += 719468;
  const int era = (day >= 0 ? day : day - 146096) / 146097;
  const int day_of_era = day - era * 146097;
  const int year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int shifted_month = (5 * day_of_year + 2) / 153;
  const int month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  return {year_of_era + era * 400 + (month <= 2), month, day_of_year - (153 * shifted_month + 2) / 5 + 1};
}

std::optional<Day> parse_day(std::string_view text) {
  const auto year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  if (!year || !month || !day || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  return day_from_civil(*year, *month, *day);
}

std::string format_day(Day day) {
  const YearMonthDay date = civil_from_day(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

DateBins DateBins::spanning(Day first_day, Day last_day) {
  DateBins bins;
  if (last_day - first_day < static_cast<Day>(kMaxDayBins)) {
    bins.first = first_day;
    bins.count = static_cast<std::uint32_t>(last_day - first_day + 1);
    return bins;
  }
  const YearMonthDay first = civil_from_day(first_day), last = civil_from_day(last_day);
  bins.unit = Unit::Month;
  bins.first = day_from_civil(first.year, first.month, 1);
  bins.count = static_cast<std::uint32_t>((last.year - first.year) * 12 + last.month - first.month + 1);
  return bins;
}

std::uint32_t DateBins::bin_of(Day day) const {
  if (unit == Unit::Day) return static_cast<std::uint32_t>(day - first);
  const YearMonthDay start = civil_from_day(first), date = civil_from_day(day);
  return static_cast<std::uint32_t>((date.year - start.year) * 12 + date.month - start.month);
}

Day DateBins::bin_first_day(std::uint32_t bin) const {
  if (unit == Unit::Day) return first + static_cast<Day>(bin);
  const YearMonthDay start = civil_from_day(first);
  const int months = start.month - 1 + static_cast<int>(bin);
  return day_from_civil(start.year + months / 12, months % 12 + 1, 1);
}

Day DateBins::bin_last_day(std::uint32_t bin) const {
  if (unit == Unit::Day) return bin_first_day(bin);
  return bin_first_day(bin + 1) - 1;
}

}  // namespace qe

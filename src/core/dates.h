// dates.h: calendar days for the published-date facet, and the histogram bins it is drawn in.
//
// Days count from 1970-01-01 (proleptic Gregorian), so a range check is two integer compares.
// An article's "published" is ISO 8601; only its date part matters ("2025-03-01T10:00Z" is
// day 2025-03-01, whatever the time zone says: newsrooms date a story by its dateline).
#pragma once

#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qe {

using Day = std::int32_t;
inline constexpr Day kNoDay = INT32_MIN;  // an undated article

// The day of "YYYY-MM-DD" at the start of `text` (what follows is ignored), if it is a real
// calendar date.
std::optional<Day> parse_day(std::string_view text);
std::string format_day(Day day);  // "2025-03-01"

struct YearMonthDay {
  int year, month, day;  // month and day from 1
};
YearMonthDay civil_from_day(Day day);
Day day_from_civil(int year, int month, int day);

// How the published-date histogram bins a corpus: one bar a day for a span of up to
// kMaxDayBins days, else one a month (a single bar for a single day).
struct DateBins {
  enum class Unit : std::uint8_t { Day, Month };
  static constexpr std::size_t kMaxDayBins = 92;
  Unit unit = Unit::Day;
  Day first = 0;            // the first bin's first day
  std::uint32_t count = 0;  // 0 when no article is dated

  static DateBins spanning(Day first_day, Day last_day);
  std::uint32_t bin_of(Day day) const;  // day within the span
  Day bin_first_day(std::uint32_t bin) const;
  Day bin_last_day(std::uint32_t bin) const;
};

}  // namespace qe

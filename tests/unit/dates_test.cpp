// Calendar days and the published-date histogram's bins.
#include <doctest/doctest.h>

#include "core/dates.h"

TEST_CASE("days count from 1970-01-01 and round-trip through the calendar") {
  CHECK(qe::parse_day("1970-01-01") == 0);
  CHECK(qe::parse_day("2000-03-01") == 11017);
  CHECK(qe::parse_day("1969-12-31") == -1);
  for (qe::Day day = *qe::parse_day("0001-01-01"); day <= *qe::parse_day("9999-12-31"); day += 997) {
    CAPTURE(day);
    CHECK(qe::parse_day(qe::format_day(day)) == day);
  }
}

TEST_CASE("only real calendar dates parse; a time after the date is ignored") {
  CHECK(qe::parse_day("2024-02-29"));
  CHECK(qe::parse_day("2025-03-01T10:00:00Z") == qe::parse_day("2025-03-01"));
  for (const char* bad : {"", "2025", "2025-3-1", "2023-02-29", "2025-13-01", "2025-04-31", "2025-00-10",
                          "1900-02-29", "2025/03/01", "２０２５-03-01", "2025-03-0x"}) {
    CAPTURE(bad);
    CHECK_FALSE(qe::parse_day(bad));
  }
  CHECK(qe::format_day(*qe::parse_day("0001-01-01")) == "0001-01-01");
}

TEST_CASE("a span of up to 92 days has a bin a day; longer spans a bin a month") {
  const qe::Day march1 = *qe::parse_day("2025-03-01");
  const auto days = qe::DateBins::spanning(march1, march1 + 91);
  CHECK(days.unit == qe::DateBins::Unit::Day);
  CHECK(days.count == 92);
  CHECK(days.bin_of(march1 + 5) == 5);
  CHECK(days.bin_first_day(5) == march1 + 5);
  CHECK(days.bin_last_day(5) == march1 + 5);

  const auto months = qe::DateBins::spanning(*qe::parse_day("2024-11-15"), *qe::parse_day("2025-02-03"));
  CHECK(months.unit == qe::DateBins::Unit::Day);  // 81 days
  const auto long_span = qe::DateBins::spanning(*qe::parse_day("2023-11-15"), *qe::parse_day("2025-02-03"));
  CHECK(long_span.unit == qe::DateBins::Unit::Month);
  CHECK(long_span.count == 16);  // Nov 2023 … Feb 2025
  CHECK(qe::format_day(long_span.bin_first_day(0)) == "2023-11-01");
  CHECK(long_span.bin_of(*qe::parse_day("2024-02-29")) == 3);
  CHECK(qe::format_day(long_span.bin_first_day(3)) == "2024-02-01");
  CHECK(qe::format_day(long_span.bin_last_day(3)) == "2024-02-29");
  CHECK(qe::format_day(long_span.bin_last_day(15)) == "2025-02-28");
}

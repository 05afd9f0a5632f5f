// format.h: numbers and counts as people read them, for the explorer and the CLI.
//
//   format_number(1000000)                 -> "1,000,000"
//   format_count(1, "quote", "quotes")     -> "1 quote"
//   format_count(67132, "quote", "quotes") -> "67,132 quotes"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace qe {

// Digits in groups of three, separated by commas (English, as the rest of the interface).
inline std::string format_number(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The number and the noun that agrees with it: singular for exactly one, plural otherwise.
inline std::string format_count(std::uint64_t n, std::string_view singular, std::string_view plural) {
  return format_number(n) + " " + std::string(n == 1 ? singular : plural);
}

}  // namespace qe

#include "core/countries.h"

#include <array>
#include <cstdint>
#include <iterator>

namespace qe {
namespace {

struct CountryRow {
  std::string_view code;
  std::string_view name;
};

constexpr CountryRow kCountries[] = {
#include "core/country_table.inc"
};

// Every code is two capital letters: the row of code "XY", plus one, is kRowByLetters[X][Y]
// (0 for no country), so that a load of a million quotes finds each speaker's country with
// one read rather than a binary search of string compares.
constexpr std::size_t kLetters = 26;
constexpr auto kRowByLetters = [] {
  std::array<std::uint8_t, kLetters * kLetters> rows{};
  for (std::size_t row = 0; row < std::size(kCountries); ++row)
    rows[static_cast<std::size_t>(kCountries[row].code[0] - 'A') * kLetters +
         static_cast<std::size_t>(kCountries[row].code[1] - 'A')] = static_cast<std::uint8_t>(row + 1);
  return rows;
}();
static_assert(std::size(kCountries) < 255, "a row plus one fits a byte");

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

std::size_t country_count() { return std::size(kCountries); }

std::optional<CountryId> find_country(std::string_view code) {
  if (code.size() != 2 || !is_capital(code[0]) || !is_capital(code[1])) return std::nullopt;
  const std::uint8_t row = kRowByLetters[static_cast<std::size_t>(code[0] - 'A') * kLetters +
                                         static_cast<std::size_t>(code[1] - 'A')];
  if (!row) return std::nullopt;
  return static_cast<CountryId>(row - 1);
}

std::string_view country_code(CountryId id) {
  return id < country_count() ? kCountries[id].code : std::string_view{};
}

std::string_view country_name(CountryId id) {
  return id < country_count() ? kCountries[id].name : std::string_view{"Unknown"};
}

}  // namespace qe

#include "core/countries.h"

#include <algorithm>
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

}  // namespace

std::size_t country_count() { return std::size(kCountries); }

std::optional<CountryId> find_country(std::string_view code) {
  const auto* end = std::end(kCountries);
  const auto* row = std::lower_bound(std::begin(kCountries), end, code,
                                     [](const CountryRow& r, std::string_view c) { return r.code < c; });
  if (row == end || row->code != code) return std::nullopt;
  return static_cast<CountryId>(row - std::begin(kCountries));
}

std::string_view country_code(CountryId id) {
  return id < country_count() ? kCountries[id].code : std::string_view{};
}

std::string_view country_name(CountryId id) {
  return id < country_count() ? kCountries[id].name : std::string_view{"Unknown"};
}

}  // namespace qe

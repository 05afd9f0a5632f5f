// countries.h: ISO 3166-1 alpha-2 codes, the only country identifiers the format accepts.
//
// A country is stored as a CountryId (its row in the sorted table), so a million quotes
// carry two bytes of country each and facet counts are plain arrays indexed by CountryId.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace qe {

using CountryId = std::uint16_t;
inline constexpr CountryId kNoCountry = 0xFFFF;  // the speaker's country is unknown (null)

std::size_t country_count();                            // 249 assigned codes
std::optional<CountryId> find_country(std::string_view upper_case_code);  // "RU" -> id
std::string_view country_code(CountryId id);            // "RU"; "" for kNoCountry
std::string_view country_name(CountryId id);            // "Russia"; "Unknown" for kNoCountry

}  // namespace qe

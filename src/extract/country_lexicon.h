// country_lexicon.h: every ISO 3166-1 country with the words news text uses for it:
// names and short forms ("United States", "U.S.", "US", "America"), demonyms ("American",
// "Americans"), capitals ("Washington") and institutions ("White House", "Pentagon"), from
// src/extract/lexicon/countries.tsv. Matching is case-sensitive ("US" is a country, "us"
// is not) and ends at a word boundary. An apostrophe in the table also matches ’ in the text
// ("Quai d’Orsay"), and a space matches any run of white space or no-break spaces.
//
//   if (auto match = qe::extract::match_country_phrase("Kremlin said on Monday"))
//     match->code == "RU", match->evidence == CountryEvidence::Institution, match->length == 7
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace qe::extract {

enum class CountryEvidence : unsigned char { Name, Demonym, Capital, Institution };

struct CountryMatch {
  std::string_view code;      // ISO 3166-1 alpha-2, "RU"
  CountryEvidence evidence;
  std::string_view phrase;    // the lexicon entry matched, "Kremlin"
  std::size_t length = 0;     // bytes of the input matched
};

// The longest country phrase at the very start of `text`, or nothing. The phrase must end
// where the text does or before a character that is not a letter or digit, so "Russia’s"
// gives "Russia" (length 6) and "Russianness" nothing. Built on first use; thread-safe.
std::optional<CountryMatch> match_country_phrase(std::string_view text);

struct CountryInfo {
  std::string_view code, name, adjective;  // "RU", "Russia", "Russian"
};

// The lexicon's record for an ISO code, or null.
const CountryInfo* country_info(std::string_view code);

}  // namespace qe::extract

// Placeholder until src/extract/lexicon/countries.tsv exists.
#include "extract/country_lexicon.h"

namespace qe::extract {

std::optional<CountryMatch> match_country_phrase(std::string_view) { return std::nullopt; }
const CountryInfo* country_info(std::string_view) { return nullptr; }

}  // namespace qe::extract

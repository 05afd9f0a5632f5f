#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "core/countries.h"
#include "extract/country_lexicon.h"
#include "extract/lexicon.h"

using qe::extract::CountryEvidence;
using qe::extract::country_info;
using qe::extract::lexicon_rows;
using qe::extract::match_country_phrase;

namespace {

std::string_view code_of(std::string_view text) {
  const auto match = match_country_phrase(text);
  return match ? match->code : std::string_view("none");
}

std::vector<std::string_view> split_bars(std::string_view column) {
  std::vector<std::string_view> parts;
  while (!column.empty()) {
    const std::size_t bar = column.find('|');
    parts.push_back(column.substr(0, bar));
    column.remove_prefix(bar == std::string_view::npos ? column.size() : bar + 1);
  }
  return parts;
}

}  // namespace

TEST_CASE("every code of the core country table has a row with a name and an adjective") {
  REQUIRE(qe::country_count() == 249);
  for (std::size_t id = 0; id < qe::country_count(); ++id) {
    const std::string_view code = qe::country_code(static_cast<qe::CountryId>(id));
    CAPTURE(code);
    const auto* info = country_info(code);
    REQUIRE(info != nullptr);
    CHECK(info->code == code);
    CHECK(!info->name.empty());
    CHECK(!info->adjective.empty());
  }
}

TEST_CASE("the countries table has one row of at most seven columns per core code and no other") {
  const auto rows = lexicon_rows("countries.tsv");
  CHECK(rows.size() == qe::country_count());
  std::set<std::string_view> codes;
  for (const auto& row : rows) {
    CAPTURE(row[0]);
    CHECK(row.size() >= 3);
    CHECK(row.size() <= 7);
    CHECK(qe::find_country(row[0]).has_value());
    CHECK(codes.insert(row[0]).second);
  }
}

TEST_CASE("every country phrase starts with a capital letter or a digit and has no stray spaces") {
  for (const auto& row : lexicon_rows("countries.tsv"))
    for (std::size_t column = 1; column < row.size(); ++column)
      for (const std::string_view phrase : split_bars(row[column])) {
        CAPTURE(phrase);
        REQUIRE(!phrase.empty());
        const unsigned char first = static_cast<unsigned char>(phrase[0]);
        CHECK((first >= 0x80 || (first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9')));
        CHECK(phrase.back() != ' ');
        CHECK(phrase.find("  ") == std::string_view::npos);
      }
}

TEST_CASE("only the documented phrases are listed for two countries, and the first row keeps them") {
  std::map<std::string_view, std::string_view> first_code;
  std::set<std::string_view> shared;
  for (const auto& row : lexicon_rows("countries.tsv"))
    for (std::size_t column = 1; column < row.size(); ++column)
      for (const std::string_view phrase : split_bars(row[column])) {
        const auto [it, inserted] = first_code.emplace(phrase, row[0]);
        if (!inserted && it->second != row[0]) shared.insert(phrase);
      }
  CHECK(shared == std::set<std::string_view>{"Congolese", "Dominican", "Dominicans", "Kingston"});
  CHECK(code_of("Congolese troops") == "CD");
  CHECK(code_of("Dominican officials") == "DO");
  CHECK(code_of("Kingston said") == "JM");
}

TEST_CASE("every country phrase is found in text as itself, for the row that lists it first") {
  std::map<std::string_view, std::string_view> first_code;
  for (const auto& row : lexicon_rows("countries.tsv"))
    for (std::size_t column = 1; column < row.size(); ++column)
      for (const std::string_view phrase : split_bars(row[column])) first_code.emplace(phrase, row[0]);
  for (const auto& [phrase, code] : first_code) {
    const std::string text = std::string(phrase) + "'s spokesman said.";
    CAPTURE(text);
    const auto match = match_country_phrase(text);
    REQUIRE(match.has_value());
    CHECK(match->phrase == phrase);
    CHECK(match->code == code);
    CHECK(match->length == phrase.size());
  }
}

TEST_CASE("the Kremlin is the institution that stands for the country Russia") {
  const auto match = match_country_phrase("Kremlin said on Monday");
  REQUIRE(match.has_value());
  CHECK(match->code == "RU");
  CHECK(match->evidence == CountryEvidence::Institution);
  CHECK(match->phrase == "Kremlin");
  CHECK(match->length == 7);
}

TEST_CASE("White House said gives the country US as an institution, eleven bytes long") {
  const auto match = match_country_phrase("White House said");
  REQUIRE(match.has_value());
  CHECK(match->code == "US");
  CHECK(match->evidence == CountryEvidence::Institution);
  CHECK(match->length == 11);
}

TEST_CASE("U.S. keeps its final period, and US, USA and U.S.A. are all the country US") {
  auto match = match_country_phrase("U.S. officials");
  REQUIRE(match.has_value());
  CHECK(match->code == "US");
  CHECK(match->evidence == CountryEvidence::Name);
  CHECK(match->length == 4);

  match = match_country_phrase("US");
  REQUIRE(match.has_value());
  CHECK(match->code == "US");
  CHECK(match->length == 2);

  match = match_country_phrase("USA today");
  REQUIRE(match.has_value());
  CHECK(match->phrase == "USA");
  CHECK(match->length == 3);

  match = match_country_phrase("U.S.A. said");
  REQUIRE(match.has_value());
  CHECK(match->phrase == "U.S.A.");
  CHECK(match->length == 6);

  CHECK(code_of("U.S.-led coalition") == "US");
  CHECK(code_of("US-backed") == "US");
}

TEST_CASE("a possessive after a country name is left to the caller, with a straight or a curly apostrophe") {
  auto match = match_country_phrase("Russia’s foreign ministry");
  REQUIRE(match.has_value());
  CHECK(match->code == "RU");
  CHECK(match->phrase == "Russia");
  CHECK(match->length == 6);

  match = match_country_phrase("Russia's foreign ministry");
  REQUIRE(match.has_value());
  CHECK(match->length == 6);
}

TEST_CASE("Britain, British, UK, U.K., Downing Street and Number 10 are the country GB") {
  CHECK(code_of("Britain") == "GB");
  CHECK(code_of("British officials") == "GB");
  CHECK(code_of("UK") == "GB");
  CHECK(code_of("U.K. ministers") == "GB");
  const auto match = match_country_phrase("Downing Street said");
  REQUIRE(match.has_value());
  CHECK(match->code == "GB");
  CHECK(match->evidence == CountryEvidence::Institution);
  CHECK(match->length == 14);
  CHECK(code_of("Number 10 said") == "GB");
}

TEST_CASE("the Élysée, with or without accents, and the Quai d’Orsay are the country FR") {
  const auto match = match_country_phrase("Élysée said");
  REQUIRE(match.has_value());
  CHECK(match->code == "FR");
  CHECK(match->evidence == CountryEvidence::Institution);
  CHECK(match->length == std::string_view("Élysée").size());
  CHECK(code_of("Elysee Palace") == "FR");
  CHECK(match_country_phrase("Élysée Palace said")->length == std::string_view("Élysée Palace").size());
  const auto quai = match_country_phrase("Quai d’Orsay said");
  REQUIRE(quai.has_value());
  CHECK(quai->code == "FR");
  CHECK(quai->length == std::string_view("Quai d’Orsay").size());
}

TEST_CASE("Kyiv and Kiev are the capital of the country UA") {
  for (const char* text : {"Kyiv", "Kiev's", "Kyiv, March 3"}) {
    CAPTURE(text);
    const auto match = match_country_phrase(text);
    REQUIRE(match.has_value());
    CHECK(match->code == "UA");
    CHECK(match->evidence == CountryEvidence::Capital);
    CHECK(match->length == 4);
  }
}

TEST_CASE("Russians and Russian are demonyms of the country RU") {
  auto match = match_country_phrase("Russians say");
  REQUIRE(match.has_value());
  CHECK(match->code == "RU");
  CHECK(match->evidence == CountryEvidence::Demonym);
  CHECK(match->length == 8);
  match = match_country_phrase("Russian government");
  REQUIRE(match.has_value());
  CHECK(match->evidence == CountryEvidence::Demonym);
  CHECK(match->length == 7);
}

TEST_CASE("a country phrase must end a word, and multi-byte letters continue a word") {
  CHECK_FALSE(match_country_phrase("Russianness"));
  CHECK_FALSE(match_country_phrase("Russiaé"));
  CHECK_FALSE(match_country_phrase("Kremlin2"));
  CHECK(code_of("Nigeria") == "NG");
  CHECK(code_of("Niger") == "NE");
  CHECK(code_of("Nigerian") == "NG");
  CHECK(code_of("Nigerien") == "NE");
  CHECK(code_of("Russia—and") == "RU");
  CHECK(code_of("Russia.") == "RU");
  CHECK(code_of("Russia”") == "RU");
}

TEST_CASE("matching is case-sensitive: us, russia and KREMLIN are not countries") {
  CHECK_FALSE(match_country_phrase("us"));
  CHECK_FALSE(match_country_phrase("us and them"));
  CHECK_FALSE(match_country_phrase("russia"));
  CHECK_FALSE(match_country_phrase("KREMLIN"));
  CHECK_FALSE(match_country_phrase(""));
  CHECK_FALSE(match_country_phrase("The"));
  CHECK_FALSE(match_country_phrase("Sergei Lavrov"));
}

TEST_CASE("the longest country phrase wins: South Korea over Korea, Guinea-Bissau over Guinea") {
  auto match = match_country_phrase("South Korea's president");
  REQUIRE(match.has_value());
  CHECK(match->code == "KR");
  CHECK(match->phrase == "South Korea");
  CHECK(match->length == 11);
  CHECK(code_of("Korea") == "KR");
  CHECK(code_of("North Korea") == "KP");
  CHECK(code_of("North Korean state media") == "KP");
  CHECK(code_of("Guinea-Bissau") == "GW");
  CHECK(code_of("Guinea said") == "GN");
  CHECK(code_of("Equatorial Guinea") == "GQ");
  CHECK(code_of("Turks and Caicos Islands") == "TC");
  CHECK(code_of("Turks say") == "TR");
  CHECK(code_of("U.S. Virgin Islands") == "VI");
  CHECK(code_of("American Samoa") == "AS");
  CHECK(code_of("American officials") == "US");
  CHECK(code_of("Turkish Cypriot leader") == "CY");
  CHECK(code_of("Chinese Taipei") == "TW");
  CHECK(code_of("New Mexico") == "US");
  CHECK(code_of("New South Wales") == "AU");
  CHECK(code_of("British Columbia") == "CA");
  CHECK(code_of("Federal Foreign Office") == "DE");
  CHECK(code_of("Foreign Office") == "GB");
  CHECK(code_of("People’s Republic of China") == "CN");
  match = match_country_phrase("Mexico City");
  REQUIRE(match.has_value());
  CHECK(match->evidence == CountryEvidence::Capital);
}

TEST_CASE("a space in a country phrase matches line breaks and no-break spaces in the text") {
  auto match = match_country_phrase("White\nHouse");
  REQUIRE(match.has_value());
  CHECK(match->code == "US");
  CHECK(match->length == 11);
  match = match_country_phrase("Downing\xC2\xA0Street said");
  REQUIRE(match.has_value());
  CHECK(match->length == 15);
  CHECK_FALSE(match_country_phrase("WhiteHouse"));
}

TEST_CASE("country names beat demonyms, capitals and institutions listed in the same row") {
  auto match = match_country_phrase("Luxembourg");
  REQUIRE(match.has_value());
  CHECK(match->evidence == CountryEvidence::Name);
  match = match_country_phrase("Hong Kong");
  REQUIRE(match.has_value());
  CHECK(match->evidence == CountryEvidence::Name);
  match = match_country_phrase("Vatican said");
  REQUIRE(match.has_value());
  CHECK(match->code == "VA");
  CHECK(match->evidence == CountryEvidence::Demonym);
  match = match_country_phrase("Holy See");
  REQUIRE(match.has_value());
  CHECK(match->evidence == CountryEvidence::Institution);
}

TEST_CASE("country_info gives the news name and adjective of a code") {
  const auto* ukraine = country_info("UA");
  REQUIRE(ukraine != nullptr);
  CHECK(ukraine->name == "Ukraine");
  CHECK(ukraine->adjective == "Ukrainian");
  CHECK(country_info("RU")->name == "Russia");
  CHECK(country_info("US")->adjective == "American");
  CHECK(country_info("GB")->adjective == "British");
  CHECK(country_info("XX") == nullptr);
  CHECK(country_info("ua") == nullptr);
  CHECK(country_info("") == nullptr);
}

TEST_CASE("find_country finds every code of the table, and only those") {
  for (qe::CountryId id = 0; id < qe::country_count(); ++id) {
    CAPTURE(qe::country_code(id));
    CHECK(qe::find_country(qe::country_code(id)) == id);
  }
  for (const char* code : {"", "R", "RUS", "ru", "Ru", "ZZ", "AA", "@A", "A[", "[A", "U\xC3\x81"}) {
    CAPTURE(code);
    CHECK_FALSE(qe::find_country(code));
  }
}

// The filter in the URL hash: what users bookmark and share.
#include <doctest/doctest.h>

#include "core/url_hash.h"

TEST_CASE("a filter round-trips through the URL hash in URLSearchParams syntax") {
  qe::Filter filter;
  filter.speakers = {"sergei-lavrov"};
  filter.countries = {"RU", "UA"};
  filter.kinds = {"direct"};
  filter.text = "direct threat";
  const std::string hash = qe::filter_to_hash(filter);
  CHECK(hash == "speaker=sergei-lavrov&country=RU&country=UA&kind=direct&q=direct+threat");
  CHECK(qe::filter_from_hash("#" + hash) == filter);
}

TEST_CASE("non-ASCII and reserved characters are percent-encoded") {
  qe::Filter filter;
  filter.text = "“threat” & 50%=";
  const std::string hash = qe::filter_to_hash(filter);
  CHECK(hash == "q=%E2%80%9Cthreat%E2%80%9D+%26+50%25%3D");
  CHECK(qe::filter_from_hash(hash).text == filter.text);
}

TEST_CASE("reading a hash ignores unknown keys, empty values and malformed escapes") {
  const qe::Filter filter = qe::filter_from_hash("#utm=x&speaker=&kind=mixed&q=50%zz%&country");
  CHECK(filter.speakers.empty());
  CHECK(filter.countries.empty());
  CHECK(filter.kinds == std::vector<std::string>{"mixed"});
  CHECK(filter.text == "50%zz%");
}

TEST_CASE("percent-escapes that decode to invalid UTF-8 are dropped") {
  CHECK(qe::filter_from_hash("q=a%FFb%C0%AF").text == "ab");
}

TEST_CASE("an empty filter is an empty hash") {
  CHECK(qe::filter_to_hash({}).empty());
  CHECK(qe::filter_from_hash("").empty());
  CHECK(qe::filter_from_hash("#").empty());
}

TEST_CASE("a published range is from= and to= in the hash") {
  qe::Filter filter;
  filter.published_from = "2025-03-01";
  filter.published_to = "2025-03-31";
  filter.text = "ceasefire";
  const std::string hash = qe::filter_to_hash(filter);
  CHECK(hash == "from=2025-03-01&to=2025-03-31&q=ceasefire");
  CHECK(qe::filter_from_hash(hash) == filter);
  CHECK(qe::filter_from_hash("to=2025-04-01").published_to == "2025-04-01");
  CHECK(qe::filter_from_hash("source=Le+Monde&source=Reuters").sources == std::vector<std::string>{"Le Monde", "Reuters"});
}

TEST_CASE("articles are article= in the hash, after sources") {
  qe::Filter filter;
  filter.sources = {"Le Monde"};
  filter.articles = {"a-1", "Élections & résultats"};
  const std::string hash = qe::filter_to_hash(filter);
  CHECK(hash == "source=Le+Monde&article=a-1&article=%C3%89lections+%26+r%C3%A9sultats");
  CHECK(qe::filter_from_hash(hash) == filter);
  CHECK(qe::filter_from_hash("article=a-2&article=").articles == std::vector<std::string>{"a-2"});
}

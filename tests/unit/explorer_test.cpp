// The explorer state every front end shares: loads are all-or-nothing.
#include <doctest/doctest.h>

#include "core/explorer.h"
#include "fixtures.h"

TEST_CASE("a failed load keeps the previous article, filter and selection") {
  qe::Explorer explorer;
  REQUIRE(explorer.load(qe::test::SeedArticleText(), "seed.json").empty());
  qe::Filter filter;
  filter.countries = {"RU"};
  explorer.set_filter(filter);
  explorer.move_selection(2);
  const auto selected = explorer.selected();
  const auto revision = explorer.revision();

  const auto errors = explorer.load("{\"format\": \"quote-explorer/article@1\", \"id\": 5}", "bad.json");
  REQUIRE_FALSE(errors.empty());
  CHECK(errors[0].to_string().rfind("bad.json: /id: expected a string", 0) == 0);
  CHECK(explorer.corpus().quotes.size() == 10);
  CHECK(explorer.file_name() == "seed.json");
  CHECK(explorer.filter().countries == std::vector<std::string>{"RU"});
  CHECK(explorer.result().visible.size() == 5);
  CHECK(explorer.selected() == selected);
  CHECK(explorer.revision() == revision);
}

TEST_CASE("a successful load replaces the corpus and resets the filter") {
  qe::Explorer explorer;
  REQUIRE(explorer.load(qe::test::SeedArticleText(), "seed.json").empty());
  qe::Filter filter;
  filter.text = "threat";
  explorer.set_filter(filter);
  REQUIRE(explorer.load(qe::test::SmallArticle().dump(), "small.json").empty());
  CHECK(explorer.filter().empty());
  CHECK(explorer.result().visible.size() == 2);
  CHECK(explorer.selected() == qe::QuoteIndex{0});
}

TEST_CASE("the selection follows the keyboard and stays on visible quotes") {
  qe::Explorer explorer;
  REQUIRE(explorer.load(qe::test::SeedArticleText(), "seed.json").empty());
  CHECK(explorer.selected_row() == std::size_t{0});
  explorer.move_selection(1);
  CHECK(explorer.selected_row() == std::size_t{1});
  explorer.move_selection(100);
  CHECK(explorer.selected_row() == std::size_t{9});
  explorer.move_selection(-100);
  CHECK(explorer.selected_row() == std::size_t{0});

  qe::Filter filter;
  filter.speakers = {"trump"};
  explorer.set_filter(filter);  // q1 is hidden now: the first visible quote is selected
  CHECK(explorer.corpus().quotes.id[*explorer.selected()] == "q8");
  explorer.select(0);           // not visible: ignored
  CHECK(explorer.corpus().quotes.id[*explorer.selected()] == "q8");
}

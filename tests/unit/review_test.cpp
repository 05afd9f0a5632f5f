// The editor's corrections: every edit keeps the article valid, shows at once, and undoes.
#include <doctest/doctest.h>

#include "core/export.h"
#include "core/review.h"
#include "fixtures.h"

namespace {

using qe::review::Session;
using json = nlohmann::ordered_json;

struct Reviewing {
  qe::Explorer explorer;
  std::optional<Session> session;

  explicit Reviewing(const nlohmann::json& article = qe::test::SmallArticle()) {
    REQUIRE(explorer.load(article.dump(), "small.json").empty());
    session = Session::start(explorer);
    REQUIRE(session);
  }
  const json& quote(std::string_view id) const {
    for (const json& q : session->document()["quotes"])
      if (q["id"] == id) return q;
    FAIL("no quote " << id);
    static json none;
    return none;
  }
  std::string shown_text_of(std::string_view id) const {
    const auto q = explorer.corpus().find_quote("small", id);
    REQUIRE(q);
    return std::string(explorer.corpus().quote_text(*q));
  }
  std::string shown_speaker_of(std::string_view id) const {
    const auto q = explorer.corpus().find_quote("small", id);
    REQUIRE(q);
    return explorer.corpus().speakers[explorer.corpus().quotes.speaker[*q]].id;
  }
};

nlohmann::json ExtractedArticle() {
  nlohmann::json article = qe::test::SmallArticle();
  article["extracted"] = {{"by", "quotes test"}, {"reviewed", false}};
  article["quotes"][0]["confidence"] = 0.9;
  article["quotes"][1]["confidence"] = 0.4;
  return article;
}

}  // namespace

TEST_CASE("an exported article loads back to the same article") {
  qe::Explorer explorer;
  REQUIRE(explorer.load(ExtractedArticle().dump(), "a.json").empty());
  const json exported = qe::export_article(explorer.corpus(), 0);
  qe::Explorer again;
  REQUIRE(again.load(exported.dump(), "b.json").empty());
  CHECK(qe::export_article(again.corpus(), 0) == exported);
  CHECK(exported["quotes"][1]["confidence"] == 0.4);
  CHECK(exported["extracted"]["by"] == "quotes test");
  CHECK(exported["speakers"][0]["aliases"] == json::array({"Minister"}));
}

TEST_CASE("review needs one article") {
  qe::Explorer explorer;
  std::string why;
  CHECK_FALSE(Session::start(explorer, &why));
  const std::string corpus = R"({"format": "quote-explorer/corpus@1", "articles": [)" +
                             qe::test::SmallArticle().dump() + "," +
                             [] {
                               auto other = qe::test::SmallArticle();
                               other["id"] = "other";
                               return other.dump();
                             }() +
                             "]}";
  REQUIRE(explorer.load(corpus, "corpus.json").empty());
  CHECK_FALSE(Session::start(explorer, &why));
  CHECK(why.find("one article") != std::string::npos);
}

TEST_CASE("re-attributing a quote to another speaker or to a new one") {
  Reviewing r;
  CHECK(r.session->apply(qe::review::Reattribute{"q1", {"kyiv", ""}}, r.explorer).ok());
  CHECK(r.shown_speaker_of("q1") == "kyiv");

  const auto result = r.session->apply(qe::review::Reattribute{"q1", {"", "  Jane Dóe "}}, r.explorer);
  CHECK(result.ok());
  CHECK(r.shown_speaker_of("q1") == "jane-doe");
  CHECK(r.explorer.corpus().speakers[r.explorer.corpus().speaker_by_id("jane-doe").value()].name == "Jane Dóe");
  // The same name again reuses the speaker instead of adding a second Jane Dóe.
  CHECK(r.session->apply(qe::review::Reattribute{"q2", {"", "jane dóe"}}, r.explorer).ok());
  CHECK(r.shown_speaker_of("q2") == "jane-doe");
  CHECK(r.session->document()["speakers"].size() == 3);
}

TEST_CASE("changing a quote's kind") {
  Reviewing r;
  CHECK(r.session->apply(qe::review::SetKind{"q2", qe::QuoteKind::Mixed}, r.explorer).ok());
  const auto q = r.explorer.corpus().find_quote("small", "q2");
  CHECK(r.explorer.corpus().quotes.kind[*q] == qe::QuoteKind::Mixed);
}

TEST_CASE("spans grow and shrink by whole words and stay on the text") {
  Reviewing r;
  using qe::review::Edge;
  using qe::review::MoveEdge;
  CHECK(r.session->apply(MoveEdge{"q2", Edge::Start, 1}, r.explorer).ok());
  CHECK(r.shown_text_of("q2") == "said talks continue");
  CHECK(r.session->apply(MoveEdge{"q2", Edge::End, -1}, r.explorer).ok());
  CHECK(r.shown_text_of("q2") == "said talks");
  CHECK(r.session->apply(MoveEdge{"q2", Edge::End, 1}, r.explorer).ok());
  CHECK(r.shown_text_of("q2") == "said talks continue.");
  CHECK(r.session->apply(MoveEdge{"q2", Edge::Start, -2}, r.explorer).ok());
  CHECK(r.shown_text_of("q2") == "continue.");
  // The span reaches the paragraph's start and stays there.
  CHECK(r.session->apply(MoveEdge{"q2", Edge::Start, 10}, r.explorer).ok());
  CHECK(r.shown_text_of("q2") == "Kyiv said talks continue.");

  const auto shrink_all = r.session->apply(MoveEdge{"q2", Edge::End, -4}, r.explorer);
  CHECK(shrink_all.error == "A quote keeps at least one word: delete it instead.");
  CHECK(r.shown_text_of("q2") == "Kyiv said talks continue.");
}

TEST_CASE("a span re-selected in the reader loses blanks and quotation marks at its ends") {
  Reviewing r;
  // Paragraph 0 is "“We will not give up,” the minister said."; select it from its opening mark.
  CHECK(r.session->apply(qe::review::SetSpan{"q1", 0, 0, 13}, r.explorer).ok());
  CHECK(r.shown_text_of("q1") == "We will not");
  CHECK(r.quote("q1")["start"] == 1);
  const auto blank = r.session->apply(qe::review::SetSpan{"q1", 0, 21, 23}, r.explorer);
  CHECK(blank.error == "The selection holds no words: select the quote's words.");
  CHECK(r.session->apply(qe::review::SetSpan{"q1", 5, 0, 3}, r.explorer).error == "Paragraph 5 does not exist.");
  CHECK(r.session->apply(qe::review::SetSpan{"q1", 0, 3, 300}, r.explorer).error ==
        "The selection is outside the paragraph.");
  CHECK(r.shown_text_of("q1") == "We will not");
}

TEST_CASE("adding a quote from a selection, and deleting one") {
  Reviewing r;
  const auto added = r.session->apply(qe::review::AddQuote{1, 0, 4, qe::QuoteKind::Indirect, {"", "Kyiv officials"}},
                                      r.explorer);
  REQUIRE(added.ok());
  CHECK(added.quote == "q3");
  CHECK(r.shown_text_of("q3") == "Kyiv");
  CHECK(r.shown_speaker_of("q3") == "kyiv-officials");
  CHECK(r.quote("q3")["reviewed"] == true);
  CHECK(r.explorer.corpus().find_quote("small", "q3") == r.explorer.selected());

  CHECK(r.session->apply(qe::review::DeleteQuote{"q1"}, r.explorer).ok());
  CHECK_FALSE(r.explorer.corpus().find_quote("small", "q1"));
  CHECK(r.session->apply(qe::review::DeleteQuote{"q1"}, r.explorer).error ==
        "No quote with id \"q1\" in this article.");
  // Ids stay unique after a delete.
  const auto next = r.session->apply(qe::review::AddQuote{0, 1, 8, qe::QuoteKind::Direct, {"minister", ""}}, r.explorer);
  CHECK(next.quote == "q4");
}

TEST_CASE("editing a speaker, with a country from the list") {
  Reviewing r;
  qe::review::SpeakerFields fields{"Olena Petrenko", " Foreign Minister ", {"Petrenko", "", "Petrenko", "Olena Petrenko"},
                                   qe::SpeakerKind::Person, "pl"};
  CHECK(r.session->apply(qe::review::EditSpeaker{"minister", fields}, r.explorer).ok());
  const json& speaker = r.session->document()["speakers"][0];
  CHECK(speaker["name"] == "Olena Petrenko");
  CHECK(speaker["role"] == "Foreign Minister");
  CHECK(speaker["aliases"] == json::array({"Petrenko"}));
  CHECK(speaker["country"] == "PL");
  // The facets follow: quote q1 now counts for Poland.
  const auto q = r.explorer.corpus().find_quote("small", "q1");
  CHECK(qe::country_code(r.explorer.corpus().quotes.country[*q]) == "PL");

  fields.country = "XX";
  CHECK(r.session->apply(qe::review::EditSpeaker{"minister", fields}, r.explorer).error ==
        "Unknown country code \"XX\": expected an ISO 3166-1 code such as RU.");
  fields.country.clear();
  fields.name = "  ";
  CHECK(r.session->apply(qe::review::EditSpeaker{"minister", fields}, r.explorer).error == "A speaker needs a name.");
  CHECK(speaker["country"] == "PL");
}

TEST_CASE("merging two records of one person") {
  Reviewing r;
  CHECK(r.session->apply(qe::review::MergeSpeakers{"kyiv", "minister"}, r.explorer).ok());
  CHECK(r.session->document()["speakers"].size() == 1);
  CHECK(r.shown_speaker_of("q2") == "minister");
  CHECK(r.session->document()["speakers"][0]["aliases"] == json::array({"Minister", "Ukrainian government"}));
  CHECK(r.session->apply(qe::review::MergeSpeakers{"minister", "minister"}, r.explorer).error ==
        "A speaker cannot be merged into itself.");
}

TEST_CASE("accepting every quote marks the extracted article reviewed") {
  Reviewing r(ExtractedArticle());
  CHECK(r.session->accepted_count() == 0);
  CHECK(r.session->apply(qe::review::Accept{"q1", true}, r.explorer).ok());
  CHECK(r.session->document()["extracted"]["reviewed"] == false);
  CHECK(r.explorer.corpus().articles[0].needs_review());
  CHECK(r.session->apply(qe::review::Accept{"q2", true}, r.explorer).ok());
  CHECK(r.session->accepted_count() == 2);
  CHECK(r.session->document()["extracted"]["reviewed"] == true);
  CHECK_FALSE(r.explorer.corpus().articles[0].needs_review());
  CHECK(r.session->apply(qe::review::Accept{"q2", false}, r.explorer).ok());
  CHECK(r.session->document()["extracted"]["reviewed"] == false);
}

TEST_CASE("review order lists unaccepted, least confident quotes first") {
  Reviewing r(ExtractedArticle());
  r.explorer.set_review_order(true);
  const auto q1 = *r.explorer.corpus().find_quote("small", "q1");
  const auto q2 = *r.explorer.corpus().find_quote("small", "q2");
  CHECK(r.explorer.result().visible == std::vector<qe::QuoteIndex>{q2, q1});
  CHECK(r.session->apply(qe::review::Accept{"q2", true}, r.explorer).ok());
  CHECK(r.explorer.result().visible == std::vector<qe::QuoteIndex>{q1, q2});
  // The accepted quote stays selected where it went, and arrow keys walk the new order.
  CHECK(r.explorer.selected() == q2);
  r.explorer.move_selection(-1);
  CHECK(r.explorer.selected() == q1);
  r.explorer.set_review_order(false);
  CHECK(r.explorer.result().visible == std::vector<qe::QuoteIndex>{q1, q2});
}

TEST_CASE("undo and redo walk back and forth through every edit") {
  Reviewing r;
  const json original = r.session->document();
  CHECK_FALSE(r.session->can_undo());
  REQUIRE(r.session->apply(qe::review::SetKind{"q1", qe::QuoteKind::Mixed}, r.explorer).ok());
  REQUIRE(r.session->apply(qe::review::DeleteQuote{"q2"}, r.explorer).ok());
  const json edited = r.session->document();
  CHECK(r.session->undo(r.explorer));
  CHECK(r.shown_text_of("q2") == "talks continue");
  CHECK(r.explorer.selected() == r.explorer.corpus().find_quote("small", "q2"));
  CHECK(r.session->undo(r.explorer));
  CHECK(r.session->document() == original);
  CHECK_FALSE(r.session->undo(r.explorer));
  CHECK(r.session->redo(r.explorer));
  CHECK(r.session->redo(r.explorer));
  CHECK(r.session->document() == edited);
  CHECK_FALSE(r.session->redo(r.explorer));
  // A new edit after an undo drops the redo steps.
  CHECK(r.session->undo(r.explorer));
  REQUIRE(r.session->apply(qe::review::Accept{"q1", true}, r.explorer).ok());
  CHECK_FALSE(r.session->can_redo());
}

TEST_CASE("an edit that fails changes nothing, not even the filter or selection") {
  Reviewing r;
  qe::Filter filter;
  filter.kinds = {"direct"};
  r.explorer.set_filter(filter);
  const auto revision = r.session->revision();
  const auto selected = r.explorer.selected();
  CHECK_FALSE(r.session->apply(qe::review::Reattribute{"q1", {"nobody", ""}}, r.explorer).ok());
  CHECK_FALSE(r.session->apply(qe::review::Reattribute{"q1", {"", " "}}, r.explorer).ok());
  CHECK_FALSE(r.session->apply(qe::review::SetKind{"q9", qe::QuoteKind::Direct}, r.explorer).ok());
  CHECK(r.session->revision() == revision);
  CHECK_FALSE(r.session->can_undo());
  CHECK(r.explorer.selected() == selected);
  // A successful edit keeps the reader's filter.
  CHECK(r.session->apply(qe::review::SetKind{"q2", qe::QuoteKind::Direct}, r.explorer).ok());
  CHECK(r.explorer.filter().kinds == std::vector<std::string>{"direct"});
  CHECK(r.explorer.result().visible.size() == 2);
}

TEST_CASE("a kept draft resumes, and a broken one is refused with the loader's error") {
  qe::Explorer explorer;
  json draft = json::parse(ExtractedArticle().dump());
  draft["quotes"][0]["reviewed"] = true;
  auto session = Session::resume(draft.dump(), "draft.json", explorer, nullptr);
  REQUIRE(session);
  CHECK(session->accepted_count() == 1);
  CHECK(explorer.corpus().quotes.reviewed[0] == 1);

  draft["quotes"][0]["reviewed"] = "yes";
  std::string why;
  CHECK_FALSE(Session::resume(draft.dump(), "draft.json", explorer, &why));
  CHECK(why.find("/quotes/0/reviewed") != std::string::npos);
  CHECK(explorer.corpus().quotes.reviewed[0] == 1);  // the good draft stays shown
}

TEST_CASE("new speaker ids are readable and unique") {
  json document{{"speakers", json::array({json{{"id", "jane-doe"}}})}};
  CHECK(qe::review::unused_speaker_id(document, "Jane Doe") == "jane-doe-2");
  CHECK(qe::review::unused_speaker_id(document, "Łukasz Ó'Brien") == "lukasz-o-brien");
  CHECK(qe::review::unused_speaker_id(document, "李") == "speaker");
}

TEST_CASE("the embed code escapes what the article id carries") {
  CHECK(qe::embed_code("story.json", "https://example.org/qe/embed.js") ==
        "<div data-quote-explorer data-src=\"story.json\"></div>\n"
        "<script src=\"https://example.org/qe/embed.js\" async></script>\n");
  const std::string hostile = qe::embed_code("\"><script>alert(1)</script>.json", "embed.js");
  CHECK(hostile.find("<script>alert") == std::string::npos);
  CHECK(hostile.find("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;.json") != std::string::npos);
}

TEST_CASE("a search stays right across edits that move quotes") {
  Reviewing r;
  qe::Filter filter;
  filter.text = "talks";
  r.explorer.set_filter(filter);
  REQUIRE(r.explorer.result().visible.size() == 1);
  // A new quote before q2 shifts q2's index; the search must follow it, not reuse old indexes.
  REQUIRE(r.session->apply(qe::review::AddQuote{0, 1, 8, qe::QuoteKind::Direct, {"minister", ""}}, r.explorer).ok());
  r.explorer.set_filter(filter);
  REQUIRE(r.explorer.result().visible.size() == 1);
  CHECK(r.explorer.corpus().quotes.id[r.explorer.result().visible[0]] == "q2");
  filter.text = "talks c";  // a refining keystroke after the edit
  r.explorer.set_filter(filter);
  REQUIRE(r.explorer.result().visible.size() == 1);
  CHECK(r.explorer.corpus().quotes.id[r.explorer.result().visible[0]] == "q2");
}

TEST_CASE("edits given as JSON (the JS API's review.edit) become the review panel's edits, or say what is wrong") {
  using nlohmann::json;
  const auto parsed = [](const char* text, std::string* why = nullptr) { return qe::review::parse_edit(json::parse(text), why); };
  const auto accept = parsed(R"({"type": "accept", "quote": "q1"})");
  REQUIRE(accept);
  CHECK(std::get<qe::review::Accept>(*accept).accepted);
  CHECK_FALSE(std::get<qe::review::Accept>(*parsed(R"({"type": "accept", "quote": "q1", "accepted": false})")).accepted);
  CHECK(std::get<qe::review::SetKind>(*parsed(R"({"type": "kind", "quote": "q1", "kind": "mixed"})")).kind == qe::QuoteKind::Mixed);
  CHECK(std::get<qe::review::Reattribute>(*parsed(R"({"type": "speaker", "quote": "q1", "speaker": "kyiv"})")).speaker.id == "kyiv");
  CHECK(std::get<qe::review::Reattribute>(*parsed(R"({"type": "speaker", "quote": "q1", "newSpeaker": "Ann Lee"})")).speaker.new_name ==
        "Ann Lee");
  CHECK(std::get<qe::review::DeleteQuote>(*parsed(R"({"type": "delete", "quote": "q2"})")).quote == "q2");
  const auto edge = std::get<qe::review::MoveEdge>(*parsed(R"({"type": "edge", "quote": "q1", "edge": "start", "words": -2})"));
  CHECK((edge.edge == qe::review::Edge::Start && edge.words == -2));

  const std::pair<const char*, const char*> refused[] = {
      {R"([1])", "an edit must be an object"},
      {R"({"type": "accept"})", "needs \"quote\""},
      {R"({"type": "shout", "quote": "q1"})", "unknown edit type \"shout\""},
      {R"({"type": "accept", "quote": "q1", "accepted": "yes"})", "true or false"},
      {R"({"type": "kind", "quote": "q1", "kind": "Direct"})", "\"kind\" must be"},
      {R"({"type": "speaker", "quote": "q1"})", "needs \"speaker\""},
      {R"({"type": "speaker", "quote": "q1", "speaker": "a", "newSpeaker": "B"})", "needs \"speaker\""},
      {R"({"type": "edge", "quote": "q1", "edge": "middle", "words": 1})", "\"edge\": \"start\" or \"end\""},
      {R"({"type": "edge", "quote": "q1", "edge": "end", "words": 0})", "not 0"},
      {R"({"type": "edge", "quote": "q1", "edge": "end", "words": 1.5})", "whole number"},
  };
  for (const auto& [text, message] : refused) {
    std::string why;
    CHECK_FALSE(parsed(text, &why));
    CHECK_MESSAGE(why.find(message) != std::string::npos, text << " -> " << why);
  }
}

TEST_CASE("a new quote given as JSON names its span in code points, its kind and its speaker") {
  using nlohmann::json;
  std::string why;
  const auto add = qe::review::parse_edit(
      json::parse(R"({"type": "add", "paragraph": 1, "start": 10, "end": 24, "kind": "indirect", "newSpeaker": "Ann Lee"})"), &why);
  REQUIRE_MESSAGE(add, why);
  const auto& quote = std::get<qe::review::AddQuote>(*add);
  CHECK((quote.paragraph == 1 && quote.start == 10 && quote.end == 24 && quote.kind == qe::QuoteKind::Indirect));
  CHECK(quote.speaker.new_name == "Ann Lee");
  CHECK_FALSE(qe::review::parse_edit(json::parse(R"({"type": "add", "paragraph": 0, "start": -1, "end": 3, "kind": "direct", "speaker": "s"})"), &why));
  CHECK(why.find("whole numbers") != std::string::npos);
  CHECK_FALSE(qe::review::parse_edit(json::parse(R"({"type": "add", "paragraph": 0, "start": 0, "end": 3, "kind": "direct"})"), &why));
  CHECK(why == "a new quote needs \"speaker\" (an id) or \"newSpeaker\" (a name)");
}

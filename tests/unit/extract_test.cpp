// The extractor on short articles written for each pattern (never copied news text), the
// seed article end to end against its hand annotation, and every way input can be unusable.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/loader.h"
#include "extract/extract.h"
#include "fixtures.h"

namespace {

using qe::extract::extract_article;
using qe::extract::InputFormat;
using qe::extract::Options;

struct QuoteSeen {
  std::string text, kind, speaker, country, cue;
};

// Extracts `text` (a title is given, so every line is a paragraph) and checks that the
// loader accepts the result.
std::vector<QuoteSeen> Quotes(const std::string& text, const Options& base = {}) {
  Options options = base;
  if (options.info.title.empty()) options.info.title = "Test article";
  const auto result = extract_article(text, "test.txt", options);
  REQUIRE_MESSAGE(result.ok(), (result.error ? result.error->to_string() : ""));
  REQUIRE(qe::load_corpus(result.article->dump(), "extracted.json").ok());
  std::vector<QuoteSeen> quotes;
  for (const auto& quote : result.article->at("quotes")) {
    for (const auto& speaker : result.article->at("speakers")) {
      if (speaker.at("id") != quote.at("speaker")) continue;
      quotes.push_back({quote.at("text"), quote.at("kind"), speaker.at("name"),
                        speaker.at("country").is_null() ? "" : speaker.at("country").get<std::string>(),
                        quote.at("cue").is_null() ? "" : quote.at("cue").get<std::string>()});
    }
  }
  return quotes;
}

struct Case {
  const char* name;
  const char* article;
  std::vector<QuoteSeen> expected;  // text, kind, speaker, country ("" for null), cue ("" to skip)
};

void CheckCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      const auto quotes = Quotes(c.article);
      CHECK(quotes.size() == c.expected.size());
      for (std::size_t i = 0; i < quotes.size() && i < c.expected.size(); ++i) {
        const QuoteSeen& want = c.expected[i];
        CHECK(quotes[i].text == want.text);
        CHECK(quotes[i].kind == want.kind);
        CHECK(quotes[i].speaker == want.speaker);
        CHECK(quotes[i].country == want.country);
        if (!want.cue.empty()) CHECK(quotes[i].cue == want.cue);
      }
    }
  }
}

}  // namespace

TEST_CASE("quotations in every common style are found, apostrophes are not quotation marks") {
  CheckCases({
      {"curly double", "“We will rebuild the bridge by spring,” said Mayor Anna Kovac.",
       {{"We will rebuild the bridge by spring,", "direct", "Anna Kovac", "", "said"}}},
      {"straight double", "\"We will rebuild the bridge by spring,\" Anna Kovac said.",
       {{"We will rebuild the bridge by spring,", "direct", "Anna Kovac", "", "said"}}},
      {"single curly with apostrophes inside", "‘It’s the ’90s all over again and it’s Jones’ fault,’ said Tom Reed.",
       {{"It’s the ’90s all over again and it’s Jones’ fault,", "direct", "Tom Reed", "", "said"}}},
      {"guillemets", "«Nous ne céderons pas sur ce point,» said French minister Claire Dumas.",
       {{"Nous ne céderons pas sur ce point,", "direct", "Claire Dumas", "FR", "said"}}},
      {"German low-high", "„Wir bleiben bei unserem Plan“, said Germany’s Finance Minister Jonas Weber.",
       {{"Wir bleiben bei unserem Plan", "direct", "Jonas Weber", "DE", "said"}}},
      {"single guillemets", "‹Das ist keine Lösung für uns›, said Swiss delegate Urs Brunner.",
       {{"Das ist keine Lösung für uns", "direct", "Urs Brunner", "CH", "said"}}},
      {"mixed pair", "Russia’s Deputy Minister Pavel Gromov warned: «Winter will decide who was right.”",
       {{"Winter will decide who was right.", "direct", "Pavel Gromov", "RU", "warned"}}},
      {"nested quotation", "“They called it a ‘temporary measure’ three years ago,” said union leader Rita Moss.",
       {{"They called it a ‘temporary measure’ three years ago,", "direct", "Rita Moss", "", "said"}}},
      {"doubled apostrophes of wire copy", "''The focus has moved elsewhere,'' said Mr. Holtz.",
       {{"The focus has moved elsewhere,", "direct", "Holtz", "", "said"}}},
      {"a quotation reopened without being closed (paragraphs run together)",
       "“We tested every cable twice,” Anna Kovac said. “The bridge will open in May as planned. “The work is done,” she added.",
       {{"We tested every cable twice,", "direct", "Anna Kovac", "", "said"},
        {"The bridge will open in May as planned.", "direct", "Anna Kovac", "", ""},
        {"The work is done,", "direct", "Anna Kovac", "", "added"}}},
      {"a transcript: each label names the speaker of its paragraph",
       "“WALLACE: Will the minister attend the debate in Oslo tomorrow night?\n“OLSEN: The minister will not attend the debate.”",
       {{"Will the minister attend the debate in Oslo tomorrow night?", "direct", "Wallace", "", ""},
        {"The minister will not attend the debate.", "direct", "Olsen", "", ""}}},
      {"rock ’n’ roll", "‘It’s rock ’n’ roll and it’s coming back,’ said festival founder Bev Jones.",
       {{"It’s rock ’n’ roll and it’s coming back,", "direct", "Bev Jones", "", "said"}}},
  });
}

TEST_CASE("a quotation over several paragraphs is one quote per paragraph, with one speaker") {
  const auto quotes = Quotes(
      "Inspector Lena Wolff told the inquiry: “We checked every door in the building.\n"
      "“Nobody had signed the log that night.\n"
      "“That is the failure I want fixed.”\n"
      "The inquiry resumes on Monday.");
  REQUIRE(quotes.size() == 3);
  CHECK(quotes[0].text == "We checked every door in the building.");
  CHECK(quotes[1].text == "Nobody had signed the log that night.");
  CHECK(quotes[2].text == "That is the failure I want fixed.");
  for (const auto& quote : quotes) {
    CHECK(quote.speaker == "Lena Wolff");
    CHECK(quote.kind == "direct");
  }
}

TEST_CASE("names, titles of works, scare quotes, headlines and the article's own questions are not quotes") {
  CheckCases({
      {"named term", "Leaders met as the “coalition of the willing” to discuss support.", {}},
      {"scare quote", "Critics see the plan as a “soft” option for the region.", {}},
      {"so-called", "The so-called “peace plan” was never published.", {}},
      {"a show or a book in title case", "Anna Kovac spoke about the bridge on “Meet the Harbour Board,” the weekly radio show.", {}},
      {"the reporter's \"as\" clause after a cue", "“We are ready,” Anna Kovac said as she entered the hall.",
       {{"We are ready,", "direct", "Anna Kovac", "", "said"}}},
      {"what someone calls it", "The deal is what critics called a “soft” option.", {}},
      {"title of a book", "Her memoir, the book “Long Night in Riga”, sold out in a week.", {}},
      {"question the article asks", "What happens to the border next?\nNobody knows yet.", {}},
      {"headline without speech", "Ministers meet over grain border dispute\nThe meeting starts at noon.", {}},
      {"a possessive alone is nobody (fuzzing found an empty speaker name here)", "Her said the plan would work.", {}},
      {"narration", "The convoy moved to the toll plaza, where traffic backed up for 12 kilometres.", {}},
  });
}

TEST_CASE("reported speech is indirect, and mixed when it holds a quotation") {
  CheckCases({
      {"said that", "Poland’s Agriculture Minister Marta Kowal said that farmers would be paid by June.",
       {{"farmers would be paid by June", "indirect", "Marta Kowal", "PL", "said"}}},
      {"said without that", "Finance Minister Jonas Weber said the budget would balance next year.",
       {{"the budget would balance next year", "indirect", "Jonas Weber", "", "said"}}},
      {"further forms of reporting verbs (lexicon)",
       "The harbour board concluded that the pier was unsafe.\nAsked about the ferry, Ola Lind answered that it would run all winter.\n"
       "Weber slams the budget plan.",
       {{"the pier was unsafe", "indirect", "Harbour board", "", "concluded"},
        {"it would run all winter", "indirect", "Ola Lind", "", "answered"},
        {"the budget plan", "indirect", "Weber", "", "slams"}}},
      {"plural nouns and quantifiers speak as groups",
       "Some advocates said the levy would fall on renters.\nIn the survey, most said they trusted the port board; "
       "many said the ferry mattered more.\nDock workers here said the night shift was unsafe.",
       {{"the levy would fall on renters", "indirect", "Some advocates", "", "said"},
        {"they trusted the port board", "indirect", "Most", "", "said"},
        {"the ferry mattered more", "indirect", "Many", "", "said"},
        {"the night shift was unsafe", "indirect", "Dock workers", "", "said"}}},
      {"a condition after the cue, and an adverb between commas",
       "Jonas Weber said if the port closes, the town would lose its ferry.\n"
       "Anna Berg said, however, that the ferry would run all winter.",
       {{"if the port closes, the town would lose its ferry", "indirect", "Jonas Weber", "", "said"},
        {"the ferry would run all winter", "indirect", "Anna Berg", "", "said"}}},
      {"a subject whose noun no lexicon knows, after a determiner",
       "The harbour-front grocer complained that the new levy was \"a tax on bread.\"\nSeveral bakers insist the ferry must stay.",
       {{"the new levy was \"a tax on bread.\"", "mixed", "Harbour-front grocer", "", "complained"},
        {"the ferry must stay", "indirect", "Several bakers", "", "insist"}}},
      {"a quotation right after the cue that the clause goes on from is mixed",
       "Anna Berg testified “dozens” of permits had never been checked.\nOla Lind said “the pier is safe,” and left.",
       {{"“dozens” of permits had never been checked", "mixed", "Anna Berg", "", "testified"},
        {"the pier is safe,", "direct", "Ola Lind", "", "said"}}},
      {"according to, between a short opening and the clause",
       "But, according to the harbour board, most ferries will sail on time.",
       {{"most ferries will sail on time", "indirect", "Harbour board", "", "according to"}}},
      {"a bare plural subject, \"he’s said\", \", then says\", \"complained of\"",
       "But harbour specialists say the pier might not hold.\nAnna Berg met the crews. While she’s said the pier is safe, she did not visit.\n"
       "Ola Lind toured the pier, then says the repairs will take a year.\nJonas Weber complained of the noise at night.",
       {{"the pier might not hold", "indirect", "Harbour specialists", "", "say"},
        {"the pier is safe", "indirect", "Anna Berg", "", "said"},
        {"the repairs will take a year", "indirect", "Ola Lind", "", "says"},
        {"the noise", "indirect", "Jonas Weber", "", "complained of"}}},
      {"\"when asked\" reports the question, for an unknown asker",
       "When asked if the levy could pay for the bridge, Jonas Weber said: “In principle, yes.”",
       {{"if the levy could pay for the bridge", "indirect", "Unknown speaker", "", "asked"},
        {"In principle, yes.", "direct", "Jonas Weber", "", "said"}}},
      {"told a listener", "Jonas Weber told reporters the budget would balance next year.",
       {{"the budget would balance next year", "indirect", "Jonas Weber", "", "told"}}},
      {"told a medium: the medium is not the speaker", "Jonas Weber told Fox News that the budget would balance.",
       {{"the budget would balance", "indirect", "Jonas Weber", "", "told"}}},
      {"according to after a relative clause: the clause is the source's",
       "Lind founded a ferry firm, which collected modest fees from harbour boards, according to port filings.",
       {{"which collected modest fees from harbour boards", "indirect", "Port filings", "", "according to"}}},
      {"according to between dashes: the source ends at the dash",
       "Most pilots - 63 percent in 2014, according to the harbour survey - still trust the board.",
       {{"Most pilots - 63 percent in 2014", "indirect", "Harbour survey", "", "according to"}}},
      {"an organisation with a relative clause after it speaks",
       "The Harbour Gazette, which first covered the vote as a joke, said it would treat the vote as news.",
       {{"it would treat the vote as news", "indirect", "Harbour Gazette", "", "said"}}},
      {"a parenthetical attribution by a long group phrase: both sides are its words",
       "Cutting ferries too soon, a wide array of harbour economists say, slowed the recovery.",
       {{"Cutting ferries too soon", "indirect", "Harbour economists", "", "say"}, {"slowed the recovery", "indirect", "Harbour economists", "", "say"}}},
      {"according to, before", "According to Jonas Weber, the budget will balance next year.",
       {{"the budget will balance next year", "indirect", "Jonas Weber", "", "according to"}}},
      {"according to, after", "The budget will balance next year, according to Jonas Weber.",
       {{"The budget will balance next year", "indirect", "Jonas Weber", "", "according to"}}},
      {"according to a poll, a document or a medium",
       "Turnout rose by a fifth, according to the census.\nAccording to the Harbour Gazette, the ferry will return in May.",
       {{"Turnout rose by a fifth", "indirect", "Census", "", "according to"},
        {"the ferry will return in May", "indirect", "Harbour Gazette", "", "according to"}}},
      {"a medium that reports is the source", "The Harbour Gazette reported on Monday that the ferry would return.",
       {{"the ferry would return", "indirect", "Harbour Gazette", "", "reported"}}},
      {"an adverb before a pronoun", "Anna Kovac opened the bridge.\nSo she said the tolls would stay.",
       {{"the tolls would stay", "indirect", "Anna Kovac", "", "said"}}},
      {"according to before someone else's attribution", "According to the Harbour Gazette, Jonas Weber told staff that the ferry would return.",
       {{"the ferry would return", "indirect", "Jonas Weber", "", "told"}}},
      {"according to, between commas", "Rents rose by a third, according to the housing office, more than wages did.",
       {{"Rents rose by a third", "indirect", "Housing office", "", "according to"}}},
      {"warned, denied, insisted", "Jonas Weber warned that prices would rise.\nHe denied that the plan was late.\nHe insisted the numbers were sound.",
       {{"prices would rise", "indirect", "Jonas Weber", "", "warned"},
        {"the plan was late", "indirect", "Jonas Weber", "", "denied"},
        {"the numbers were sound", "indirect", "Jonas Weber", "", "insisted"}}},
      {"speaker after the clause", "The budget will balance next year, Jonas Weber said.",
       {{"The budget will balance next year", "indirect", "Jonas Weber", "", "said"}}},
      {"inverted after the clause", "The budget will balance next year, said Jonas Weber.",
       {{"The budget will balance next year", "indirect", "Jonas Weber", "", "said"}}},
      {"mixed", "Jonas Weber said the cuts were “painful but necessary” for the region.",
       {{"the cuts were “painful but necessary” for the region", "mixed", "Jonas Weber", "", "said"}}},
      {"reporter's context is cut off", "Jonas Weber said the cuts were needed, as unions prepared a strike.",
       {{"the cuts were needed", "indirect", "Jonas Weber", "", "said"}}},
      {"a second attribution after a conjunction ends the first", "Anna Kovac said the bridge was safe, though she noted the tolls would rise.\nJonas Weber said the budget was sound but warned that prices would rise.",
       {{"the bridge was safe", "indirect", "Anna Kovac", "", "said"},
        {"the tolls would rise", "indirect", "Anna Kovac", "", "noted"},
        {"the budget was sound", "indirect", "Jonas Weber", "", "said"},
        {"prices would rise", "indirect", "Jonas Weber", "", "warned"}}},
      {"words that end with a quotation before the attribution", "Details aside, the plan offers “a fair deal for the port,” Anna Kovac said.\nIn a statement, “we will fight,” Jonas Weber said.",
       {{"Details aside, the plan offers “a fair deal for the port,”", "mixed", "Anna Kovac", "", "said"},
        {"we will fight,", "direct", "Jonas Weber", "", "said"}}},
      {"a comma inside the closing mark ends the words", "Jonas Weber is promising lower tolls and “a bridge for everyone,” but critics doubt the numbers.",
       {{"lower tolls and “a bridge for everyone,”", "mixed", "Jonas Weber", "", "promising"}}},
      {"an adjunct after the cue, then the reporter's own clause", "Ferry traffic fell by a tenth, the port authority said in its yearly report, and rail traffic grew.",
       {{"Ferry traffic fell by a tenth", "indirect", "Port authority", "", "said"}}},
      {"told someone to do something", "Anna Kovac told officials to close the bridge at night.",
       {{"to close the bridge at night", "indirect", "Anna Kovac", "", "told"}}},
      {"a full stop inside a short parenthesis ends no sentence", "Rep. Ann Berg (R-S.C.) said the claim was false.",
       {{"the claim was false", "indirect", "Ann Berg", "", "said"}}},
      {"warned someone to do something", "Jonas Weber warned to expect delays on the ferry.",
       {{"to expect delays on the ferry", "indirect", "Jonas Weber", "", "warned"}}},
      {"a semicolon ends reported speech", "Jonas Weber said the budget was sound; the opposition disagreed.",
       {{"the budget was sound", "indirect", "Jonas Weber", "", "said"}}},
      {"inside a subordinate clause, up to its comma", "While Anna Kovac has said the bridge is safe, engineers want more tests.",
       {{"the bridge is safe", "indirect", "Anna Kovac", "", "said"}}},
      {"a relative pronoun is a piece of the words", "The ferry, which Anna Kovac said was safe, sailed at noon.",
       {{"which", "indirect", "Anna Kovac", "", "said"}, {"was safe", "indirect", "Anna Kovac", "", "said"}}},
      {"reported speech in a relative clause ends at its comma", "The bridge, in which Anna Kovac said she had invested, opened in May.",
       {{"she had invested", "indirect", "Anna Kovac", "", "said"}}},
      {"a relative pronoun without a comma", "The toll was challenged by a lawyer who said the bridge needed repairs.",
       {{"the bridge needed repairs", "indirect", "Lawyer", "", "said"}}},
      {"a verb of asking reports the question", "Anna Kovac asked whether the bridge would open on time.",
       {{"whether the bridge would open on time", "indirect", "Anna Kovac", "", "asked"}}},
      {"negated cue reports nothing", "Jonas Weber declined to say how much the plan would cost.", {}},
      {"open question reports nothing", "Investigators have not said what caused the damage.", {}},
  });
}

TEST_CASE("verbs that report words through their object, two-word cues and infinitives") {
  CheckCases({
      {"called for", "Union leader Marit Olsen called for a new vote on the harbour plan.",
       {{"a new vote on the harbour plan", "indirect", "Marit Olsen", "", "called for"}}},
      {"called on someone to act", "Marit Olsen called on the council to delay the vote.",
       {{"to delay the vote", "indirect", "Marit Olsen", "", "called on"}}},
      {"cited", "Jonas Weber cited the rising cost of fuel.",
       {{"the rising cost of fuel", "indirect", "Jonas Weber", "", "cited"}}},
      {"attacked", "Anna Kovac attacked the plan as a waste of money.",
       {{"the plan as a waste of money", "indirect", "Anna Kovac", "", "attacked"}}},
      {"the object ends before an adjunct, however short", "Anna Kovac attacked Weber in a late-night post.\nJonas Weber cited the report at the council meeting.",
       {{"Weber", "indirect", "Anna Kovac", "", "attacked"}, {"the report", "indirect", "Jonas Weber", "", "cited"}}},
      {"a prepositional phrase of the object stays, a time or occasion ends it",
       "Jonas Weber cited delays in the harbour district.\nAnna Kovac praised the ferry crews on Tuesday.",
       {{"delays in the harbour district", "indirect", "Jonas Weber", "", "cited"},
        {"the ferry crews", "indirect", "Anna Kovac", "", "praised"}}},
      {"described as", "Jonas Weber described the budget as a careful compromise.",
       {{"the budget as a careful compromise", "indirect", "Jonas Weber", "", "described"}}},
      {"pointed to", "Jonas Weber pointed to the fall in prices since spring.",
       {{"the fall in prices since spring", "indirect", "Jonas Weber", "", "pointed to"}}},
      {"promised to", "Anna Kovac promised to open the bridge by May.",
       {{"to open the bridge by May", "indirect", "Anna Kovac", "", "promised"}}},
      {"called someone something", "Critics called the plan a “soft” option for the region.",
       {{"the plan a “soft” option for the region", "mixed", "Critics", "", "called"}}},
      {"bragged about, compared, is calling", "Jonas Weber bragged about the new ferry timetable.\nAnna Kovac compared the bridge to a spine.\nThe mayor is calling the plan “a fair deal.”",
       {{"the new ferry timetable", "indirect", "Jonas Weber", "", "bragged about"},
        {"the bridge to a spine", "indirect", "Anna Kovac", "", "compared"},
        {"the plan “a fair deal.”", "mixed", "Mayor", "", "calling"}}},
      {"more verbs of saying", "Jonas Weber defended the budget as fair.\nAnna Kovac encouraged residents to use the ferry.\nThe mayor likened the bridge to a spine.",
       {{"the budget as fair", "indirect", "Jonas Weber", "", "defended"},
        {"residents to use the ferry", "indirect", "Anna Kovac", "", "encouraged"},
        {"the bridge to a spine", "indirect", "Mayor", "", "likened"}}},
      {"a naming verb reports its object and name, up to the subject's next verb",
       "Ola Lind called him divisive and accused him of lying.\nAnna Kovac defended the budget and then left the hall.",
       {{"him divisive", "indirect", "Ola Lind", "", "called"}, {"him of lying", "indirect", "Ola Lind", "", "accused"},
        {"the budget", "indirect", "Anna Kovac", "", "defended"}}},
      {"the antecedent of \", who\" speaks wherever it stands",
       "The last question came from a young pilot, who said he and his father drove to the harbour from Lund.",
       {{"he and his father drove to the harbour from Lund", "indirect", "Young pilot", "", "said"}}},
      {"reported speech ends before another speaker's attribution",
       "When the port signalled last summer that it would close, Marit Olsen said, “we were stunned.”",
       {{"it would close", "indirect", "Port", "", "signalled"}, {"we were stunned.", "direct", "Marit Olsen", "", "said"}}},
      {"more verbs: mocked, writing, referred to", "Anna Kovac mocked the new timetable.\n"
       "Jonas Weber sent a letter to the board, writing that the port had lost money.\nOla Lind referred to the flood of 1990.",
       {{"the new timetable", "indirect", "Anna Kovac", "", "mocked"},
        {"the port had lost money", "indirect", "Jonas Weber", "", "writing"},
        {"the flood of 1990", "indirect", "Ola Lind", "", "referred to"}}},
      {"how and why after a cue report an account", "Jonas Weber explained how the ferry company lost its licence.",
       {{"how the ferry company lost its licence", "indirect", "Jonas Weber", "", "explained"}}},
      {"about before a number is no preposition", "The port office said about half of the ferries were late.",
       {{"about half of the ferries were late", "indirect", "Port office", "", "said"}}},
      {"a paragraph that ends with a colon is no headline", "Anna Kovac said the changes to the timetable include:\nLater ferries on Sundays.",
       {{"the changes to the timetable include", "indirect", "Anna Kovac", "", "said"}}},
      {"at least before a number is no preposition", "Harbour TV reported at least six ferries had left the bay.",
       {{"at least six ferries had left the bay", "indirect", "Harbour TV", "", "reported"}}},
      {"after a parenthetical attribution, and with a verb of no new subject goes on with the words",
       "Weber had no known ties to the party, the harbour office added, and had passed every check.",
       {{"Weber had no known ties to the party", "indirect", "Harbour office", "", "added"},
        {"and had passed every check", "indirect", "Harbour office", "", "added"}}},
      {"a colon before words that are no quotation", "Some harbour residents say: the ferry must run at night.",
       {{"the ferry must run at night", "indirect", "Some harbour residents", "", "say"}}},
      {"a verb no lexicon knows before an object that holds a quotation",
       "Ola Lind extolled the deal with Tallinn as a “breakthrough.”",
       {{"the deal with Tallinn as a “breakthrough.”", "mixed", "Ola Lind", "", "extolled"}}},
      {"such a verb after an opening phrase, with the words after \"that\"",
       "On Monday, Ola Lind grumbled to a crowd in Lund that the ferry board “never listens.”",
       {{"the ferry board “never listens.”", "mixed", "Ola Lind", "", "grumbled"}}},
      {"a second cue after \"and\" ends the first cue's words, however short",
       "Ola Lind opened the meeting, praising the ferry crews and vowing to build a new pier.",
       {{"the ferry crews", "indirect", "Ola Lind", "", "praising"}, {"to build a new pier", "indirect", "Ola Lind", "", "vowing"}}},
      {"\"that\" after a show's title between the cue and the words",
       "Anna Kovac said on the show “Harbour Talk” that the ferry was late.",
       {{"the ferry was late", "indirect", "Anna Kovac", "", "said"}}},
      {"an organisation's name before such a verb does not speak", "The Harbour Company filed a “notice of intent” last week.", {}},
      {"a participle cue after a comma inside a closing mark", "Anna Kovac gave a speech on “harbour values,” saying the town embodied them.",
       {{"the town embodied them", "indirect", "Anna Kovac", "", "saying"}}},
      {"\"States\" in a country's name is not a cue", "The United States signed the treaty in Geneva last year.", {}},
  });
}

TEST_CASE("speakers with modifiers after the head: prepositions, appositives, relative clauses") {
  CheckCases({
      {"a prepositional phrase", "Experts on river transport said the new locks would halve waiting times.",
       {{"the new locks would halve waiting times", "indirect", "Experts on river transport", "", "said"}}},
      {"two prepositional phrases", "The head of the harbour board at Vilnius said the port would reopen.",
       {{"the port would reopen", "indirect", "Head of the harbour board", "", "said"}}},
      {"after the clause", "The ferry was never insured, lawyers for the family said.",
       {{"The ferry was never insured", "indirect", "Lawyers for the family", "", "said"}}},
      {"an appositive with a relative clause",
       "Marit Olsen, president of the Dockworkers Union, which represents port staff, said the strike would end.",
       {{"the strike would end", "indirect", "Marit Olsen", "", "said"}}},
      {"a clause is not a modifier", "The plan for the harbour was delayed after Marit Olsen warned the board.", {}},
      {"a long subject with a participle phrase and an aside",
       "Numerous ferry pilots interviewed at the harbour last week, including Ola Lind, said the new locks were too narrow.",
       {{"the new locks were too narrow", "indirect", "Numerous ferry pilots", "", "said"}}},
      {"a clause with a verb of its own is no subject", "The storm started flooding the old town and urged residents to leave.", {}},
      {"a passive cue: the words, with no speaker named", "The mayor was told that the bridge would open late.\nThe mayor was accused of hiding the report.",
       {{"the bridge would open late", "indirect", "Unknown speaker", "", "told"}, {"hiding the report", "indirect", "Unknown speaker", "", "accused"}}},
      {"a passive cue with its agent", "The plan has been called a gamble by several economists.",
       {{"a gamble", "indirect", "Several economists", "", "called"}}},
      {"a cue word used as a noun", "His claim that the bridge was safe turned out to be wrong.", {}},
      {"a cue word before an auxiliary is a noun", "The harbour report has cleared the way for a second pier.\n"
       "Weber’s attacks were echoed by the ferry union.", {}},
      {"an opening question answered by a quotation is the reporter's framing",
       "Asked whether the ferry would run, Anna Kovac said: “Of course it will.”",
       {{"Of course it will.", "direct", "Anna Kovac", "", "said"}}},
      {"an opening passive question: the question, for an asker not named",
       "Asked on Monday whether the ferry would run, Anna Kovac smiled.",
       {{"whether the ferry would run", "indirect", "Unknown speaker", "", "Asked"}}},
  });
}

TEST_CASE("attribution: before, after, inverted, participial, colon, floating, continued and earlier speakers") {
  CheckCases({
      {"colon introduction", "Mayor Anna Kovac said: “The bridge opens in May.”",
       {{"The bridge opens in May.", "direct", "Anna Kovac", "", "said"}}},
      {"a verb, then the speaker, before the colon", "Ola Lind spoke for an hour.\nContinued Lind: “The ferry will run all winter.”",
       {{"The ferry will run all winter.", "direct", "Ola Lind", "", "Continued"}}},
      {"a verb no lexicon knows before the colon", "Ola Lind spoke first. Anna Kovac interjected: “The bridge opens in May.”\n"
       "The list includes: “ferries, buses and night trains.”",
       {{"The bridge opens in May.", "direct", "Anna Kovac", "", "interjected"}}},
      {"participial", "Several hundred farmers blocked the road, saying “the rules will ruin us.”",
       {{"the rules will ruin us.", "direct", "Several hundred farmers", "", "saying"}}},
      {"participial reported speech", "Anna Kovac opened the bridge, saying it had cost less than planned.",
       {{"it had cost less than planned", "indirect", "Anna Kovac", "", "saying"}}},
      {"continuation after the attribution", "“We are ready,” Anna Kovac said. “The work is done.”",
       {{"We are ready,", "direct", "Anna Kovac", "", "said"}, {"The work is done.", "direct", "Anna Kovac", "", ""}}},
      {"floating quotation continues the last speaker",
       "Anna Kovac spoke to residents on Monday.\n“The bridge is safe,” Kovac said.\n“We tested every cable twice.”",
       {{"The bridge is safe,", "direct", "Anna Kovac", "", "said"}, {"We tested every cable twice.", "direct", "Anna Kovac", "", ""}}},
      {"party and state after the name, a middle initial, a first name before a country's name",
       "“The veto will be overridden,” Senate Leader Mitch B. McConnell, R-Ky., said Tuesday.\n“They would just go get them,” Rep. Jim Jordan (R-Ohio), a panel member, said.",
       {{"The veto will be overridden,", "direct", "Mitch B. McConnell", "", "said"},
        {"They would just go get them,", "direct", "Jim Jordan", "", "said"}}},
      {"signed with a dash", "“We deserve a better debate than this one.” ― Ana Ruiz",
       {{"We deserve a better debate than this one.", "direct", "Ana Ruiz", "", ""}}},
      {"a speaker inside a parenthetical attribution: both sides, however short", "The new budget, Anna Kovac said, would balance by next spring.",
       {{"The new budget", "indirect", "Anna Kovac", "", "said"}, {"would balance by next spring", "indirect", "Anna Kovac", "", "said"}}},
      {"two words after a parenthetical attribution are a piece", "Anna Kovac spoke last.\nThis harbour, she says, is different.",
       {{"This harbour", "indirect", "Anna Kovac", "", "says"}, {"is different", "indirect", "Anna Kovac", "", "says"}}},
      {"according to a source between a conjunction and the words", "The port changed its rules and, according to officials, ferries now leave at dawn.",
       {{"ferries now leave at dawn", "indirect", "Officials", "", "according to"}}},
      {"after a quotation's trailing attribution, a listener and an occasion are no words",
       "“The pier is safe,” Ola Lind told a news briefing near the harbour office.",
       {{"The pier is safe,", "direct", "Ola Lind", "", "told"}}},
      {"after a quotation's trailing attribution, an adverb or an occasion is no words",
       "“The pier is safe,” Ola Lind said happily on the radio.\n“We will see,” Anna Kovac said over breakfast at the harbour.",
       {{"The pier is safe,", "direct", "Ola Lind", "", "said"}, {"We will see,", "direct", "Anna Kovac", "", "said"}}},
      {"a conjunction before a pronoun", "Anna Kovac opened the bridge.\nBut she said the tolls would stay.",
       {{"the tolls would stay", "indirect", "Anna Kovac", "", "said"}}},
      {"as someone put it", "As Anna Kovac put it in May, the bridge is the city’s spine.\nThe tolls will stay, as Jonas Weber noted.",
       {{"the bridge is the city’s spine", "indirect", "Anna Kovac", "", "put it"},
        {"The tolls will stay", "indirect", "Jonas Weber", "", "noted"}}},
      {"an as-clause between commas: both sides", "The bridge, as Anna Kovac pointed out, has never closed in winter.",
       {{"The bridge", "indirect", "Anna Kovac", "", "pointed out"}, {"has never closed in winter", "indirect", "Anna Kovac", "", "pointed out"}}},
      {"a relative clause with \"that\" after the speaker", "Lawyers that represent the family said the ferry was insured.",
       {{"the ferry was insured", "indirect", "Lawyers", "", "said"}}},
      {"a temporal \"as\" is no attribution of its own", "The crowd cheered as Anna Kovac called for a second bridge.",
       {{"a second bridge", "indirect", "Anna Kovac", "", "called for"}}},
      {"a document speaks", "The port authority published its figures.\nThe report says ferry traffic fell by a tenth.\nThe film says the harbour was built by convicts.",
       {{"ferry traffic fell by a tenth", "indirect", "Report", "", "says"}, {"the harbour was built by convicts", "indirect", "Film", "", "says"}}},
      {"says of someone, then the quotation", "Anna Kovac said of the ferry company, “They have kept every promise.”",
       {{"They have kept every promise.", "direct", "Anna Kovac", "", "said"}}},
      {"attribution at the start of the next paragraph", "“The bridge is safe and it opens in May,”\nAnna Kovac said on Monday.",
       {{"The bridge is safe and it opens in May,", "direct", "Anna Kovac", "", "said"}}},
      {"a participle cue after a preposition", "Anna Kovac closed the meeting by saying the ferry would run all winter.",
       {{"the ferry would run all winter", "indirect", "Anna Kovac", "", "saying"}}},
      {"a participle cue in an opening clause", "After warning that the tolls would rise, Jonas Weber left the hall.",
       {{"the tolls would rise", "indirect", "Jonas Weber", "", "warning"}}},
      {"a cue in the infinitive after a verb", "Jonas Weber went on to say that the bridge was never safe.",
       {{"the bridge was never safe", "indirect", "Jonas Weber", "", "say"}}},
      {"a cue in the infinitive after an adjective", "Harbour workers were more likely to say the ferry was late.",
       {{"the ferry was late", "indirect", "Harbour workers", "", "say"}}},
      {"not a cue in the infinitive after a noun or a listener", "Anna Kovac gave no reason to say the ferry was late.\n"
       "Jonas Weber urged Lind to say the bridge was safe.",
       {{"Lind to say the bridge was safe", "indirect", "Jonas Weber", "", "urged"}}},
      {"a share of people polled", "About 4 in 10 say the ferry should run at night.\nNearly 60% of harbour residents said the tolls were too high.",
       {{"the ferry should run at night", "indirect", "About 4 in 10", "", "say"},
        {"the tolls were too high", "indirect", "Nearly 60% of harbour residents", "", "said"}}},
      {"a bare count is no share", "In 2019, 43 said nothing at all about the plan for the port.", {}},
      {"another and each open a subject", "Another survey says the bridge is the city’s best known sight.",
       {{"the bridge is the city’s best known sight", "indirect", "Another survey", "", "says"}}},
      {"an opening phrase before a parenthetical attribution of a quotation is the reporter's",
       "On the subject of ferries, Anna Kovac added, “The timetable will not change.”",
       {{"The timetable will not change.", "direct", "Anna Kovac", "", "added"}}},
      {"a quotation after an abbreviation's full stop continues the speaker",
       "“We will vote no,” said Sen. Ola Lind, R-S.C. “The bill is a gift to the ferry lobby.”",
       {{"We will vote no,", "direct", "Ola Lind", "", "said"}, {"The bill is a gift to the ferry lobby.", "direct", "Ola Lind", "", ""}}},
      {"speaker named paragraphs earlier, then a pronoun",
       "Anna Kovac has run the city for six years.\nThe council met on Tuesday.\nShe said the bridge would open in May.",
       {{"the bridge would open in May", "indirect", "Anna Kovac", "", "said"}}},
  });
}

TEST_CASE("speakers: one record per person, titles, appositives, pronouns, descriptions and institutions") {
  SUBCASE("surname and full name are one speaker, the role and country come from the title") {
    const auto quotes = Quotes(
        "Russia’s Foreign Minister Sergei Lavrov said talks were over.\n“There is nothing to discuss,” Lavrov said.");
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[0].speaker == "Sergei Lavrov");
    CHECK(quotes[1].speaker == "Sergei Lavrov");
    CHECK(quotes[1].country == "RU");
  }
  SUBCASE("an appositive gives the role, and its owner's country") {
    const auto quotes = Quotes(
        "Ukrainian President Petro Ivanenko said the talks would resume.\n"
        "Andriy Kolos, Ivanenko’s chief of staff, stated that the delegation was ready.");
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[1].speaker == "Andriy Kolos");
    CHECK(quotes[1].country == "UA");
  }
  SUBCASE("an aside after a relative pronoun: the name before it speaks") {
    const auto quotes = Quotes("Then came Ola Lind, who, after trading insults with Weber, said the board had become an echo chamber.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Ola Lind");
    CHECK(quotes[0].text == "the board had become an echo chamber");
  }
  SUBCASE("a particle inside a name is part of it") {
    const auto quotes = Quotes("For decades, Mayor Ola de Berg noted, the harbour board has sent observers to other towns.");
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[0].speaker == "Ola de Berg");
    CHECK(quotes[1].text == "the harbour board has sent observers to other towns");
  }
  SUBCASE("pronouns go to the nearest compatible person") {
    const auto quotes = Quotes(
        "Dan Jones, who voted against, said the trial was too costly.\n"
        "Priya Nair said her students had counted every passenger.\n"
        "He said the figures were wrong.");
    REQUIRE(quotes.size() == 3);
    CHECK(quotes[2].speaker == "Dan Jones");
  }
  SUBCASE("descriptions go to the person given that role") {
    const auto quotes = Quotes(
        "Finland’s Foreign Minister Leena Saarinen met her Latvian counterpart.\n"
        "“The Baltic is not a lake that one country owns,” the top diplomat said.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Leena Saarinen");
    CHECK(quotes[0].country == "FI");
  }
  SUBCASE("institutions and capitals speak as organisations of their country") {
    const auto quotes = Quotes(
        "The Kremlin said the talks were a waste of time.\nMoscow has consistently stated its opposition to the plan.\n"
        "The White House said the offer stood.");
    REQUIRE(quotes.size() == 3);
    CHECK(quotes[0].speaker == "Kremlin");
    CHECK(quotes[0].country == "RU");
    CHECK(quotes[1].speaker == "Russian government");
    CHECK(quotes[1].country == "RU");
    CHECK(quotes[2].country == "US");
  }
  SUBCASE("\"the ministry\" refers back to the ministry the article named") {
    const auto quotes = Quotes(
        "Ukraine’s defence ministry said the new systems had arrived.\nThe ministry also said crews had finished training.");
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[1].speaker == quotes[0].speaker);
    CHECK(quotes[1].country == "UA");
  }
  SUBCASE("a name before \"of\" is the person, and a country after it is theirs") {
    const auto quotes = Quotes(
        "Foreign Minister Anna Berg of Sweden said the talks would resume next week.\n"
        "Mayor Ola Lind of Lund told reporters the ferry would run all winter.\n"
        "The Bank of Norway said rates would stay where they are.");
    REQUIRE(quotes.size() == 3);
    CHECK(quotes[0].speaker == "Anna Berg");
    CHECK(quotes[0].country == "SE");
    CHECK(quotes[1].speaker == "Ola Lind");
    CHECK(quotes[1].country.empty());   // a city is no country
    CHECK(quotes[2].speaker != "Bank");  // an institution's name is not a person's
  }
  SUBCASE("an appositive with an adjective in -ed, and an opening participle clause") {
    const auto quotes = Quotes(
        "Anna Berg, facing a spirited challenge in Lund, a harbour town, said she would keep the ferry.\n"
        "Facing questions about the pier, Ola Lind called a meeting, insisting that the pier was safe.");
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[0].speaker == "Anna Berg");
    CHECK(quotes[1].speaker == "Ola Lind");
  }
  SUBCASE("a relative \"that\" is no part of a group's name") {
    const auto quotes = Quotes("The town kept the records that investigators said they had checked twice.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Investigators");
  }
  SUBCASE("a conjunction that opens the clause is no part of the name") {
    const auto quotes = Quotes("If Weber says the plan works, the ferry will sail.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Weber");
  }
  SUBCASE("the country is null when the text does not tell") {
    const auto quotes = Quotes("Anna Kovac said the bridge would open in May.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].country.empty());
  }
}

TEST_CASE("known speakers lend their ids, names and countries") {
  Options options;
  options.known_speakers.push_back({"sergei-lavrov", "Sergei Lavrov", "Foreign Minister of Russia", "person", "RU", {"Lavrov"}});
  options.info.title = "Known";
  const auto result = extract_article("“There is nothing to discuss,” Lavrov said.", "known.txt", options);
  REQUIRE(result.ok());
  const auto& speaker = result.article->at("speakers").at(0);
  CHECK(speaker.at("id") == "sergei-lavrov");
  CHECK(speaker.at("name") == "Sergei Lavrov");
  CHECK(speaker.at("country") == "RU");
}

TEST_CASE("the seed article's raw text gives its hand annotation: every quote, cue, speaker, country and kind") {
  const std::string raw = qe::test::ReadFile(std::string(QE_SOURCE_DIR) + "/tests/data/extraction/seed/lavrov-european-troops.txt");
  const nlohmann::json gold = nlohmann::json::parse(qe::test::SeedArticleText());
  const auto result = extract_article(raw, "lavrov-european-troops.txt");
  REQUIRE(result.ok());
  const auto& article = *result.article;
  CHECK(article.at("paragraphs") == gold.at("paragraphs"));
  CHECK(article.at("dateline") == "Moscow");
  CHECK(article.at("source").at("name") == "Brussels Morning Newspaper");
  REQUIRE(article.at("quotes").size() == gold.at("quotes").size());
  auto gold_speaker = [&](const std::string& id) {
    for (const auto& speaker : gold.at("speakers"))
      if (speaker.at("id") == id) return speaker;
    return nlohmann::json();
  };
  for (std::size_t i = 0; i < gold.at("quotes").size(); ++i) {
    const auto& want = gold.at("quotes")[i];
    const auto& got = article.at("quotes")[i];
    CAPTURE(want.at("id"));
    CHECK(got.at("paragraph") == want.at("paragraph"));
    CHECK(got.at("start") == want.at("start"));
    CHECK(got.at("end") == want.at("end"));
    CHECK(got.at("kind") == want.at("kind"));
    CHECK(got.at("cue") == want.at("cue"));
    const auto expected = gold_speaker(want.at("speaker"));
    nlohmann::ordered_json speaker;
    for (const auto& s : article.at("speakers"))
      if (s.at("id") == got.at("speaker")) speaker = s;
    std::vector<std::string> names = expected.value("aliases", std::vector<std::string>{});
    names.push_back(expected.at("name"));
    std::vector<std::string> extracted_names = speaker.value("aliases", std::vector<std::string>{});
    extracted_names.push_back(speaker.at("name"));
    bool same_person = false;
    for (const auto& name : extracted_names) same_person |= std::find(names.begin(), names.end(), name) != names.end();
    CHECK_MESSAGE(same_person, speaker.at("name").get<std::string>());
    CHECK(speaker.at("country") == expected.at("country"));
  }
}

TEST_CASE("unusable input is refused with a located error and no article") {
  struct Bad {
    const char* name;
    std::string input;
    std::string error;
  };
  const std::vector<Bad> cases = {
      {"not UTF-8", "Line one.\nCaf\xE9 au lait.", "bad.txt:2:4: invalid UTF-8; expected article text encoded as UTF-8"},
      {"binary", std::string("PK\x03\x04\0\0", 6), "bad.txt:1:5: a NUL byte: this looks like a binary file; expected article text or an HTML page"},
      {"control characters", "Title\n\x1B[31m\x1B[0m\x07\x07", "bad.txt:2:1: control character 27: this looks like a binary file; expected article text or an HTML page"},
      {"NUL byte", std::string("Text\0more", 9), "bad.txt:1:5: a NUL byte: this looks like a binary file; expected article text or an HTML page"},
      {"empty", "", "bad.txt: no text: expected an article, paragraphs separated by blank lines or one per line"},
      {"only white space", " \n\n\t\n", "bad.txt: no text: expected an article, paragraphs separated by blank lines or one per line"},
      {"200 MB", std::string(200u << 20, 'a'), "bad.txt: the input has 209715200 bytes; expected an article of at most 16 MiB"},
  };
  for (const Bad& bad : cases) {
    SUBCASE(bad.name) {
      const auto result = extract_article(bad.input, "bad.txt");
      CHECK_FALSE(result.ok());
      REQUIRE(result.error);
      CHECK(result.error->to_string() == bad.error);
    }
  }
}

TEST_CASE("a stray control character in real text becomes a space instead of refusing the article") {
  std::string text = "Anna Kovac said the bridge would open in May.\x1B The council agreed.\n";
  for (int i = 0; i < 20; ++i) text += "The council met again on Tuesday to discuss the budget for the bridge.\n";
  const auto result = extract_article(text, "stray.txt", Options{{"", "Stray", "", "", ""}, InputFormat::Auto, {}, std::size_t{16} << 20, "quotes"});
  REQUIRE(result.ok());
  CHECK(result.article->at("paragraphs")[0] == "Anna Kovac said the bridge would open in May.  The council agreed.");
}

TEST_CASE("the first line is the title when it looks like one, else the caller's or the first words") {
  SUBCASE("a short line without a final period") {
    const auto result = extract_article("Bridge to open in May\n\nThe city said the bridge would open in May.", "b.txt");
    REQUIRE(result.ok());
    CHECK(result.article->at("title") == "Bridge to open in May");
    CHECK(result.article->at("paragraphs").size() == 1);
  }
  SUBCASE("a sentence is not a title") {
    const auto result = extract_article("The city said the bridge would open in May.\nIt will.", "b.txt");
    REQUIRE(result.ok());
    CHECK(result.article->at("paragraphs").size() == 2);
    CHECK(result.article->at("title") == "The city said the bridge would open in May.");
  }
}

TEST_CASE("openings, trailing occasions and participle cues after other words (extract-q4)") {
  CheckCases({
      {"a pronoun after an opening time with no comma is the subject", "Ola Lind runs the ferry in Vik.\nYesterday he said the pier would close in May.",
       {{"the pier would close in May", "indirect", "Ola Lind", "", "said"}}},
      {"a negated cue after “According to X,” leaves the clause to X",
       "According to the Harbour Post, the mayor has not asked the unions for their views.",
       {{"the mayor has not asked the unions for their views", "indirect", "Harbour Post", "", "according to"}}},
      {"a participle cue that opens the sentence reports for the subject after its comma",
       "Noting that the ferry was late again, Ola Lind said the crews needed more time.",
       {{"the ferry was late again", "indirect", "Ola Lind", "", "Noting"}, {"the crews needed more time", "indirect", "Ola Lind", "", "said"}}},
      {"past an opening prepositional phrase, the subject speaks for a later participle",
       "In May, a district judge sided with the unions, saying the law broke the charter.",
       {{"the law broke the charter", "indirect", "District judge", "", "saying"}}},
      {"“and as X noted,” reports the clause after it",
       "Crews can still be fired for late sailings, and as Ola Lind noted, the rules are strict.",
       {{"the rules are strict", "indirect", "Ola Lind", "", "noted"}}},
      {"a relative naming verb with “as” reports the “as” phrase", "Anna Kovac sold the old ferry, which Ola Lind described as “a floating wreck.”",
       {{"as “a floating wreck.”", "mixed", "Ola Lind", "", "described"}}},
      {"a participle cue after a message the subject put out", "Later, the Vik Ferry Company issued a statement saying the pier would reopen.",
       {{"the pier would reopen", "indirect", "Vik Ferry Company", "", "saying"}}},
      {"an adverb between the subordinator and the participle", "“We will win,” Ola Lind added, while also saying that he expects a long fight.",
       {{"We will win,", "direct", "Ola Lind", "", "added"}, {"he expects a long fight", "indirect", "Ola Lind", "", "saying"}}},
      {"a trailing attribution ends in a long occasion phrase", "The pier will reopen in June, Ola Lind said during his speech to the harbour board.",
       {{"The pier will reopen in June", "indirect", "Ola Lind", "", "said"}}},
      {"or in a semicolon", "The pier is safe, Anna Kovac said; her engineers had checked it twice.",
       {{"The pier is safe", "indirect", "Anna Kovac", "", "said"}}},
      {"a comma between digits is part of the number", "The ferry carried 50,000 passengers last year, Ola Lind said.",
       {{"The ferry carried 50,000 passengers last year", "indirect", "Ola Lind", "", "said"}}},
      {"a participle cue right after a comma inside the closing mark",
       "Anna Kovac called the plan a “ridiculous proposition,” adding that the board must explain it.",
       {{"the plan a “ridiculous proposition,”", "mixed", "Anna Kovac", "", "called"}, {"the board must explain it", "indirect", "Anna Kovac", "", "adding"}}},
      {"short words end at a comma before a participle cue", "Ola Lind praised the crews, saying the storm had been the worst in years.",
       {{"the crews", "indirect", "Ola Lind", "", "praised"}, {"the storm had been the worst in years", "indirect", "Ola Lind", "", "saying"}}},
      {"a sentence in parentheses after a full stop", "Ola Lind runs the ferry in Vik.\nThe pier was closed. (On Monday he said he would reopen it.)",
       {{"he would reopen it", "indirect", "Ola Lind", "", "said"}}},
      {"a subject pronoun with “’s” after an opening clause",
       "Ola Lind runs the ferry in Vik.\nSince May, she’s tacked to the left on harbour issues, criticizing the new pier.",
       {{"the new pier", "indirect", "Ola Lind", "", "criticizing"}}},
      {"“that” as a determiner before a subject noun", "Ola Lind met the unions.\nThat person said the hostility of the unions hampered the plan.",
       {{"the hostility of the unions hampered the plan", "indirect", "That person", "", "said"}}},
      {"“, which argued” stands for the name before it",
       "The order came after a request by the Harbour Post, which argued that the vote made the files public.",
       {{"the vote made the files public", "indirect", "Harbour Post", "", "argued"}}},
      {"a short opening, then a subordinate participle clause",
       "Now, after arguing that the results narrowed the race, Ola Lind said the fight is over.",
       {{"the results narrowed the race", "indirect", "Ola Lind", "", "arguing"}, {"the fight is over", "indirect", "Ola Lind", "", "said"}}},
      {"words inside a “who” clause end before the main verb", "Anna Kovac, who said she would campaign with Lind, left early.",
       {{"she would campaign with Lind", "indirect", "Anna Kovac", "", "said"}}},
      {"and inside a “which” clause", "A letter to the board from the crews, which urged a delay of the vote until May, reflected both concerns.",
       {{"a delay of the vote until May", "indirect", "Letter", "", "urged"}}},
      {"a trailing occasion that ends in a show’s title", "The pier will reopen in June, Ola Lind said on Vik Radio’s “Morning Tide.”",
       {{"The pier will reopen in June", "indirect", "Ola Lind", "", "said"}}},
      {"a short name in quotation marks after “according to”",
       "According to her “harbour first” plan, ferries leaving the town must repay any help they received.",
       {{"ferries leaving the town must repay any help they received", "indirect", "Her “harbour first” plan", "", "according to"}}},
      {"after “and”, a word in -ed before a bare noun is an adjective",
       "Ola Lind warned the board, noting limited gains in pay and increased risks from storms.",
       {{"limited gains in pay and increased risks from storms", "indirect", "Ola Lind", "", "noting"}}},
      {"a name before the first comma is the subject, not a short opening",
       "Ola Lind, particularly in the last days of the race, has preached unity, claiming he alone can bring the town together.",
       {{"he alone can bring the town together", "indirect", "Ola Lind", "", "claiming"}}},
      {"a participle cue after a dash", "Ola Lind flipped her choice on the spot – saying she was rooting for the old ferry.",
       {{"she was rooting for the old ferry", "indirect", "Ola Lind", "", "saying"}}},
      {"an adverb in -ly between the subordinator and the participle",
       "“Let us not get ahead of ourselves,” Ola Lind cautioned, before optimistically predicting that the vote could go her way.",
       {{"Let us not get ahead of ourselves,", "direct", "Ola Lind", "", "cautioned"}, {"the vote could go her way", "indirect", "Ola Lind", "", "predicting"}}},
      {"an adverb in -ly between the comma and the participle",
       "Ola Lind stuck to the ferry at first but turned against the plan, eventually saying it would be a disaster for the town.",
       {{"it would be a disaster for the town", "indirect", "Ola Lind", "", "saying"}}},
      {"an adverb in -ly between “and” and the cue", "Ola Lind has been making this argument and boldly claiming that the vote is hers to lose.",
       {{"the vote is hers to lose", "indirect", "Ola Lind", "", "claiming"}}},
      {"a message with a modifier and a day before the participle",
       "The Lind campaign sent a fundraising email Wednesday saying that the results show Lind can win.",
       {{"the results show Lind can win", "indirect", "Lind campaign", "", "saying"}}},
      {"a conjunction before an opening participle clause", "But in describing the plan as a short-term fix, Ola Lind said voters would reject it.",
       {{"the plan as a short-term fix", "indirect", "Ola Lind", "", "describing"}, {"voters would reject it", "indirect", "Ola Lind", "", "said"}}},
  });
}

TEST_CASE("where reported words end, and what is no quote (extract-q5)") {
  CheckCases({
      {"a comma inside a closing mark before a participle cue ends the words",
       "Ola Lind said that the board was “out of touch,” adding that the vote would come in May.",
       {{"the board was “out of touch,”", "mixed", "Ola Lind", "", "said"}, {"the vote would come in May", "indirect", "Ola Lind", "", "adding"}}},
      {"a dash before a participle cue ends the words",
       "Ola Lind said the ferry would run all winter – noting that the crews had agreed.",
       {{"the ferry would run all winter", "indirect", "Ola Lind", "", "said"}, {"the crews had agreed", "indirect", "Ola Lind", "", "noting"}}},
      {"a dash before a clause end ends the words",
       "Ola Lind said the ferry would win the prize – even though the jury had not met.",
       {{"the ferry would win the prize", "indirect", "Ola Lind", "", "said"}}},
      {"a discourse word alone before a parenthetical attribution is the reporter's",
       "Still, Ola Lind said, the ferry will need a new engine.",
       {{"the ferry will need a new engine", "indirect", "Ola Lind", "", "said"}}},
      {"a phrase that opens with a discourse word before a parenthetical quotation is the reporter's",
       "Later in the talk, Ola Lind added, “The ferry stays.”",
       {{"The ferry stays.", "direct", "Ola Lind", "", "added"}}},
      {"“what” before a cue that ends its clause stands for speech in general",
       "The crews were unhappy with what the mayor was saying. They also liked what it says about the town.",
       {}},
      {"“what” before a cue that goes on is still a piece of the words",
       "The pier closed, which is what Ola Lind had threatened to do.",
       {{"what", "indirect", "Ola Lind", "", "threatened"}, {"to do", "indirect", "Ola Lind", "", "threatened"}}},
      {"a social network is a setting that ends a reporting object", "Ola Lind mocked the mayor on Twitter.",
       {{"the mayor", "indirect", "Ola Lind", "", "mocked"}}},
      {"after a quotation's trailing attribution, a phrase with “aboard” or “without” is the occasion",
       "“We will sail at dawn,” Ola Lind said aboard the ferry. “The ferry is ready,” she said without another word.",
       {{"We will sail at dawn,", "direct", "Ola Lind", "", "said"}, {"The ferry is ready,", "direct", "Ola Lind", "", "said"}}},
      {"after a quotation that closes with a question, what follows the cue is the occasion",
       "“Is the ferry late again?” Ola Lind asked softly.",
       {{"Is the ferry late again?", "direct", "Ola Lind", "", "asked"}}},
      {"an irregular past tense after “and” is the subject's next verb, which ends a reporting object",
       "Ola Lind praised the crews and took the ferry home.",
       {{"the crews", "indirect", "Ola Lind", "", "praised"}}},
      {"a demonym alone before a cue is a surname", "The ferry is always late, French said.",
       {{"The ferry is always late", "indirect", "French", "", "said"}}},
      {"a plural demonym alone before a cue is the people of that country", "Norwegians now say they love the ferry.",
       {{"they love the ferry", "indirect", "Norwegians", "NO", "say"}}},
      {"after a cue and “and” a second verb, the object the two share is the words",
       "Ola Lind mocked and insulted the harbour board in a tweet.",
       {{"the harbour board", "indirect", "Ola Lind", "", "mocked"}}},
      {"“and” right after a cue opens no words", "The crews yelled and waved flags at the ferry.", {}},
      {"a cue whose passive means something else reports nothing",
       "Ola Lind was confirmed 60 to 2 by the board. The case was referred to the harbour police in May.", {}},
      {"an unknown verb before a preposition of place or role reports no quoted object",
       "Ola Lind stars in “Harbour Nights” at the old theatre. Anna Kovac served as “harbour master” for a year.", {}},
      {"a short paragraph in single marks is a subhead when speech is quoted in double marks",
       "“The ferry will run,” Ola Lind said.\n\n'A long winter ahead.'\n\nThe crews met on Monday.",
       {{"The ferry will run,", "direct", "Ola Lind", "", "said"}}},
      {"a short paragraph in single marks is speech when the article quotes only in single marks",
       "'The ferry will run,' Ola Lind said.\n\n'A long winter ahead.'",
       {{"The ferry will run,", "direct", "Ola Lind", "", "said"}, {"A long winter ahead.", "direct", "Ola Lind", "", ""}}},
      {"a quotation after a medium's possessive names its show", "“The ferry is late,” Ola Lind told NBC’s “Harbourside” on Monday.",
       {{"The ferry is late,", "direct", "Ola Lind", "", "told"}}},
      {"after a quotation's trailing attribution, “the day after …” and “aloud” are the occasion",
       "“The ferry is late,” Ola Lind wrote the day after the storm. “Is it?” Weber wondered aloud.",
       {{"The ferry is late,", "direct", "Ola Lind", "", "wrote"}, {"Is it?", "direct", "Weber", "", "wondered"}}},
      {"a word before a colon in quotation marks as a paragraph of its own is a label",
       "“The ferry will run,” Ola Lind said.\n\n“See also:”\n\nThe crews met on Monday.",
       {{"The ferry will run,", "direct", "Ola Lind", "", "said"}}},
      {"after a quoted headline and its byline, the quotation is an excerpt, not speech",
       "“The ferry will run,” Ola Lind said.\n\n“Harbour reopens at last,” by the Gazette’s Anna Kovac: “The old harbour reopened on Monday after a long winter of repairs.”",
       {{"The ferry will run,", "direct", "Ola Lind", "", "said"}}},
      {"the topic after “asked about” ends at a comma or at the occasion",
       "Ola Lind was asked about the new ferry timetable during the debate on Monday.",
       {{"the new ferry timetable", "indirect", "Unknown speaker", "", "asked"}}},
      {"a quotation after a term marker and a comma is a title", "The film, “Low tide at the old harbour wall,” opened on Monday.", {}},
  });
}

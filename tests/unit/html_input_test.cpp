// The HTML reader: which parts of a page are article text, and the page's metadata.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/loader.h"
#include "extract/extract.h"
#include "extract/html_input.h"

namespace {

using Paragraphs = std::vector<std::string>;

qe::extract::Document Read(const std::string& html) {
  const qe::extract::DocumentResult result = qe::extract::read_html_article(html, "page.html");
  REQUIRE_MESSAGE(result.document, (result.error ? result.error->to_string() : ""));
  return *result.document;
}

Paragraphs ParagraphsOf(const std::string& html) { return Read(html).paragraphs; }

std::string Page(const std::string& head, const std::string& body) {
  return "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

// Two paragraphs of article text in an <article>, for tests about the rest of the page.
const std::string kStory =
    "<article><p>The harbour reopened on Monday after a week of storms.</p>"
    "<p>“We are back to normal,” the harbour master said.</p></article>";

const Paragraphs kStoryParagraphs = {"The harbour reopened on Monday after a week of storms.",
                                     "“We are back to normal,” the harbour master said."};

}  // namespace

TEST_CASE("the article body is read and navigation, asides and footers around it are left out") {
  const std::string html = Page("<title>Harbour</title>",
                                "<header><p>Site name and menu</p></header>"
                                "<nav><p>Home</p><p>World news and politics</p></nav>" + kStory +
                                "<aside><p>Most popular: a long teaser paragraph about something else.</p></aside>"
                                "<footer><p>Copyright and contact details of the site.</p></footer>");
  CHECK(ParagraphsOf(html) == kStoryParagraphs);
}

TEST_CASE("captions, bylines, credits, share buttons, read-more links and scripts are left out") {
  const std::string html = Page("",
                                "<article>"
                                "<p class=\"article-byline\">By A. Reporter</p>"
                                "<figure><img src=\"a.jpg\"><figcaption>The harbour at dawn.</figcaption></figure>"
                                "<p>The harbour reopened on Monday after a week of storms.</p>"
                                "<script>document.write('<p>Injected</p>')</script>"
                                "<div class=\"image-credit\"><p>Photo: Agency</p></div>"
                                "<p><a href=\"/other\">Storms close ports along the coast</a></p>"
                                "<p>Read more: <a href=\"/x\">Port reopens</a></p>"
                                "<p>Related: ferries resume</p>"
                                "<p>Sign up for our newsletter</p>"
                                "<div class=\"shareButtons\"><p>Share on social media</p></div>"
                                "<div id=\"comments\"><p>First comment, long enough to count as text.</p></div>"
                                "<p>“We are back to normal,” the harbour master said.</p>"
                                "<style>p { color: red }</style><noscript><p>Enable scripts</p></noscript>"
                                "<p hidden>Hidden text</p><p style=\"display: none\">Also hidden</p>"
                                "</article>");
  CHECK(ParagraphsOf(html) == kStoryParagraphs);
}

TEST_CASE("marker words in classes match whole words, so a header class or a lead paragraph stays") {
  const std::string html = Page("",
                                "<article><p class=\"lead\">The harbour reopened on Monday.</p>"
                                "<p class=\"paragraph-heading loaded\">Boats were waiting.</p></article>");
  CHECK(ParagraphsOf(html) == Paragraphs{"The harbour reopened on Monday.", "Boats were waiting."});
}

TEST_CASE("the title comes from og:title, else the first h1, else the title element") {
  const std::string og = "<meta property=\"og:title\" content=\"Harbour reopens\">";
  const std::string title = "<title>Harbour reopens | The Coast Times</title>";
  const std::string h1 = "<h1>Harbour reopens after storms</h1>";
  CHECK(Read(Page(og + title, h1 + kStory)).title == "Harbour reopens");
  CHECK(Read(Page(title, "<nav><h1>Site</h1></nav>" + h1 + kStory)).title == "Harbour reopens after storms");
  CHECK(Read(Page(title, kStory)).title == "Harbour reopens | The Coast Times");
  CHECK(Read(Page("", kStory)).title.empty());
}

TEST_CASE("source, url and published date come from the page's metadata, with fallbacks") {
  const std::string full =
      "<meta property=\"og:site_name\" content=\"The Coast Times\">"
      "<meta property=\"og:url\" content=\"https://coast.example/harbour\">"
      "<link rel=\"canonical\" href=\"https://coast.example/canonical\">"
      "<meta property=\"article:published_time\" content=\"2025-03-04T08:00:00Z\">";
  const qe::extract::Document document = Read(Page(full, "<time datetime=\"2024-01-01\">Jan 1</time>" + kStory));
  CHECK(document.source == "The Coast Times");
  CHECK(document.url == "https://coast.example/harbour");
  CHECK(document.published == "2025-03-04T08:00:00Z");

  const std::string fallbacks = "<link rel=\"Canonical\" href=\"https://coast.example/canonical\">";
  const qe::extract::Document fallback = Read(
      Page(fallbacks, "<aside><time datetime=\"2020-05-05\">old</time></aside>"
                      "<article><header><time datetime=\"2025-03-04\">4 March</time></header>" + kStory + "</article>"));
  CHECK(fallback.source.empty());
  CHECK(fallback.url == "https://coast.example/canonical");
  CHECK(fallback.published == "2025-03-04");
  CHECK(fallback.paragraphs == kStoryParagraphs);
}

TEST_CASE("entities are decoded, <br> reads as a space and whitespace collapses") {
  const std::string html = Page("",
                                "<article><p>  Fish &amp; chips cost &pound;5&nbsp;today,\n\n  "
                                "the&#32;owner&#x20;said.<br>Prices&lt;rose&gt;</p>"
                                "<p>&nbsp;</p><p> \t </p></article>");
  CHECK(ParagraphsOf(html) == Paragraphs{"Fish & chips cost £5\u00A0today, the owner said. Prices<rose>"});
}

TEST_CASE("text in links, emphasis and other inline tags stays in its paragraph") {
  const std::string html = Page("",
                                "<article><p>The <a href=\"/m\">harbour <em>master</em></a> said "
                                "<q>we are <strong>back</strong></q>, <span>according to</span> "
                                "<abbr title=\"x\">AP</abbr>.</p></article>");
  CHECK(ParagraphsOf(html) == Paragraphs{"The harbour master said “we are back”, according to AP."});
}

TEST_CASE("subheads inside the article and blockquotes become their own paragraphs") {
  const std::string html = Page("<title>Interview</title>",
                                "<article><h1>Interview with the harbour master</h1>"
                                "<p>The harbour reopened on Monday.</p>"
                                "<h2>Why did it close?</h2><p>Storms damaged the pier.</p>"
                                "<blockquote><p>“It was the worst week in years.”</p><p>“Now we rebuild.”</p></blockquote>"
                                "<blockquote>A short quote<br>on two lines</blockquote>"
                                "<h3><a href=\"/more\">More harbour stories</a></h3>"
                                "</article>");
  CHECK(ParagraphsOf(html) == Paragraphs{"The harbour reopened on Monday.", "Why did it close?",
                                         "Storms damaged the pier.", "“It was the worst week in years.”",
                                         "“Now we rebuild.”", "A short quote on two lines"});
}

TEST_CASE("itemprop=articleBody is preferred over a whole <article> and its teasers") {
  const std::string html = Page("",
                                "<article><div class=\"intro\"><p>A standfirst that is not the body text.</p></div>"
                                "<div itemprop=\"articleBody\"><p>The harbour reopened on Monday.</p></div>"
                                "</article>");
  CHECK(ParagraphsOf(html) == Paragraphs{"The harbour reopened on Monday."});
}

TEST_CASE("without article markup, the element whose paragraphs hold the most text is the body") {
  const std::string html = Page("",
                                "<div class=\"top\"><p>Breaking: markets</p></div>"
                                "<div class=\"main\"><p>The harbour reopened on Monday after a week of storms.</p>"
                                "<p>“We are back to normal,” the harbour master said.</p></div>"
                                "<div class=\"more\"><p>Weather tomorrow: calm</p></div>");
  CHECK(ParagraphsOf(html) == kStoryParagraphs);

  const std::string wrapped = Page("",
                                   "<div><p>Breaking: markets move on a quiet day</p></div>"
                                   "<div class=\"story\"><div><p>The harbour reopened on Monday.</p></div>"
                                   "<div><p>Boats were waiting outside the breakwater.</p></div>"
                                   "<div><p>The harbour master said the pier is safe.</p></div></div>");
  CHECK(ParagraphsOf(wrapped) == Paragraphs{"The harbour reopened on Monday.", "Boats were waiting outside the breakwater.",
                                            "The harbour master said the pier is safe."});
}

TEST_CASE("a page without paragraphs of article text is refused with what was expected") {
  for (const std::string& html :
       {Page("<title>Empty</title>", ""), Page("", "<div>Text without paragraphs</div>"),
        Page("", "<nav><p>Home</p><p>About</p></nav><footer><p>Contact us</p></footer>"),
        Page("", "<article><h2>Only a subhead</h2><p><a href=\"/x\">Only a link</a></p></article>"),
        std::string("<script>var p = '<p>not text</p>';</script>")}) {
    CAPTURE(html);
    const qe::extract::DocumentResult result = qe::extract::read_html_article(html, "page.html");
    REQUIRE_FALSE(result.document);
    REQUIRE(result.error);
    CHECK(result.error->to_string().rfind("page.html: no article text: ", 0) == 0);
    CHECK(result.error->message.find("expected an HTML page with paragraphs (<p>) of article text") !=
          std::string::npos);
  }
}

TEST_CASE("paragraphs are trimmed, valid UTF-8 and free of control characters") {
  const std::string html = Page("",
                                "<article><p>&#x200B;&nbsp; Tabs&#9;and&#1;controls&#x85;&#127; "
                                "&#xD800;surrogate &#0;nul &#x110000;big&nbsp;</p></article>");
  const Paragraphs paragraphs = ParagraphsOf(html);
  REQUIRE(paragraphs.size() == 1);
  CHECK(paragraphs[0] == "Tabs andcontrols… \uFFFDsurrogate \uFFFDnul \uFFFDbig");
}

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

TEST_CASE("pages nested 1000 deep are read, also with a frameset, without exhausting the stack") {
  const std::string deep = Repeat("<div>", 999) + "<p>The harbour reopened on Monday.</p>";
  CHECK(ParagraphsOf(Page("", deep)) == Paragraphs{"The harbour reopened on Monday."});
  CHECK(ParagraphsOf(Page("", deep + "<frameset><frame src=x></frameset>")) ==
        Paragraphs{"The harbour reopened on Monday."});
}

TEST_CASE("pages nested deeper than 1000 are refused at the tag that nests too deep") {
  // The HTML parser's time grows with depth times tags, so these would take minutes.
  for (const std::string& nesting : {std::string("<div>"), std::string("<span><div></span>"),
                                     std::string("<b x=1><p></b>"), std::string("<x-widget/>")}) {
    CAPTURE(nesting);
    const std::string html = "<!doctype html>\n<p>Text</p>" + Repeat(nesting, 20000);
    const auto result = qe::extract::read_html_article(html, "deep.html");
    REQUIRE(result.error);
    CHECK(result.error->line == 2);
    CHECK(result.error->column > 1000);
    CHECK(result.error->message.find("elements nested more than 1000 deep") == 0);
  }
}

TEST_CASE("the nesting limit is not fooled by unclosed paragraphs, tables, icons, scripts or comments") {
  const std::string page = Page("<script>var s = '<div><div><div>';</script><style>a > b {}</style>",
                                "<article>" +
                                Repeat("<p>An unclosed paragraph", 800) + Repeat("<ul><li>a<li>b</ul>", 800) +
                                Repeat("<dl><dt>term<dd>definition<dt>term</dl>", 800) +
                                Repeat("<p>Before a list<ul><li><p>item</ul>", 800) +
                                Repeat("<table><tr><td>cell<td>cell<tr><td>cell</table>", 800) +
                                Repeat("<svg><path d=\"M0 0\"/><use href=\"#i\"/></svg>", 800) +
                                Repeat("<!-- <div> --><a title=\"x>y\">link</a> <br/><img src=x>", 800) +
                                Repeat("<p><b>bold <i>italic</p>", 800) + "</article>");
  const auto result = qe::extract::read_html_article(page, "sloppy.html");
  CHECK_MESSAGE(result.document, (result.error ? result.error->to_string() : ""));
}

TEST_CASE("a dateline opening the first paragraph is read as in plain text") {
  const qe::extract::Document document =
      Read(Page("", "<article><p>KYIV (Wire) – The harbour reopened on Monday.</p></article>"));
  CHECK(document.dateline == "KYIV");
}

TEST_CASE("extract_article reads a page as Html, and as Auto when it starts like one") {
  const std::string html = Page("<meta property=\"og:title\" content=\"Harbour reopens\">"
                                "<meta property=\"og:site_name\" content=\"The Coast Times\">",
                                kStory);
  for (const qe::extract::InputFormat format : {qe::extract::InputFormat::Html, qe::extract::InputFormat::Auto}) {
    qe::extract::Options options;
    options.format = format;
    const qe::extract::ExtractResult result = qe::extract::extract_article(html, "harbour.html", options);
    REQUIRE_MESSAGE(result.ok(), (result.error ? result.error->to_string() : ""));
    const auto& article = *result.article;
    CHECK(article["title"] == "Harbour reopens");
    CHECK(article["source"]["name"] == "The Coast Times");
    CHECK(article["paragraphs"].get<Paragraphs>() == kStoryParagraphs);
  }
  qe::extract::Options text;
  text.format = qe::extract::InputFormat::Text;
  const auto as_text = qe::extract::extract_article(html, "harbour.html", text);
  REQUIRE(as_text.ok());
  CHECK(as_text.article->at("paragraphs")[0].get<std::string>().rfind("<!doctype html>", 0) == 0);
}

TEST_CASE("extract_article refuses a page without article text with a located error") {
  qe::extract::Options options;
  options.format = qe::extract::InputFormat::Html;
  const auto result = qe::extract::extract_article(Page("", "<nav><p>Home</p></nav>"), "empty.html", options);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error->to_string().rfind("empty.html: no article text: ", 0) == 0);
}

TEST_CASE("the article extracted from a page passes the loader") {
  const std::string html = Page("<meta property=\"og:title\" content=\"Harbour reopens\">"
                                "<link rel=\"canonical\" href=\"https://coast.example/harbour\">"
                                "<meta property=\"article:published_time\" content=\"2025-03-04\">",
                                "<article><p>KYIV – The harbour reopened on Monday, officials said.</p>"
                                "<p>“We are back to normal,” the harbour master, Olena Koval, said.</p>"
                                "<p>Koval said the pier was safe and that ferries would resume on Friday.</p></article>");
  const qe::extract::ExtractResult result = qe::extract::extract_article(html, "harbour.html");
  REQUIRE(result.ok());
  const qe::LoadResult loaded = qe::load_corpus(result.article->dump(), "harbour.json");
  REQUIRE_MESSAGE(loaded.ok(), qe::describe_errors(loaded.errors));
  CHECK(loaded.corpus->articles.size() == 1);
  CHECK(loaded.corpus->articles[0].paragraph_count == 3);
  CHECK(loaded.corpus->articles[0].source.url == "https://coast.example/harbour");
}

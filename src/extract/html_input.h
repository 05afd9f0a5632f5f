// html_input.h: the article inside an HTML page, read with gumbo (a real HTML5 parser):
// its paragraphs, title (og:title, else h1, else <title>), source (og:site_name),
// url (og:url or canonical link) and published date (article:published_time, else the
// first <time datetime>). The article body is [itemprop=articleBody], else <article>, else
// the element whose <p> children hold the most text; its paragraphs are <p>, blockquote
// text and <h2>/<h3> subheads, whitespace collapsed and entities decoded. Navigation,
// headers, footers, asides, figures and captions, bylines, "read more" links, forms,
// scripts, styles and hidden elements are left out.
//
//   qe::extract::DocumentResult page = qe::extract::read_html_article(html, "story.html");
//   if (page.error) report(*page.error); else use(page.document->paragraphs);
#pragma once

#include <string_view>

#include "extract/document.h"

namespace qe::extract {

// `html` must be valid UTF-8 (the caller checks). Error when the page holds no article
// text, or nests elements more than 1000 deep (the parser would take minutes).
DocumentResult read_html_article(std::string_view html, std::string_view file_name);

}  // namespace qe::extract

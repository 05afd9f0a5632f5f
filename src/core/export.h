// export.h: quotes as records for scripts, the JS API and downloads.
//
// A quote record is {"id", "article", "speaker", "speaker_name", "country", "kind", "text"}
// with `country` null when unknown (DESIGN.md). CSV follows RFC 4180 with that header row;
// text is one line a quote, for reading in a terminal.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/filter.h"

namespace qe {

enum class ExportFormat { Json, Csv, Text };

std::string export_quotes(const Corpus& corpus, const std::vector<QuoteIndex>& quotes, ExportFormat format);

// One quote record (above), with "confidence" when the quote carries one.
nlohmann::ordered_json quote_record(const Corpus& corpus, QuoteIndex quote);

// {"articles": n, "quotes": n, "speakers": [{id, name, role, country, quotes}…],
//  "countries": [{code, name, quotes}…], "kinds": {"direct": n, …},
//  "duplicate_names": [{name, ids: [id…]}…]}, busiest first; duplicate_names lists names
// (ignoring case and accents) that more than one speaker id carries.
std::string export_stats(const Corpus& corpus, const FilterResult& counts);

// One article as article@1 JSON that the loader reads back to the same article: the review
// workflow edits and saves this. Its speakers are those of the corpus when it holds only
// this article, else the ones its quotes name; quotes keep confidence and "reviewed".
nlohmann::ordered_json export_article(const Corpus& corpus, ArticleId article);

// The HTML a news page pastes to show an article beside its story (docs/embedding.md):
// `<div data-quote-explorer data-src="…"></div>` and the embed.js script tag, with both
// URLs escaped for an HTML attribute (an article id is anyone's text).
std::string embed_code(std::string_view article_url, std::string_view embed_js_url);

}  // namespace qe

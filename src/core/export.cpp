#include "core/export.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <unordered_map>

#include "core/loader.h"
#include "core/utf8.h"

namespace qe {
namespace {

using json = nlohmann::ordered_json;

json country_json(CountryId country) {
  return country == kNoCountry ? json(nullptr) : json(std::string(country_code(country)));
}


// RFC 4180 quoting, and a leading apostrophe on values a spreadsheet would run as a formula
// (OWASP's advice on CSV injection): quotes come from articles anyone can write.
std::string csv_field(std::string_view value) {
  std::string field(value);
  if (!field.empty() && std::string_view("=+-@\t\r").find(field[0]) != std::string_view::npos) field.insert(0, "'");
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// One line, no terminal control sequences: control characters become spaces.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return out;
}

std::string to_csv(const Corpus& corpus, const std::vector<QuoteIndex>& quotes) {
  std::string out = "id,article,speaker,speaker_name,country,kind,text\r\n";
  for (QuoteIndex q : quotes) {
    const json record = quote_record(corpus, q);
    bool first = true;
    for (const auto& field : record) {
      if (!first) out += ',';
      first = false;
      if (field.is_string()) out += csv_field(field.get_ref<const std::string&>());
    }
    out += "\r\n";
  }
  return out;
}

std::string to_text(const Corpus& corpus, const std::vector<QuoteIndex>& quotes) {
  std::string out;
  for (QuoteIndex q : quotes) {
    const Speaker& speaker = corpus.speakers[corpus.quotes.speaker[q]];
    const CountryId country = corpus.quotes.country[q];
    out.append(one_line(speaker.name));
    if (country != kNoCountry) out.append(" (").append(country_code(country)).append(")");
    out.append(" [").append(kind_name(corpus.quotes.kind[q])).append("]: ");
    out.append(one_line(corpus.quote_text(q))).append("\n");
  }
  return out;
}

// Indexes with a non-zero count, busiest first, ties in index order.
std::vector<std::size_t> ranked(const std::vector<std::uint32_t>& counts) {
  std::vector<std::size_t> order(counts.size());
  std::iota(order.begin(), order.end(), 0);
  order.erase(std::remove_if(order.begin(), order.end(), [&](std::size_t i) { return counts[i] == 0; }), order.end());
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
  return order;
}

// Names that more than one speaker id carries (ignoring case and accents), in the order they
// first appear: often one person entered twice, whose quotes a filter by one id would miss.
json duplicate_names(const Corpus& corpus) {
  std::unordered_map<std::string, std::size_t> group_of_name;
  std::vector<std::vector<SpeakerId>> groups;
  for (SpeakerId s = 0; s < corpus.speakers.size(); ++s) {
    const auto [it, added] = group_of_name.emplace(utf8::search_key(corpus.speakers[s].name), groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(s);
  }
  json duplicates = json::array();
  for (const std::vector<SpeakerId>& group : groups) {
    if (group.size() < 2) continue;
    json ids = json::array();
    for (SpeakerId s : group) ids.push_back(corpus.speakers[s].id);
    duplicates.push_back({{"name", corpus.speakers[group.front()].name}, {"ids", ids}});
  }
  return duplicates;
}

}  // namespace

json quote_record(const Corpus& corpus, QuoteIndex q) {
  const QuoteTable& quotes = corpus.quotes;
  const Speaker& speaker = corpus.speakers[quotes.speaker[q]];
  json record{{"id", quotes.id[q]},
              {"article", corpus.articles[quotes.article[q]].id},
              {"speaker", speaker.id},
              {"speaker_name", speaker.name},
              {"country", country_json(quotes.country[q])},
              {"kind", kind_name(quotes.kind[q])},
              {"text", corpus.quote_text(q)}};
  // Only quotes that carry one (extracted ones): hand-annotated records keep their seven keys.
  if (quotes.confidence[q] != kNoConfidence) record["confidence"] = quotes.confidence[q] / 100.0;
  return record;
}

std::string export_quotes(const Corpus& corpus, const std::vector<QuoteIndex>& quotes, ExportFormat format) {
  switch (format) {
    case ExportFormat::Csv: return to_csv(corpus, quotes);
    case ExportFormat::Text: return to_text(corpus, quotes);
    case ExportFormat::Json: break;
  }
  json records = json::array();
  for (QuoteIndex q : quotes) records.push_back(quote_record(corpus, q));
  return records.dump(2, ' ', false, json::error_handler_t::replace);
}

namespace {

json or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json speaker_json(const Speaker& speaker) {
  return json{{"id", speaker.id},
              {"name", speaker.name},
              {"aliases", speaker.aliases},
              {"role", or_null(speaker.role)},
              {"kind", speaker_kind_name(speaker.kind)},
              {"country", country_json(speaker.country)}};
}

json article_quote_json(const QuoteTable& quotes, const Corpus& corpus, QuoteIndex q) {
  const Corpus::CodePointSpan span = corpus.quote_code_points(q);
  json quote{{"id", quotes.id[q]},
             {"speaker", corpus.speakers[quotes.speaker[q]].id},
             {"kind", kind_name(quotes.kind[q])},
             {"text", corpus.quote_text(q)},
             {"paragraph", quotes.paragraph[q]},
             {"start", span.start},
             {"end", span.end}};
  if (!quotes.cue[q].empty()) quote["cue"] = quotes.cue[q];
  if (quotes.confidence[q] != kNoConfidence) quote["confidence"] = quotes.confidence[q] / 100.0;
  if (quotes.reviewed[q]) quote["reviewed"] = true;
  return quote;
}

}  // namespace

json export_article(const Corpus& corpus, ArticleId id) {
  const Article& article = corpus.articles[id];
  const QuoteTable& quotes = corpus.quotes;
  json out{{"format", std::string(kArticleFormat)},
           {"id", article.id},
           {"title", article.title},
           {"source", {{"name", or_null(article.source.name)}, {"url", or_null(article.source.url)}}},
           {"dateline", or_null(article.dateline)},
           {"published", or_null(article.published)},
           {"language", or_null(article.language)},
           {"paragraphs", json::array()}};
  json& paragraphs = out["paragraphs"];
  for (std::uint32_t p = 0; p < article.paragraph_count; ++p) paragraphs.push_back(corpus.paragraph(article, p));
  if (article.extracted) out["extracted"] = {{"by", article.extracted_by}, {"reviewed", article.reviewed}};
  std::vector<bool> named(corpus.speakers.size(), corpus.articles.size() == 1);
  for (QuoteIndex q = article.first_quote; q < article.first_quote + article.quote_count; ++q)
    named[quotes.speaker[q]] = true;
  json speakers = json::array();
  for (SpeakerId s = 0; s < corpus.speakers.size(); ++s)
    if (named[s]) speakers.push_back(speaker_json(corpus.speakers[s]));
  out["speakers"] = std::move(speakers);
  json quote_list = json::array();
  for (QuoteIndex q = article.first_quote; q < article.first_quote + article.quote_count; ++q)
    quote_list.push_back(article_quote_json(quotes, corpus, q));
  out["quotes"] = std::move(quote_list);
  return out;
}

namespace {

std::string html_attribute(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string embed_code(std::string_view article_url, std::string_view embed_js_url) {
  return "<div data-quote-explorer data-src=\"" + html_attribute(article_url) + "\"></div>\n<script src=\"" +
         html_attribute(embed_js_url) + "\" async></script>\n";
}

std::string export_stats(const Corpus& corpus, const FilterResult& counts) {
  json speakers = json::array();
  for (std::size_t s : ranked(counts.speaker_counts)) {
    const Speaker& speaker = corpus.speakers[s];
    speakers.push_back({{"id", speaker.id}, {"name", speaker.name}, {"role", speaker.role},
                        {"country", country_json(speaker.country)}, {"quotes", counts.speaker_counts[s]}});
  }
  json countries = json::array();
  for (std::size_t slot : ranked(counts.country_counts)) {
    const CountryId id = slot == country_count() ? kNoCountry : static_cast<CountryId>(slot);
    countries.push_back({{"code", country_json(id)}, {"name", country_name(id)}, {"quotes", counts.country_counts[slot]}});
  }
  json kinds = json::object();
  for (std::size_t k = 0; k < kQuoteKindCount; ++k) kinds[std::string(kind_name(static_cast<QuoteKind>(k)))] = counts.kind_counts[k];
  const json stats = {{"articles", corpus.articles.size()}, {"quotes", counts.visible.size()},
                      {"speakers", speakers}, {"countries", countries}, {"kinds", kinds},
                      {"duplicate_names", duplicate_names(corpus)}};
  return stats.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace qe

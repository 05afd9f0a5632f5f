#include "core/review.h"

#include <algorithm>
#include <cstdlib>

#include "core/export.h"
#include "core/utf8.h"

namespace qe::review {
namespace {

using json = nlohmann::ordered_json;

// [SECTION] Finding things in the document

json* find_by_id(json& list, std::string_view id) {
  for (json& item : list)
    if (item.value("id", "") == id) return &item;
  return nullptr;
}

// An edit names a quote or speaker that the document lost (an outdated UI): say which.
std::string missing(std::string_view what, std::string_view id) {
  return "No " + std::string(what) + " with id \"" + std::string(id) + "\" in this article.";
}

std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (std::size_t at = 0; at < text.size();) {
    char32_t c = 0;
    const std::size_t length = utf8::decode_at(text, at, c);
    if (!length) break;  // the loader accepted the document, so this never happens
    out.push_back(c);
    at += length;
  }
  return out;
}

bool is_blank(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x202F || c == 0x3000;
}

// Marks that open or close a quotation; annotated spans leave them out.
bool is_double_mark(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB || c == 0x2039 ||
         c == 0x203A || c == 0x300C || c == 0x300D;
}
bool is_single_mark(char32_t c) { return c == '\'' || c == 0x2018 || c == 0x2019; }

struct Span {
  std::uint32_t start = 0, end = 0;
};

Span trim(const std::u32string& text, Span span) {
  auto shrink = [&] {
    bool changed = false;
    while (span.start < span.end && is_blank(text[span.start])) ++span.start, changed = true;
    while (span.end > span.start && is_blank(text[span.end - 1])) --span.end, changed = true;
    if (span.start < span.end && is_double_mark(text[span.start])) ++span.start, changed = true;
    if (span.end > span.start && is_double_mark(text[span.end - 1])) --span.end, changed = true;
    // Single marks only as a pair: "Jones’" keeps its apostrophe.
    if (span.end - span.start >= 2 && is_single_mark(text[span.start]) && is_single_mark(text[span.end - 1]))
      ++span.start, --span.end, changed = true;
    return changed;
  };
  while (shrink()) {}
  return span;
}

// [SECTION] Changing quotes and speakers

class Editor {
 public:
  explicit Editor(json& document) : document_(document) {}

  std::string set_span(json& quote, std::uint32_t paragraph, Span span, bool trimmed) {
    const json& paragraphs = document_["paragraphs"];
    if (paragraph >= paragraphs.size()) return "Paragraph " + std::to_string(paragraph) + " does not exist.";
    const std::string& text = paragraphs[paragraph].get_ref<const std::string&>();
    const std::u32string points = code_points(text);
    if (span.end > points.size() || span.start >= span.end) return "The selection is outside the paragraph.";
    if (trimmed) span = trim(points, span);
    if (span.start >= span.end) return "The selection holds no words: select the quote's words.";
    const std::vector<std::uint32_t> offsets = utf8::code_point_offsets(text);
    quote["paragraph"] = paragraph;
    quote["start"] = span.start;
    quote["end"] = span.end;
    quote["text"] = text.substr(offsets[span.start], offsets[span.end] - offsets[span.start]);
    return {};
  }

  std::string move_edge(json& quote, Edge edge, int words) {
    const std::uint32_t paragraph = quote["paragraph"].get<std::uint32_t>();
    const std::u32string text = code_points(document_["paragraphs"][paragraph].get_ref<const std::string&>());
    Span span{quote["start"].get<std::uint32_t>(), quote["end"].get<std::uint32_t>()};
    for (int step = 0; step < std::abs(words); ++step) {
      const bool extend = words > 0;
      if (edge == Edge::Start) span.start = extend ? word_start_before(text, span.start) : word_start_after(text, span.start, span.end);
      else span.end = extend ? word_end_after(text, span.end) : word_end_before(text, span.start, span.end);
    }
    if (span.start >= span.end) return "A quote keeps at least one word: delete it instead.";
    return set_span(quote, paragraph, span, /*trimmed=*/false);
  }

  // The speaker's id, adding a person named `choice.new_name` when no speaker has that name.
  std::string resolve(const SpeakerChoice& choice, std::string& error) {
    json& speakers = document_["speakers"];
    if (!choice.id.empty()) {
      if (!find_by_id(speakers, choice.id)) error = missing("speaker", choice.id);
      return choice.id;
    }
    const std::string name = trimmed(choice.new_name);
    if (name.empty()) {
      error = "Choose a speaker, or type the new speaker's name.";
      return {};
    }
    const std::string key = utf8::search_key(name);
    for (const json& speaker : speakers)
      if (utf8::search_key(speaker.value("name", "")) == key) return speaker["id"].get<std::string>();
    const std::string id = unused_speaker_id(document_, name);
    speakers.push_back(json{{"id", id}, {"name", name}, {"aliases", json::array()}, {"role", nullptr},
                            {"kind", "person"}, {"country", nullptr}});
    return id;
  }

  std::string new_quote_id() {
    std::uint64_t highest = 0;
    for (const json& quote : document_["quotes"]) {
      const std::string id = quote.value("id", "");
      const bool digits = std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (id.size() > 1 && id.size() < 18 && id[0] == 'q' && digits)
        highest = std::max<std::uint64_t>(highest, std::stoull(id.substr(1)));
    }
    std::string id = "q" + std::to_string(highest + 1);
    while (find_by_id(document_["quotes"], id)) id += "-new";
    return id;
  }

  static std::string trimmed(std::string_view text) {
    const std::u32string points = code_points(text);
    const Span span = trim(points, Span{0, static_cast<std::uint32_t>(points.size())});
    std::string out;
    for (std::uint32_t i = span.start; i < span.end; ++i) utf8::append(out, points[i]);
    return out;
  }

 private:
  static std::uint32_t word_start_before(const std::u32string& text, std::uint32_t at) {
    while (at > 0 && is_blank(text[at - 1])) --at;
    while (at > 0 && !is_blank(text[at - 1])) --at;
    return at;
  }
  static std::uint32_t word_start_after(const std::u32string& text, std::uint32_t at, std::uint32_t end) {
    while (at < end && !is_blank(text[at])) ++at;
    while (at < end && is_blank(text[at])) ++at;
    return at;
  }
  static std::uint32_t word_end_after(const std::u32string& text, std::uint32_t at) {
    const auto size = static_cast<std::uint32_t>(text.size());
    while (at < size && is_blank(text[at])) ++at;
    while (at < size && !is_blank(text[at])) ++at;
    return at;
  }
  static std::uint32_t word_end_before(const std::u32string& text, std::uint32_t start, std::uint32_t at) {
    while (at > start && !is_blank(text[at - 1])) --at;
    while (at > start && is_blank(text[at - 1])) --at;
    return at;
  }

  json& document_;
};

std::vector<std::string> clean_aliases(const std::vector<std::string>& aliases, const std::string& name) {
  std::vector<std::string> out;
  for (const std::string& alias : aliases) {
    const std::string clean = Editor::trimmed(alias);
    if (clean.empty() || clean == name || std::find(out.begin(), out.end(), clean) != out.end()) continue;
    out.push_back(clean);
  }
  return out;
}

// Each Edit as a change of the document; returns an error, or "" and the quote it touched.
struct Apply {
  json& document;
  std::string& quote_touched;

  json* quote(const std::string& id, std::string& error) {
    json* found = find_by_id(document["quotes"], id);
    if (!found) error = missing("quote", id);
    quote_touched = id;
    return found;
  }

  std::string operator()(const Reattribute& edit) {
    std::string error;
    json* q = quote(edit.quote, error);
    if (!q) return error;
    const std::string speaker = Editor(document).resolve(edit.speaker, error);
    if (!error.empty()) return error;
    (*q)["speaker"] = speaker;
    return {};
  }
  std::string operator()(const SetKind& edit) {
    std::string error;
    json* q = quote(edit.quote, error);
    if (q) (*q)["kind"] = std::string(kind_name(edit.kind));
    return error;
  }
  std::string operator()(const MoveEdge& edit) {
    std::string error;
    json* q = quote(edit.quote, error);
    return q ? Editor(document).move_edge(*q, edit.edge, edit.words) : error;
  }
  std::string operator()(const SetSpan& edit) {
    std::string error;
    json* q = quote(edit.quote, error);
    return q ? Editor(document).set_span(*q, edit.paragraph, Span{edit.start, edit.end}, true) : error;
  }
  std::string operator()(const DeleteQuote& edit) {
    quote_touched = edit.quote;  // undo brings it back selected
    json& quotes = document["quotes"];
    const auto before = quotes.size();
    quotes.erase(std::remove_if(quotes.begin(), quotes.end(),
                                [&](const json& q) { return q.value("id", "") == edit.quote; }),
                 quotes.end());
    return quotes.size() == before ? missing("quote", edit.quote) : std::string();
  }
  std::string operator()(const AddQuote& edit) {
    Editor editor(document);
    std::string error;
    const std::string speaker = editor.resolve(edit.speaker, error);
    if (!error.empty()) return error;
    json quote{{"id", editor.new_quote_id()}, {"speaker", speaker}, {"kind", std::string(kind_name(edit.kind))}};
    if (std::string span_error = editor.set_span(quote, edit.paragraph, Span{edit.start, edit.end}, true);
        !span_error.empty())
      return span_error;
    quote["reviewed"] = true;  // a person chose it
    quote_touched = quote["id"].get<std::string>();
    document["quotes"].push_back(std::move(quote));
    return {};
  }
  std::string operator()(const EditSpeaker& edit) {
    json* speaker = find_by_id(document["speakers"], edit.speaker);
    if (!speaker) return missing("speaker", edit.speaker);
    const std::string name = Editor::trimmed(edit.fields.name);
    if (name.empty()) return "A speaker needs a name.";
    json country = nullptr;
    if (!edit.fields.country.empty()) {
      std::string code = edit.fields.country;
      for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const auto id = find_country(code);
      if (!id) return "Unknown country code \"" + edit.fields.country + "\": expected an ISO 3166-1 code such as RU.";
      country = std::string(country_code(*id));
    }
    const std::string role = Editor::trimmed(edit.fields.role);
    (*speaker)["name"] = name;
    (*speaker)["aliases"] = clean_aliases(edit.fields.aliases, name);
    (*speaker)["role"] = role.empty() ? json(nullptr) : json(role);
    (*speaker)["kind"] = std::string(speaker_kind_name(edit.fields.kind));
    (*speaker)["country"] = country;
    return {};
  }
  std::string operator()(const MergeSpeakers& edit) {
    json& speakers = document["speakers"];
    json* from = find_by_id(speakers, edit.from);
    json* into = find_by_id(speakers, edit.into);
    if (!from) return missing("speaker", edit.from);
    if (!into) return missing("speaker", edit.into);
    if (from == into) return "A speaker cannot be merged into itself.";
    std::vector<std::string> aliases = (*into).value("aliases", std::vector<std::string>{});
    aliases.push_back((*from)["name"].get<std::string>());
    for (const std::string& alias : (*from).value("aliases", std::vector<std::string>{})) aliases.push_back(alias);
    (*into)["aliases"] = clean_aliases(aliases, (*into)["name"].get<std::string>());
    if ((*into)["country"].is_null()) (*into)["country"] = (*from)["country"];
    for (json& q : document["quotes"])
      if (q["speaker"] == edit.from) q["speaker"] = edit.into;
    speakers.erase(std::remove_if(speakers.begin(), speakers.end(),
                                  [&](const json& s) { return s.value("id", "") == edit.from; }),
                   speakers.end());
    return {};
  }
  std::string operator()(const Accept& edit) {
    std::string error;
    json* q = quote(edit.quote, error);
    if (!q) return error;
    if (edit.accepted) (*q)["reviewed"] = true;
    else q->erase("reviewed");
    return {};
  }
};

const json& quotes_of(const json& document) {
  static const json kNone = json::array();
  const auto it = document.find("quotes");
  return it != document.end() && it->is_array() ? *it : kNone;
}

bool all_accepted(const json& document) {
  const json& quotes = quotes_of(document);
  return std::all_of(quotes.begin(), quotes.end(), [](const json& q) { return q.value("reviewed", false); });
}

}  // namespace

std::string unused_speaker_id(const json& document, std::string_view name) {
  std::string base;
  for (const char c : utf8::search_key(name)) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) base += c;
    else if (!base.empty() && base.back() != '-') base += '-';
  }
  while (!base.empty() && base.back() == '-') base.pop_back();
  if (base.empty()) base = "speaker";
  static const json kNone = json::array();
  const json& speakers = document.contains("speakers") ? document["speakers"] : kNone;
  auto used = [&](const std::string& id) {
    return std::any_of(speakers.begin(), speakers.end(), [&](const json& s) { return s.value("id", "") == id; });
  };
  std::string id = base;
  for (int n = 2; used(id); ++n) id = base + "-" + std::to_string(n);
  return id;
}

std::optional<Session> Session::start(const Explorer& explorer, std::string* why) {
  if (!explorer.has_corpus() || explorer.corpus().articles.size() != 1) {
    if (why) *why = "Review works on one article at a time: open the article on its own.";
    return std::nullopt;
  }
  return Session(export_article(explorer.corpus(), 0));
}

std::optional<Session> Session::resume(std::string_view article_json, std::string_view name, Explorer& explorer,
                                       std::string* why) {
  // Through the loader, so the draft gets its checks and messages (and one JSON parser
  // serves the whole program: the wasm download stays small).
  Explorer candidate;
  const std::vector<LoadError> errors = candidate.load(article_json, name);
  if (!errors.empty() || candidate.corpus().articles.size() != 1) {
    if (why) *why = errors.empty() ? std::string(name) + ": expected one article" : describe_errors(errors);
    return std::nullopt;
  }
  auto session = start(candidate, why);
  if (session && !explorer.load(session->document_.dump(), name).empty()) return std::nullopt;  // valid: never
  return session;
}

std::string Session::show(const json& document, const std::string& quote, Explorer& explorer) const {
  const std::vector<LoadError> errors =
      explorer.reload(document.dump(), document.value("id", ""), quote);
  return errors.empty() ? std::string() : describe_errors(errors);
}

EditResult Session::apply(const Edit& edit, Explorer& explorer) {
  json next = document_;
  EditResult result;
  result.error = std::visit(Apply{next, result.quote}, edit);
  if (!result.ok()) return result;
  if (next.contains("extracted") && next["extracted"].is_object()) next["extracted"]["reviewed"] = all_accepted(next);
  if (next == document_) return result;
  result.error = show(next, result.quote, explorer);
  if (!result.ok()) return result;
  undo_.push_back(Step{std::move(document_), result.quote});
  if (undo_.size() > kMaxUndo) undo_.erase(undo_.begin());
  redo_.clear();
  document_ = std::move(next);
  ++revision_;
  return result;
}

bool Session::restore(std::vector<Step>& from, std::vector<Step>& to, Explorer& explorer) {
  if (from.empty()) return false;
  Step step = std::move(from.back());
  from.pop_back();
  // The loader accepted this document before, so showing it again cannot fail.
  if (!show(step.document, step.quote, explorer).empty()) return false;
  to.push_back(Step{std::move(document_), step.quote});
  document_ = std::move(step.document);
  ++revision_;
  return true;
}

bool Session::undo(Explorer& explorer) { return restore(undo_, redo_, explorer); }
bool Session::redo(Explorer& explorer) { return restore(redo_, undo_, explorer); }

std::size_t Session::quote_count() const { return quotes_of(document_).size(); }

std::size_t Session::accepted_count() const {
  const json& quotes = quotes_of(document_);
  return static_cast<std::size_t>(
      std::count_if(quotes.begin(), quotes.end(), [](const json& q) { return q.value("reviewed", false); }));
}

namespace {

// Sets `why` and gives "nothing", for any of the parsers below.
struct Refusal {
  template <typename T>
  operator std::optional<T>() const { return std::nullopt; }
};

Refusal Refused(std::string* why, std::string message) {
  if (why) *why = std::move(message);
  return {};
}

std::string StringField(const nlohmann::json& value, const char* key) {
  const auto it = value.find(key);
  return it != value.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<QuoteKind> KindField(const nlohmann::json& value, std::string* why) {
  if (auto kind = parse_kind(StringField(value, "kind"))) return kind;
  return Refused(why, "\"kind\" must be \"direct\", \"indirect\" or \"mixed\"");
}

// `what`: "a speaker edit", "a new quote".
std::optional<SpeakerChoice> SpeakerField(const nlohmann::json& value, const char* what, std::string* why) {
  SpeakerChoice speaker{StringField(value, "speaker"), StringField(value, "newSpeaker")};
  if (speaker.id.empty() != speaker.new_name.empty()) return speaker;
  return Refused(why, std::string(what) + " needs \"speaker\" (an id) or \"newSpeaker\" (a name)");
}

std::optional<std::uint32_t> Offset(const nlohmann::json& value, const char* key) {
  const auto it = value.find(key);
  if (it == value.end() || !it->is_number_unsigned() || it->get<std::uint64_t>() > 0xFFFFFFFFu) return std::nullopt;
  return static_cast<std::uint32_t>(it->get<std::uint64_t>());
}

std::optional<Edit> ParseEditOfQuote(const nlohmann::json& value, const std::string& type, std::string quote,
                                     std::string* why) {
  if (type == "accept") {
    const auto accepted = value.find("accepted");
    if (accepted != value.end() && !accepted->is_boolean()) return Refused(why, "\"accepted\" must be true or false");
    return Accept{std::move(quote), accepted == value.end() || accepted->get<bool>()};
  }
  if (type == "kind") {
    const auto kind = KindField(value, why);
    return kind ? std::optional<Edit>(SetKind{std::move(quote), *kind}) : std::nullopt;
  }
  if (type == "speaker") {
    auto speaker = SpeakerField(value, "a speaker edit", why);
    return speaker ? std::optional<Edit>(Reattribute{std::move(quote), std::move(*speaker)}) : std::nullopt;
  }
  if (type == "delete") return DeleteQuote{std::move(quote)};
  if (type == "edge") {
    const std::string edge = StringField(value, "edge");
    const auto words = value.find("words");
    if ((edge != "start" && edge != "end") || words == value.end() || !words->is_number_integer() ||
        words->get<std::int64_t>() == 0 || std::abs(words->get<std::int64_t>()) > 1000)
      return Refused(why, "an edge edit needs \"edge\": \"start\" or \"end\", and \"words\": a whole number, not 0");
    return MoveEdge{std::move(quote), edge == "start" ? Edge::Start : Edge::End, static_cast<int>(words->get<std::int64_t>())};
  }
  return Refused(why, "unknown edit type \"" + type + "\": expected accept, kind, speaker, delete, edge or add");
}

std::optional<Edit> ParseAddQuote(const nlohmann::json& value, std::string* why) {
  const auto paragraph = Offset(value, "paragraph"), start = Offset(value, "start"), end = Offset(value, "end");
  if (!paragraph || !start || !end)
    return Refused(why, "a new quote needs \"paragraph\", \"start\" and \"end\": whole numbers, 0 or more");
  const auto kind = KindField(value, why);
  auto speaker = kind ? SpeakerField(value, "a new quote", why) : std::nullopt;
  if (!speaker) return std::nullopt;
  return AddQuote{*paragraph, *start, *end, *kind, std::move(*speaker)};
}

}  // namespace

std::optional<Edit> parse_edit(const nlohmann::json& value, std::string* why) {
  if (!value.is_object()) return Refused(why, "an edit must be an object");
  if (StringField(value, "type") == "add") return ParseAddQuote(value, why);
  std::string quote = StringField(value, "quote");
  if (quote.empty()) return Refused(why, "an edit needs \"quote\": the id of a quote of the article");
  return ParseEditOfQuote(value, StringField(value, "type"), std::move(quote), why);
}

}  // namespace qe::review

// review.h: an editor's corrections to one article, each an Edit that keeps the article
// valid, with undo and redo.
//
// The document is the article's JSON (export_article of what the explorer shows). Every edit
// changes a copy, and the copy replaces the explorer's corpus only when the loader accepts
// it, so an edit either applies whole or changes nothing and says why: the loader's rules
// run on every edit, not only on save.
//
//   auto session = qe::review::Session::start(explorer);           // one article loaded
//   auto result = session->apply(qe::review::SetKind{"q3", qe::QuoteKind::Mixed}, explorer);
//   if (!result.error.empty()) show(result.error);
//   session->undo(explorer);
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/explorer.h"

namespace qe::review {

// A quote's speaker: an existing speaker id, or a new person named `new_name` (`id` empty).
struct SpeakerChoice {
  std::string id;
  std::string new_name;
};

struct Reattribute {
  std::string quote;
  SpeakerChoice speaker;
};

struct SetKind {
  std::string quote;
  QuoteKind kind = QuoteKind::Direct;
};

enum class Edge : std::uint8_t { Start, End };

// Moves one end of a quote by whole words: `words` > 0 extends the span, < 0 shrinks it.
struct MoveEdge {
  std::string quote;
  Edge edge = Edge::End;
  int words = 1;
};

// A new span for a quote, in code points of its paragraph; blanks and quotation marks at
// either end are trimmed, as annotations leave them out.
struct SetSpan {
  std::string quote;
  std::uint32_t paragraph = 0, start = 0, end = 0;
};

struct DeleteQuote {
  std::string quote;
};

struct AddQuote {
  std::uint32_t paragraph = 0, start = 0, end = 0;  // trimmed like SetSpan
  QuoteKind kind = QuoteKind::Direct;
  SpeakerChoice speaker;
};

struct SpeakerFields {
  std::string name, role;
  std::vector<std::string> aliases;
  SpeakerKind kind = SpeakerKind::Person;
  std::string country;  // ISO 3166-1 alpha-2, or "" when the text does not tell
};

struct EditSpeaker {
  std::string speaker;
  SpeakerFields fields;
};

// `from`'s quotes go to `into`, its name and aliases become aliases of `into`, and it is removed.
struct MergeSpeakers {
  std::string from, into;
};

// Marks a quote reviewed ("accept") or not.
struct Accept {
  std::string quote;
  bool accepted = true;
};

using Edit = std::variant<Reattribute, SetKind, MoveEdge, SetSpan, DeleteQuote, AddQuote, EditSpeaker,
                          MergeSpeakers, Accept>;

struct EditResult {
  std::string error;  // empty when the edit applied; else why nothing changed
  std::string quote;  // the quote the edit touched (a new quote's id), to select
  bool ok() const { return error.empty(); }
};

class Session {
 public:
  // Reviews the one article the explorer shows; nullopt (and `why`) for a corpus.
  static std::optional<Session> start(const Explorer& explorer, std::string* why = nullptr);
  // Shows `article_json` (one article, as kept from an earlier session) and reviews it; on
  // failure the explorer keeps what it showed and `why` holds the loader's errors.
  static std::optional<Session> resume(std::string_view article_json, std::string_view name, Explorer& explorer,
                                       std::string* why);

  EditResult apply(const Edit& edit, Explorer& explorer);
  bool undo(Explorer& explorer);
  bool redo(Explorer& explorer);
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }

  const nlohmann::ordered_json& document() const { return document_; }
  std::size_t quote_count() const;
  std::size_t accepted_count() const;
  // Increments on every change of the document (edits, undo, redo): when to save a draft.
  std::uint64_t revision() const { return revision_; }

  static constexpr std::size_t kMaxUndo = 200;

 private:
  struct Step {
    nlohmann::ordered_json document;
    std::string quote;  // selected when this step is restored
  };
  explicit Session(nlohmann::ordered_json document) : document_(std::move(document)) {}
  std::string show(const nlohmann::ordered_json& document, const std::string& quote, Explorer& explorer) const;
  bool restore(std::vector<Step>& from, std::vector<Step>& to, Explorer& explorer);

  nlohmann::ordered_json document_;
  std::vector<Step> undo_, redo_;
  std::uint64_t revision_ = 0;
};

// An edit as the JS API (QuoteExplorer.review.edit) and the page's accessible controls give
// it: {"type": "accept", "quote": id, "accepted": true|false (default true)},
// {"type": "kind", "quote", "kind"}, {"type": "speaker", "quote", "speaker": id} or
// {"type": "speaker", "quote", "newSpeaker": name}, {"type": "delete", "quote"},
// {"type": "edge", "quote", "edge": "start"|"end", "words": n (> 0 extends, < 0 shrinks)},
// and a new quote: {"type": "add", "paragraph", "start", "end" (code points, as in article
// JSON), "kind", and "speaker" or "newSpeaker"}. nullopt and `why` when it is none of these.
std::optional<Edit> parse_edit(const nlohmann::json& value, std::string* why);

// A speaker id for `name` that `document`'s speakers do not use yet: "jane-doe", "jane-doe-2".
std::string unused_speaker_id(const nlohmann::ordered_json& document, std::string_view name);

}  // namespace qe::review

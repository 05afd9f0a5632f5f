// libFuzzer: any sequence of edits (one JSON value a line, as QuoteExplorer.review.edit
// takes them) either applies or is refused with a reason; after each one the article under
// review still loads, and undoing every applied edit gives back the article as it began.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/explorer.h"
#include "core/json_text.h"
#include "core/loader.h"
#include "core/review.h"

namespace {

// Two paragraphs, two speakers, three quotes: enough for spans to meet, kinds and speakers
// to change, and a merge target to exist.
constexpr std::string_view kArticle = R"({"format": "quote-explorer/article@1", "id": "a", "title": "T",
  "paragraphs": ["“We will not give up,” the minister said on Monday. “Never.”", "Kyiv said talks would go on."],
  "speakers": [{"id": "minister", "name": "Olena Minister", "country": "UA"},
               {"id": "kyiv", "name": "Ukrainian government", "kind": "organization", "country": "UA"}],
  "quotes": [
    {"id": "q1", "speaker": "minister", "kind": "direct", "text": "We will not give up,", "paragraph": 0, "start": 1, "end": 21},
    {"id": "q2", "speaker": "minister", "kind": "direct", "text": "Never.", "paragraph": 0, "start": 53, "end": 59},
    {"id": "q3", "speaker": "kyiv", "kind": "indirect", "text": "talks would go on", "paragraph": 1, "start": 10, "end": 27}]})";

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  qe::Explorer explorer;
  Check(explorer.load(kArticle, "a.json").empty());
  auto session = qe::review::Session::start(explorer);
  Check(session.has_value());
  const std::string original = session->document().dump();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  int applied = 0;
  for (int lines = 0; !input.empty() && lines < 32; ++lines) {
    const std::size_t end = std::min(input.find('\n'), input.size());
    const auto value = qe::json_text::parse_value(input.substr(0, end));
    input.remove_prefix(std::min(end + 1, input.size()));
    std::string why;
    const auto edit = value ? qe::review::parse_edit(*value, &why) : std::nullopt;
    if (!edit) continue;
    if (session->apply(*edit, explorer).ok()) ++applied;
    Check(qe::load_corpus(session->document().dump(), "reviewed.json").ok());
  }
  for (; applied > 0; --applied) Check(session->undo(explorer));
  Check(session->document().dump() == original);
  return 0;
}

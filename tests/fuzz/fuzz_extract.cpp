// libFuzzer: the extractor turns any bytes, read as plain text and as an HTML page, into
// article JSON the loader accepts, or into an error; never a crash, never invalid output.
// The same bytes read as known speakers must give speakers or an error, and extraction
// with those speakers must again give loadable JSON.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/loader.h"
#include "extract/extract.h"

namespace {

// Aborts, showing why, unless the result is exactly one of an article the loader accepts
// or a described error.
void check(const qe::extract::ExtractResult& result) {
  if (result.ok() == result.error.has_value()) std::abort();
  if (!result.ok()) {
    if (result.error->message.empty()) std::abort();
    return;
  }
  const qe::LoadResult loaded = qe::load_corpus(result.article->dump(), "extracted.json");
  if (loaded.ok()) return;
  std::fprintf(stderr, "extracted article rejected by the loader:\n%s\n%s\n", qe::describe_errors(loaded.errors).c_str(),
               result.article->dump(2).c_str());
  std::abort();
}

constexpr std::string_view kStory =
    "Harbour reopens\n\n“We are back to normal,” the harbour master said on Monday.\n\n"
    "Officials said ferries would resume on Friday.";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  qe::extract::Options options;
  for (const auto format : {qe::extract::InputFormat::Text, qe::extract::InputFormat::Html}) {
    options.format = format;
    check(qe::extract::extract_article(input, "fuzz.html", options));
  }
  const qe::extract::KnownSpeakersResult speakers = qe::extract::read_known_speakers(input, "speakers.json");
  if (speakers.error && speakers.error->message.empty()) std::abort();
  if (!speakers.error && !speakers.speakers.empty()) {
    qe::extract::Options with_speakers;
    with_speakers.known_speakers = speakers.speakers;
    check(qe::extract::extract_article(kStory, "story.txt", with_speakers));
  }
  return 0;
}

#include "core/explorer.h"

#include <algorithm>
#include <chrono>

namespace qe {

std::vector<LoadError> Explorer::load(std::string_view text, std::string_view file_name, const LoadLimits& limits) {
  return load(load_corpus(text, file_name, limits), file_name);
}

std::vector<LoadError> Explorer::load(LoadResult loaded, std::string_view file_name) {
  if (!loaded.ok()) return std::move(loaded.errors);
  adopt(std::move(loaded));
  file_name_ = std::string(file_name);
  filter_ = Filter{};
  selected_.reset();
  review_order_ = false;  // a new corpus is not under review
  refilter();
  return {};
}

std::vector<LoadError> Explorer::reload(std::string_view text, std::string_view article_id, std::string_view quote_id) {
  LoadResult loaded = load_corpus(text, file_name_);
  if (!loaded.ok()) return std::move(loaded.errors);
  adopt(std::move(loaded));
  filter_ = canonical_filter(*corpus_, filter_);
  selected_ = corpus_->find_quote(article_id, quote_id);
  refilter();
  return {};
}

void Explorer::adopt(LoadResult loaded) {
  corpus_ = std::move(loaded.corpus);
  skipped_ = std::move(loaded.skipped);
  ++corpus_generation_;
  matched_text_.clear();
  text_search_ = TextSearch{};  // its matches index the old corpus
}

void Explorer::set_review_order(bool on) {
  if (on == review_order_) return;
  review_order_ = on;
  if (corpus_) refilter();
}

void Explorer::set_filter(const Filter& filter) {
  if (!corpus_) return;
  const Filter canonical = canonical_filter(*corpus_, filter);
  if (canonical == filter_) return;
  filter_ = canonical;
  refilter();
}

void Explorer::refilter() {
  if (filter_.text != matched_text_) {
    // Text search is the only step that reads text, so keep its answer while facets change,
    // and start the next search from it (a keystroke usually refines the last search).
    text_search_ = filter_.text.empty() ? TextSearch{} : search_text(*corpus_, filter_.text, std::move(text_search_));
    matched_text_ = filter_.text;
  }
  result_ = apply_filter(*corpus_, filter_, &text_search_.quotes, std::move(result_));
  if (review_order_) sort_for_review(result_.visible);
  if (!selected_row()) {
    selected_.reset();
    if (!result_.visible.empty()) selected_ = result_.visible.front();
  }
  ++revision_;
}

bool Explorer::has_idle_work() const {
  return needs_locating(text_search_) || (corpus_ && corpus_->text_index_pending());
}

void Explorer::do_idle_work(double budget_ms) {
  // Each about a millisecond or less: 256 kB of keys to locate matches in; one of the text
  // index's two passes over 2,048 quotes, with lookups in tables too big for the cache.
  constexpr std::size_t kMatchesPerSlice = 4096;
  constexpr std::uint32_t kQuotesToIndexPerSlice = 2048;
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration<double, std::milli>(budget_ms);
  while (has_idle_work() && Clock::now() < deadline) {
    if (needs_locating(text_search_)) {
      locate_matches(*corpus_, text_search_, kMatchesPerSlice);
    } else {
      corpus_->build_text_index_slice(kQuotesToIndexPerSlice);
    }
  }
}

void Explorer::sort_for_review(std::vector<QuoteIndex>& quotes) const {
  const QuoteTable& table = corpus_->quotes;
  // Hand-annotated quotes carry no confidence (kNoConfidence, 255), so they come last.
  std::stable_sort(quotes.begin(), quotes.end(), [&table](QuoteIndex a, QuoteIndex b) {
    if (table.reviewed[a] != table.reviewed[b]) return table.reviewed[a] < table.reviewed[b];
    return table.confidence[a] < table.confidence[b];
  });
}

std::optional<std::size_t> Explorer::selected_row() const {
  if (!selected_) return std::nullopt;
  const auto& visible = result_.visible;
  if (review_order_) {
    const auto it = std::find(visible.begin(), visible.end(), *selected_);
    if (it == visible.end()) return std::nullopt;
    return static_cast<std::size_t>(it - visible.begin());
  }
  const auto it = std::lower_bound(visible.begin(), visible.end(), *selected_);
  if (it == visible.end() || *it != *selected_) return std::nullopt;
  return static_cast<std::size_t>(it - visible.begin());
}

void Explorer::select(QuoteIndex quote) {
  if (selected_ == quote) return;
  const std::optional<QuoteIndex> before = selected_;
  selected_ = quote;
  if (!selected_row()) {
    selected_ = before;
    return;
  }
  ++revision_;
}

void Explorer::move_selection(int delta) {
  const auto& visible = result_.visible;
  if (visible.empty()) return;
  const auto row = static_cast<long>(selected_row().value_or(0));
  const long last = static_cast<long>(visible.size()) - 1;
  select(visible[static_cast<std::size_t>(std::clamp(row + delta, 0L, last))]);
}

}  // namespace qe

// explorer.h: the state every front end shows: the corpus, the filter, its result, the
// selected quote. Front ends (web, native GUI) own one Explorer and change it only through
// these calls, so the JS API, the URL hash and the UI can never disagree.
//
// A failed load leaves everything as it was; the errors say why.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/filter.h"
#include "core/loader.h"

namespace qe {

class Explorer {
 public:
  // Replaces the corpus when `text` is valid (and resets filter and selection), otherwise
  // changes nothing and returns the errors.
  std::vector<LoadError> load(std::string_view text, std::string_view file_name, const LoadLimits& limits = {});
  // The same for a corpus already loaded (StreamLoader::finish): adopted when it is ok.
  std::vector<LoadError> load(LoadResult loaded, std::string_view file_name);

  // Like load(), but keeps the filter and the order, and selects `quote_id` of `article_id`
  // when it is visible: the review workflow shows every edit this way.
  std::vector<LoadError> reload(std::string_view text, std::string_view article_id, std::string_view quote_id);

  bool has_corpus() const { return corpus_ != nullptr; }
  // The JSON Lines lines the last load left out (LoadLimits::skip_invalid), ascending.
  const std::vector<SkippedLine>& skipped() const { return skipped_; }
  const Corpus& corpus() const { return *corpus_; }
  const std::string& file_name() const { return file_name_; }

  const Filter& filter() const { return filter_; }      // canonical (see canonical_filter)
  void set_filter(const Filter& filter);
  const FilterResult& result() const { return result_; }

  // Review order lists the quotes nobody accepted first, the least confident first; else
  // (the default) quotes keep the article order.
  void set_review_order(bool on);
  bool review_order() const { return review_order_; }

  std::optional<QuoteIndex> selected() const { return selected_; }  // always a visible quote
  void select(QuoteIndex quote);
  void move_selection(int delta);                         // by rows of the visible list
  std::optional<std::size_t> selected_row() const;      // its row in result().visible

  // Increments with every corpus loaded (reloads too), so views can tell when to rebuild
  // what they derive from it: a new corpus may sit at the old one's address.
  std::uint64_t corpus_generation() const { return corpus_generation_; }

  // Increments on every change, so views and bridges can tell when to redraw or re-sync.
  std::uint64_t revision() const { return revision_; }

  // What the explorer prepares while nobody waits (the loop calls do_idle_work between
  // frames): where the last search's matches are, when the index's bit sets answered it
  // without reading the keys, so that the next keystroke refines from them instead of
  // reading a third of a million keys; then the corpus's text index, when it was loaded
  // with LoadLimits::text_index_later. Nothing that is shown depends on it.
  bool has_idle_work() const;
  void do_idle_work(double budget_ms);  // slices of about a millisecond until the budget is spent

 private:
  void adopt(LoadResult loaded);  // a new corpus: its skipped lines, a fresh text search
  void refilter();
  void sort_for_review(std::vector<QuoteIndex>& quotes) const;
  std::shared_ptr<const Corpus> corpus_;
  std::string file_name_;
  std::vector<SkippedLine> skipped_;
  Filter filter_;
  FilterResult result_;
  std::string matched_text_;                   // the text that text_search_ answers
  TextSearch text_search_;
  std::optional<QuoteIndex> selected_;
  bool review_order_ = false;
  std::uint64_t revision_ = 0;
  std::uint64_t corpus_generation_ = 0;
};

}  // namespace qe

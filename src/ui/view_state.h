// view_state.h: what the views remember between frames, and what they ask to change.
//
// Views read core state (qe::Explorer) and never change it: they fill an Actions value,
// which the platform applies with ApplyActions() and reports (JS events, URL hash).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/explorer.h"
#include "core/export.h"
#include "core/review.h"

struct ImFont;

namespace qe::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* heading = nullptr;
};

// The code points the font atlas holds. Only those in use are rasterised (ASCII, the UI's
// symbols, and the text that was loaded or typed), hundreds instead of the fonts' thousands,
// which keeps start-up short; UpdateFonts (style.h) adds glyphs as new text arrives.
class GlyphSet {
 public:
  GlyphSet();
  // Adds the code points of `utf8` the fonts can draw; true when one was new.
  bool Add(std::string_view utf8);
  bool Has(std::uint32_t code_point) const;
  std::vector<std::uint16_t> Ranges() const;  // ImGui glyph ranges: pairs, then 0
  std::size_t size() const { return count_; }

 private:
  std::vector<std::uint64_t> bits_;
  std::size_t count_ = 0;
};

// Screen rectangle of a named widget, in framebuffer pixels. Tests and the accessibility
// layer use these names ("speaker:sergei-lavrov", "country:RU", "kind:direct", "search",
// "clear", "quote:3", "speaker-search", "speakers-show-all", "country-search",
// "countries-show-all") to find widgets without knowing the layout.
struct ItemRect {
  float x = 0, y = 0, width = 0, height = 0;
};

// One facet's list of values. Long lists (more than kTopFacetValues) get a search box and
// show their top values by count until "Show all" is clicked.
struct FacetList {
  // Per corpus: the values listed, each value's place in name order (it breaks ties between
  // equal counts) and its searchable labels (name, aliases, role or code), folded.
  std::vector<std::size_t> values;
  std::vector<std::uint32_t> name_rank;     // by value
  std::vector<std::string> search_labels;   // by value

  char search[128] = "";                    // the facet's own search box
  bool show_all = false;                    // "Show all N speakers" was clicked

  // What the list shows, in order, and how many values match the search. Rebuilt when the
  // counts, the filter, the search or show_all change (see shown_for_*).
  std::vector<std::size_t> shown;
  std::size_t matches = 0;
  std::uint64_t shown_for_revision = ~std::uint64_t{0};
  std::string shown_for_search;
  bool shown_for_show_all = false;
};

inline constexpr std::size_t kTopFacetValues = 20;

// Text the editor drags over in the reader while reviewing: a paragraph's byte range.
struct ReaderSelection {
  ArticleId article = 0;
  std::uint32_t paragraph = 0;
  std::size_t anchor = 0, focus = 0;  // bytes; anchor is where the drag began
  bool dragging = false;
  bool empty() const { return anchor == focus; }
  std::size_t begin() const { return anchor < focus ? anchor : focus; }
  std::size_t end() const { return anchor < focus ? focus : anchor; }
};

// The review panel's form fields, kept between frames.
struct ReviewForm {
  char new_speaker[128] = "";               // "New speaker…" name for re-attribution or a new quote
  QuoteKind new_quote_kind = QuoteKind::Direct;
  std::string speaker_for_new_quote;        // a speaker id, or "" for the typed new name
  std::string editing_speaker;              // the speaker whose form is open, "" when closed
  char name[256] = "", aliases[512] = "", role[256] = "", country_search[64] = "";
  SpeakerKind kind = SpeakerKind::Person;
  std::string country;                      // ISO code, "" for unknown
  std::string merge_into;                   // a speaker id
  std::string message;                      // why the last edit did not apply, or what happened
  bool message_is_error = false;
};

// A drag across the published-date histogram: the bins it spans so far.
struct DateBrush {
  bool dragging = false;
  std::uint32_t anchor = 0, focus = 0;  // bins; anchor is where the drag began
  std::uint32_t first() const { return anchor < focus ? anchor : focus; }
  std::uint32_t last() const { return anchor < focus ? focus : anchor; }
};

struct ViewState {
  Fonts fonts;
  GlyphSet glyphs;
  std::uint64_t glyphs_for = ~std::uint64_t{0};  // the corpus_generation() they cover
  float scale = 1.0f;                       // framebuffer pixels per CSS pixel

  char search[1024] = "";                   // the search box's text
  std::string search_synced;                // the filter text the box last showed
  bool search_active = false;               // being edited: outside changes wait
  bool focus_search = false;                // Ctrl+F was pressed
  bool scroll_list_to_selection = false;    // the selection moved: bring it into view
  // Keyboard navigation (ImGui's, with a visible focus ring): arrow keys move between the
  // controls of a pane; in the quote list they move the selection, and the ring follows it.
  bool list_has_focus = false;              // the quote list held keyboard focus last frame
  bool focus_selected_row = false;          // put the ring on the selected row when drawn
  bool scroll_reader_to_selection = false;
  DateBrush published_brush;
  // A corpus's reader column: the overview until a quote is picked, then its article.
  enum class ReaderTab { Overview, Article };
  ReaderTab reader_tab = ReaderTab::Overview;
  std::optional<ReaderTab> reader_tab_request;  // switch to it next frame (a pick, a new corpus)
  std::uint64_t reader_tab_for = ~std::uint64_t{0};  // the corpus_generation() it was reset for

  // The speaker, country, source and article lists (kinds are always three rows), rebuilt
  // for each corpus.
  std::uint64_t facets_for = 0;             // Explorer::corpus_generation() they were built for
  FacetList speakers;                       // values are SpeakerIds
  FacetList countries;                      // values are country slots with a quote
  FacetList sources;                        // values index Corpus::source_names
  FacetList articles;                       // values are ArticleIds

  bool can_open_files = false;              // the platform handles Actions::open_file
  bool can_review = false;                  // the full page and the native app edit; embeds don't
  bool can_open_links = false;              // the platform handles Actions::open_url
  bool can_export = false;                  // the platform handles export_quotes and copy_link
  bool new_article_open = false;            // the "New article" box, where text is pasted
  std::string new_article_text;
  const review::Session* review = nullptr;  // set by ApplyReviewActions while reviewing
  ReaderSelection reader_selection;
  ReviewForm review_form;
  std::string status;                       // "Loading…" before the first article
  std::string error;                        // the last load error, shown until dismissed
  bool error_offers_skip = false;           // it was JSON Lines: offer to load the valid lines
  std::string skipped;                      // "line 3: …" per line the last load skipped
  std::string notice;                       // what an export or copy did ("Link copied.")

  std::unordered_map<std::string, ItemRect> item_rects;  // rebuilt every frame
  std::string focused_item;                 // the named widget with keyboard focus, "" for none

  // The height (framebuffer pixels) the explorer needs to show its content without inner
  // scrolling, measured each frame: an embed asks its host page for it (docs/embedding.md).
  float content_height = 0;
  float facets_height = 0, list_height = 0, reader_height = 0;  // per column, this frame
};

struct Actions {
  std::optional<Filter> filter;             // a new filter to apply
  std::optional<QuoteIndex> select;         // a quote to select
  int move_selection = 0;                   // rows up (negative) or down
  bool open_file = false;                   // "Open file…": the platform asks for a file
  bool retry_skipping_invalid = false;      // load the failed JSON Lines again, past bad lines
  std::optional<std::string> extract_text;  // "Find quotes" in the New article box
  std::optional<ExportFormat> export_quotes;  // download the visible quotes
  bool copy_link = false;                   // a link to this view, filter included
  std::optional<std::string> open_url;      // an http(s) source link the reader clicked

  // Review (see review_panel.h): applied by ApplyReviewActions.
  std::optional<review::Edit> edit;
  bool start_review = false, stop_review = false, undo = false, redo = false;
  // Handled by the platform: save or download the reviewed article, copy the embed code.
  bool save_article = false, copy_embed_code = false;
};

// Applies what the views asked for; returns true when anything changed.
bool ApplyActions(const Actions& actions, Explorer& explorer);

}  // namespace qe::ui

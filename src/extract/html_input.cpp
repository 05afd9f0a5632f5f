#include "extract/html_input.h"

#include <gumbo.h>

#include <cctype>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/json_text.h"
#include "core/utf8.h"
#include "extract/text_input.h"

namespace qe::extract {
namespace {

// ---------------------------------------------------------------------------------------
// The parse tree

// A page parsed by gumbo. Every block gumbo allocates is tracked and freed here, because
// gumbo_destroy_output recurses once per nesting level: a page nested a few thousand
// elements deep would overflow the stack (64 kB in the browser build). For the same reason
// <frameset> is renamed before parsing: gumbo destroys the whole <body> recursively when
// a frameset replaces it, and article pages have no framesets.
class Page {
 public:
  explicit Page(std::string_view html) : text_(without_framesets(html)) {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &Page::allocate;
    options.deallocator = &Page::deallocate;
    options.userdata = this;
    options.max_errors = 0;  // parse errors are not reported; do not keep them
    const std::string_view text = text_.empty() ? html : std::string_view(text_);
    root_ = gumbo_parse_with_options(&options, text.data(), text.size())->root;
  }
  ~Page() {
    for (void* block : blocks_) std::free(block);
  }
  Page(const Page&) = delete;
  Page& operator=(const Page&) = delete;

  const GumboNode* root() const { return root_; }

 private:
  static void* allocate(void* self, std::size_t size) {
    void* block = std::malloc(size ? size : 1);
    if (!block) std::abort();  // gumbo does not check for allocation failure
    static_cast<Page*>(self)->blocks_.insert(block);
    return block;
  }
  static void deallocate(void* self, void* block) {
    if (!block) return;
    static_cast<Page*>(self)->blocks_.erase(block);
    std::free(block);
  }
  // The page with every "<frameset" start tag renamed, or "" when it has none.
  static std::string without_framesets(std::string_view html) {
    std::string text;
    for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
      const std::string_view name = html.substr(at + 1, 8);
      const char next = at + 9 < html.size() ? html[at + 9] : '>';
      bool frameset = name.size() == 8 && !std::isalnum(static_cast<unsigned char>(next));
      for (std::size_t i = 0; frameset && i < 8; ++i)
        frameset = std::tolower(static_cast<unsigned char>(name[i])) == "frameset"[i];
      if (!frameset) continue;
      if (text.empty()) text = html;
      text[at + 1] = 'x';
    }
    return text;
  }

  std::string text_;
  std::unordered_set<void*> blocks_;
  const GumboNode* root_ = nullptr;
};

bool is_element(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

bool is_text(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA;
}

GumboTag tag_of(const GumboNode* node) { return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }

const GumboVector& children_of(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

const GumboNode* child(const GumboVector& children, unsigned int i) {
  return static_cast<const GumboNode*>(children.data[i]);
}

// The attribute's value, or nullptr when the element does not have it.
const char* attribute(const GumboNode* node, const char* name) {
  if (!is_element(node)) return nullptr;
  const GumboAttribute* found = gumbo_get_attribute(&node->v.element.attributes, name);
  return found ? found->value : nullptr;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Visits `root`'s descendants in document order, without recursion (pages nest deeply).
// `visit` returns false to skip a node's descendants.
template <typename Visit>
void walk_descendants(const GumboNode* root, Visit visit) {
  std::vector<const GumboNode*> stack;
  const auto push_children = [&stack](const GumboNode* node) {
    const GumboVector& children = children_of(node);
    for (unsigned int i = children.length; i-- > 0;) stack.push_back(child(children, i));
  };
  push_children(root);
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (visit(node) && is_element(node)) push_children(node);
  }
}

// ---------------------------------------------------------------------------------------
// What is not article text

// Elements that never hold article text, wherever they are.
bool is_non_content_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_CANVAS: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_RT:
    case GUMBO_TAG_RP: case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

// Page furniture around (or inside) the article.
bool is_chrome_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DIALOG: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool is_marker_word(std::string_view word) {
  static const std::unordered_set<std::string_view> kWords = {
      "byline", "author", "authors", "caption", "credit", "credits", "related", "readmore",
      "share", "sharing", "social", "newsletter", "promo", "promotion", "ad", "ads", "advert",
      "advertisement", "comment", "comments", "subscribe", "subscription", "sponsored"};
  return kWords.count(word) > 0;
}

// Whether a class or id list names something that is not article text: its words
// ("article-byline__name relatedLinks" has article, byline, name, related, links) include
// a marker such as byline, related, share, ad or comments, or "read more".
bool has_marker(const char* names) {
  if (!names) return false;
  std::string word, previous;
  bool marked = false;
  const auto end_word = [&] {
    if (word.empty()) return;
    marked = marked || is_marker_word(word) || (previous == "read" && word == "more");
    previous = std::move(word);
    word.clear();
  };
  for (const char* c = names; *c; ++c) {
    const auto byte = static_cast<unsigned char>(*c);
    if (!std::isalnum(byte) || (std::isupper(byte) && c != names && std::islower(static_cast<unsigned char>(c[-1]))))
      end_word();
    if (std::isalnum(byte)) word += static_cast<char>(std::tolower(byte));
  }
  end_word();
  return marked;
}

bool is_hidden(const GumboNode* node) {
  if (attribute(node, "hidden")) return true;
  const char* aria_hidden = attribute(node, "aria-hidden");
  if (aria_hidden && lower(aria_hidden) == "true") return true;
  const char* style = attribute(node, "style");
  if (!style) return false;
  std::string compact;
  for (const char c : lower(style))
    if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
  return compact.find("display:none") != std::string::npos;
}

// Containers are never ads or bylines, whatever their classes say ("post has-comments").
bool is_container(const GumboNode* node) {
  const GumboTag tag = tag_of(node);
  return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE;
}

// Whether an element and everything inside it is left out of the article text.
bool is_excluded(const GumboNode* node) {
  if (!is_element(node)) return false;
  const GumboTag tag = tag_of(node);
  if (is_non_content_tag(tag) || is_chrome_tag(tag) || is_hidden(node)) return true;
  return !is_container(node) && (has_marker(attribute(node, "class")) || has_marker(attribute(node, "id")));
}

// ---------------------------------------------------------------------------------------
// Text

// Collects text as a browser shows it: runs of whitespace collapse to one space, control
// characters drop out, and the ends are trimmed (also of no-break and zero-width spaces).
class TextBuilder {
 public:
  void add(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space();
      } else if (c < 0x20 || c == 0x7F) {
        continue;
      } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
        ++i;  // a C1 control character (U+0080 to U+009F)
      } else {
        if (pending_space_) out_ += ' ';
        pending_space_ = false;
        out_ += static_cast<char>(c);
      }
    }
  }
  void space() { pending_space_ = !out_.empty(); }
  std::string take() {
    if (utf8::find_invalid(out_) != std::string::npos) out_ = utf8::remove_invalid(out_);
    return trim_spaces(out_);
  }

 private:
  static std::string trim_spaces(std::string_view text) {
    static const std::string_view kSpaces[] = {" ", "\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF",
                                               "\xE2\x80\xAF", "\xE2\x80\x89", "\xE3\x80\x80"};
    for (bool trimmed = true; trimmed && !text.empty();) {
      trimmed = false;
      for (const std::string_view space : kSpaces) {
        if (text.substr(0, space.size()) == space) text.remove_prefix(space.size()), trimmed = true;
        if (text.size() >= space.size() && text.substr(text.size() - space.size()) == space)
          text.remove_suffix(space.size()), trimmed = true;
      }
    }
    return std::string(text);
  }

  std::string out_;
  bool pending_space_ = false;
};

// Whether text holds a letter or digit (not only spaces, punctuation, arrows or bullets).
bool has_words(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) return true;
      continue;
    }
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    const bool punctuation = c == 0xC2 ||                               // U+0080 to U+00BF
                             (c == 0xE2 && (next == 0x80 || next == 0x81 ||  // U+2000 to U+207F
                                            next == 0x86 || next == 0x87 ||  // arrows
                                            next == 0x96 || next == 0x97));  // shapes, bullets
    if (!punctuation && c >= 0xC0) return true;
  }
  return false;
}

bool is_inline_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DFN: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_INS: case GUMBO_TAG_DEL: case GUMBO_TAG_KBD:
    case GUMBO_TAG_MARK: case GUMBO_TAG_Q: case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME: case GUMBO_TAG_TT: case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR:
    case GUMBO_TAG_BIG: case GUMBO_TAG_NOBR: case GUMBO_TAG_LABEL: case GUMBO_TAG_ACRONYM:
    case GUMBO_TAG_RUBY: case GUMBO_TAG_RB: case GUMBO_TAG_IMG: case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

struct InlineText {
  std::string text;
  bool has_unlinked_words = false;  // a letter or digit outside links
};

// The text inside an element, without its excluded parts: <br> and block boundaries read
// as a space, <q> gets quotation marks.
InlineText text_of(const GumboNode* element) {
  struct Step {
    const GumboNode* node;  // or nullptr: add `literal`
    bool in_link;
    std::string_view literal;
  };
  TextBuilder out;
  InlineText result;
  std::vector<Step> stack;
  const auto push_children = [&stack](const GumboNode* node, bool in_link) {
    const GumboVector& children = children_of(node);
    for (unsigned int i = children.length; i-- > 0;) stack.push_back({child(children, i), in_link, {}});
  };
  push_children(element, false);
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    if (!step.node) {
      out.add(step.literal);
    } else if (is_text(step.node)) {
      const std::string_view text = step.node->v.text.text;
      out.add(text);
      result.has_unlinked_words = result.has_unlinked_words || (!step.in_link && has_words(text));
    } else if (is_element(step.node) && !is_excluded(step.node)) {
      const GumboTag tag = tag_of(step.node);
      const std::string_view open = tag == GUMBO_TAG_Q ? "\u201C" : is_inline_tag(tag) ? "" : " ";
      const std::string_view close = tag == GUMBO_TAG_Q ? "\u201D" : open;
      out.add(open);
      stack.push_back({nullptr, false, close});
      push_children(step.node, step.in_link || tag == GUMBO_TAG_A);
    }
  }
  result.text = out.take();
  return result;
}

// ---------------------------------------------------------------------------------------
// Nesting

// gumbo's tree construction scans the stack of open elements for most tags, so its time
// grows with tokens times depth: 100,000 nested <div>s take a minute. Browsers cap the
// depth (Blink at 512); gumbo cannot, so pages are measured before parsing.
constexpr std::size_t kMaxNesting = 1000;

bool is_void_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BR: case GUMBO_TAG_COL: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_HR: case GUMBO_TAG_IMG: case GUMBO_TAG_IMAGE: case GUMBO_TAG_INPUT: case GUMBO_TAG_LINK:
    case GUMBO_TAG_META: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY:  // opened once, however often written
      return true;
    default:
      return false;
  }
}

bool is_raw_text_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

int table_rank(GumboTag tag) {  // sections, rows, cells: a new one ends an open one
  switch (tag) {
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: return 1;
    case GUMBO_TAG_TR: return 2;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: return 3;
    default: return 0;
  }
}

// Elements an end tag does not close across (the HTML "scope" boundaries).
bool is_scope_boundary(GumboTag tag, GumboTag closing) {
  if (table_rank(closing) > 0 || closing == GUMBO_TAG_TABLE || closing == GUMBO_TAG_CAPTION)
    return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TEMPLATE;
  switch (tag) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML: case GUMBO_TAG_TABLE: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_FOREIGNOBJECT: case GUMBO_TAG_DESC: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
      return true;
    case GUMBO_TAG_BUTTON: return closing == GUMBO_TAG_P;
    case GUMBO_TAG_OL: case GUMBO_TAG_UL: return closing == GUMBO_TAG_LI;
    default: return false;
  }
}

bool closes_open_p(GumboTag tag) {  // a block start tag ends an open <p>
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIALOG: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_UL: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM: case GUMBO_TAG_LI:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_HR:
      return true;
    default:
      return false;
  }
}

// Whether a start tag ends the element open on top of the stack, as the parser surely
// does: <p> before a block, <li> before <li>, <dt> or <dd> before either, a table cell,
// row or section before a new one.
bool ends(GumboTag open, GumboTag tag) {
  switch (open) {
    case GUMBO_TAG_P: return closes_open_p(tag);
    case GUMBO_TAG_LI: case GUMBO_TAG_OPTION: return tag == open;
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: return tag == GUMBO_TAG_DT || tag == GUMBO_TAG_DD;
    default: return table_rank(open) > 0 && table_rank(tag) > 0 && table_rank(open) >= table_rank(tag);
  }
}

// An upper estimate of the depth of gumbo's stack of open elements: it closes elements
// only where gumbo surely does, so a page cannot look shallower than it parses.
class NestingEstimate {
 public:
  void open(GumboTag tag, bool self_closing) {
    while (!stack_.empty() && ends(stack_.back(), tag)) pop_to(stack_.size() - 1);
    if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) ++foreign_;
    if (!is_void_tag(tag) && !(self_closing && foreign_ > 0)) stack_.push_back(tag);
    else if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) --foreign_;
  }
  // Closes up to the nearest element of the tag among the last 64, if nothing in between
  // stops it: a scope boundary, or, for an inline tag, any block.
  void close(GumboTag tag) {
    const bool inline_tag = is_inline_tag(tag);
    for (std::size_t i = stack_.size(), seen = 0; i-- > 0 && seen < 64; ++seen) {
      if (stack_[i] == tag) return pop_to(i);
      if (is_scope_boundary(stack_[i], tag) || (inline_tag && !is_inline_tag(stack_[i]))) return;
    }
  }
  std::size_t depth() const { return stack_.size(); }

 private:
  void pop_to(std::size_t index) {
    for (std::size_t i = index; i < stack_.size(); ++i)
      if (stack_[i] == GUMBO_TAG_SVG || stack_[i] == GUMBO_TAG_MATH) --foreign_;
    stack_.resize(index);
  }
  std::vector<GumboTag> stack_;
  std::size_t foreign_ = 0;  // open <svg> and <math>, where "/>" closes an element
};

// The end of the tag that starts at `at` ('>' or the end), skipping quoted values.
std::size_t tag_end(std::string_view html, std::size_t at) {
  char quote = 0, previous = 0;
  for (std::size_t i = at; i < html.size(); ++i) {
    const char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if ((c == '"' || c == '\'') && previous == '=') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
    if (!std::isspace(static_cast<unsigned char>(c))) previous = c;
  }
  return html.size();
}

std::size_t find_ignoring_case(std::string_view text, std::string_view lower_needle, std::size_t from) {
  for (std::size_t at = text.find('<', from); at != std::string_view::npos; at = text.find('<', at + 1))
    if (lower(text.substr(at, lower_needle.size())) == lower_needle) return at;
  return std::string_view::npos;
}

// The byte offset of the tag that nests the page deeper than kMaxNesting, or npos.
std::size_t too_deep_at(std::string_view html) {
  NestingEstimate nesting;
  for (std::size_t at = html.find('<'); at != std::string_view::npos && at + 1 < html.size(); at = html.find('<', at)) {
    if (html.substr(at, 4) == "<!--") {
      at = html.find("-->", at + 4);
      continue;
    }
    const bool end_tag = html[at + 1] == '/';
    const std::size_t name_start = at + 1 + end_tag;
    if (name_start >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name_start]))) {
      at = html[at + 1] == '!' || html[at + 1] == '?' || end_tag ? tag_end(html, at) : at + 1;
      continue;
    }
    std::size_t name_end = name_start;
    while (name_end < html.size() && !std::isspace(static_cast<unsigned char>(html[name_end])) &&
           html[name_end] != '/' && html[name_end] != '>')
      ++name_end;
    const GumboTag tag = gumbo_tagn_enum(html.data() + name_start, static_cast<unsigned int>(name_end - name_start));
    const std::size_t end = tag_end(html, name_end);
    if (!end_tag && is_raw_text_tag(tag)) {  // no elements inside: skip to its end tag
      at = find_ignoring_case(html, "</" + lower(html.substr(name_start, name_end - name_start)), end);
      continue;
    }
    if (end_tag) nesting.close(tag);
    else nesting.open(tag, end < html.size() && html[end - 1] == '/');
    if (nesting.depth() > kMaxNesting) return at;
    at = end;
  }
  return std::string_view::npos;
}

// ---------------------------------------------------------------------------------------
// Paragraphs

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && lower(text.substr(0, prefix.size())) == prefix;
}

// "Read more: …", "Related: …", "Sign up for …", an "Advertisement" label, a lone link.
bool is_furniture(const InlineText& paragraph) {
  for (const std::string_view prefix : {"read more", "related:", "sign up", "also read", "see also:"})
    if (starts_with_ignoring_case(paragraph.text, prefix)) return true;
  const std::string text = lower(paragraph.text);
  return text == "advertisement" || text == "related" || text == "related articles" ||
         text == "related stories" || text == "more on this story" || text == "most read" ||
         !paragraph.has_unlinked_words;
}

struct Paragraph {
  std::string text;
  bool heading = false;
};

void add_paragraph(std::vector<Paragraph>& paragraphs, const GumboNode* element, bool heading) {
  InlineText paragraph = text_of(element);
  if (!paragraph.text.empty() && !is_furniture(paragraph)) paragraphs.push_back({std::move(paragraph.text), heading});
}

// A blockquote with text of its own, rather than paragraphs or other blocks inside.
bool is_inline_blockquote(const GumboNode* node) {
  const GumboVector& children = children_of(node);
  for (unsigned int i = 0; i < children.length; ++i)
    if (is_element(child(children, i)) && !is_inline_tag(tag_of(child(children, i))) &&
        tag_of(child(children, i)) != GUMBO_TAG_BR)
      return false;
  return true;
}

// The paragraphs inside `body`: <p>, <blockquote> text, and <h2>/<h3> subheads (in news
// they are often the questions of an interview), each trimmed and not furniture.
std::vector<Paragraph> paragraphs_in(const GumboNode* body) {
  std::vector<Paragraph> paragraphs;
  walk_descendants(body, [&paragraphs](const GumboNode* node) {
    if (!is_element(node) || is_excluded(node)) return false;
    const GumboTag tag = tag_of(node);
    const bool heading = tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3;
    if (tag == GUMBO_TAG_P || heading || (tag == GUMBO_TAG_BLOCKQUOTE && is_inline_blockquote(node))) {
      add_paragraph(paragraphs, node, heading);
      return false;
    }
    return true;
  });
  return paragraphs;
}

// Bytes of article text: paragraphs, not subheads.
std::size_t text_size(const std::vector<Paragraph>& paragraphs) {
  std::size_t size = 0;
  for (const Paragraph& paragraph : paragraphs)
    if (!paragraph.heading) size += paragraph.text.size();
  return size;
}

// ---------------------------------------------------------------------------------------
// The article body

// The outermost elements that `is_candidate` accepts, outside excluded parts.
template <typename Predicate>
std::vector<const GumboNode*> outermost(const GumboNode* root, Predicate is_candidate) {
  std::vector<const GumboNode*> found;
  walk_descendants(root, [&](const GumboNode* node) {
    if (!is_element(node) || is_excluded(node)) return false;
    if (!is_candidate(node)) return true;
    found.push_back(node);
    return false;
  });
  return found;
}

// The candidate whose paragraphs hold the most text, or nullptr when none has any.
const GumboNode* richest(const std::vector<const GumboNode*>& candidates) {
  const GumboNode* best = nullptr;
  std::size_t best_size = 0;
  for (const GumboNode* candidate : candidates) {
    const std::size_t size = text_size(paragraphs_in(candidate));
    if (size > best_size) best = candidate, best_size = size;
  }
  return best;
}

bool is_article_body(const GumboNode* node) {
  const char* itemprop = attribute(node, "itemprop");
  return itemprop && lower(itemprop).find("articlebody") != std::string::npos;
}

// Without markup for the article: the element whose <p> children hold the most text.
// Grandparents score half, so paragraphs wrapped one by one in <div>s are found too.
const GumboNode* densest_paragraph_parent(const GumboNode* root) {
  std::unordered_map<const GumboNode*, std::size_t> score;
  const GumboNode* best = nullptr;
  const auto credit = [&](const GumboNode* element, std::size_t points) {
    if (!element || element->type != GUMBO_NODE_ELEMENT || points == 0) return;
    score[element] += points;
    if (!best || score[element] > score[best]) best = element;
  };
  walk_descendants(root, [&](const GumboNode* node) {
    if (!is_element(node) || is_excluded(node)) return false;
    if (tag_of(node) != GUMBO_TAG_P) return true;
    std::vector<Paragraph> paragraph;
    add_paragraph(paragraph, node, false);
    const std::size_t size = text_size(paragraph);
    credit(node->parent, size);
    if (node->parent) credit(node->parent->parent, size / 2);
    return false;
  });
  return best;
}

// The article body: [itemprop=articleBody], else <article>, else the densest paragraphs.
std::vector<Paragraph> article_paragraphs(const GumboNode* root) {
  const GumboNode* body = richest(outermost(root, is_article_body));
  if (!body) body = richest(outermost(root, [](const GumboNode* node) { return tag_of(node) == GUMBO_TAG_ARTICLE; }));
  if (!body) body = densest_paragraph_parent(root);
  if (!body) return {};
  return paragraphs_in(body);
}

// ---------------------------------------------------------------------------------------
// Metadata

struct PageMetadata {
  std::string og_title, h1, title, site_name, og_url, canonical, published_time, time;
};

std::string clean(const char* text) {
  TextBuilder out;
  out.add(text ? text : "");
  return out.take();
}

void set_once(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

void read_head_element(const GumboNode* node, PageMetadata& found) {
  const GumboTag tag = tag_of(node);
  if (tag == GUMBO_TAG_META) {
    const char* key = attribute(node, "property") ? attribute(node, "property") : attribute(node, "name");
    const std::string name = lower(key ? key : "");
    const std::string content = clean(attribute(node, "content"));
    if (name == "og:title") set_once(found.og_title, content);
    if (name == "og:site_name") set_once(found.site_name, content);
    if (name == "og:url") set_once(found.og_url, content);
    if (name == "article:published_time") set_once(found.published_time, content);
  } else if (tag == GUMBO_TAG_LINK) {
    const std::string rel = " " + lower(clean(attribute(node, "rel"))) + " ";
    if (rel.find(" canonical ") != std::string::npos) set_once(found.canonical, clean(attribute(node, "href")));
  } else if (tag == GUMBO_TAG_TITLE && node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
    set_once(found.title, text_of(node).text);
  }
}

// Meta, link and title elements anywhere; the first h1 and <time datetime> outside
// navigation, asides and footers.
PageMetadata read_metadata(const GumboNode* root) {
  PageMetadata found;
  walk_descendants(root, [&found](const GumboNode* node) {
    if (!is_element(node) || tag_of(node) == GUMBO_TAG_TEMPLATE || tag_of(node) == GUMBO_TAG_SVG) return false;
    read_head_element(node, found);
    return true;
  });
  walk_descendants(root, [&found](const GumboNode* node) {
    const GumboTag tag = tag_of(node);
    if (!is_element(node) || is_non_content_tag(tag) || tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE ||
        tag == GUMBO_TAG_FOOTER || is_hidden(node))
      return false;
    if (tag == GUMBO_TAG_H1) set_once(found.h1, text_of(node).text);
    if (tag == GUMBO_TAG_TIME) set_once(found.time, clean(attribute(node, "datetime")));
    return true;
  });
  return found;
}

const std::string& first_of(std::initializer_list<const std::string*> values) {
  for (const std::string* value : values)
    if (!value->empty()) return *value;
  return **values.begin();
}

}  // namespace

DocumentResult read_html_article(std::string_view html, std::string_view file_name) {
  DocumentResult result;
  if (const std::size_t deep = too_deep_at(html); deep != std::string_view::npos) {
    const json_text::Position position = json_text::position_of(html, deep);
    result.error = ExtractError{std::string(file_name), position.line, position.column,
                                "elements nested more than " + std::to_string(kMaxNesting) +
                                    " deep; expected an article page (they nest a few dozen deep)"};
    return result;
  }
  const Page page(html);
  std::vector<Paragraph> paragraphs = article_paragraphs(page.root());
  if (text_size(paragraphs) == 0) {
    result.error = ExtractError{std::string(file_name), 0, 0,
                                "no article text: no paragraph with text outside navigation, headers, footers, "
                                "asides, captions and scripts; expected an HTML page with paragraphs (<p>) of "
                                "article text"};
    return result;
  }
  const PageMetadata found = read_metadata(page.root());
  Document document;
  document.title = first_of({&found.og_title, &found.h1, &found.title});
  document.source = found.site_name;
  document.url = first_of({&found.og_url, &found.canonical});
  document.published = first_of({&found.published_time, &found.time});
  for (Paragraph& paragraph : paragraphs) document.paragraphs.push_back(std::move(paragraph.text));
  read_dateline(document);
  result.document = std::move(document);
  return result;
}

}  // namespace qe::extract

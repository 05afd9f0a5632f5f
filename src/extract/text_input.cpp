#include "extract/text_input.h"

#include <cctype>

#include "core/utf8.h"

namespace qe::extract {
namespace {

constexpr std::size_t kMaxTitleCodePoints = 160;

std::string_view trim(std::string_view text) {
  const char* space = " \t\r\f\v";
  const std::size_t first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(space) - first + 1);
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(trim(text.substr(start, end - start)));
    start = end + 1;
  }
  return lines;
}

bool looks_like_title(const std::string& line) {
  if (utf8::count_code_points(line) > kMaxTitleCodePoints) return false;
  const char last = line.back();
  return last != '.' && last != ',' && last != ';' && last != ':';
}

std::string_view strip_bom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

}  // namespace

// Blank lines separate paragraphs when the text has any (hard-wrapped lines inside a
// paragraph are joined with a space); otherwise each line is a paragraph.
std::vector<std::string> split_paragraphs(std::string_view text) {
  const std::vector<std::string_view> lines = lines_of(text);
  bool has_blank_separator = false;
  for (std::size_t i = 1; i + 1 < lines.size(); ++i)
    if (lines[i].empty() && !lines[i - 1].empty()) has_blank_separator = true;
  std::vector<std::string> paragraphs;
  std::string current;
  for (std::string_view line : lines) {
    if (line.empty() || !has_blank_separator) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
      if (line.empty()) continue;
    }
    if (!current.empty()) current += ' ';
    current += line;
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

DocumentResult read_text_article(std::string_view text, std::string_view file_name, bool take_title) {
  DocumentResult result;
  Document document;
  document.paragraphs = split_paragraphs(strip_bom(text));
  if (document.paragraphs.empty()) {
    result.error = ExtractError{std::string(file_name), 0, 0, "no text: expected an article, paragraphs separated by blank lines or one per line"};
    return result;
  }
  if (take_title && document.paragraphs.size() > 1 && looks_like_title(document.paragraphs.front())) {
    document.title = std::move(document.paragraphs.front());
    document.paragraphs.erase(document.paragraphs.begin());
  }
  read_dateline(document);
  result.document = std::move(document);
  return result;
}

void read_dateline(Document& document) {
  if (document.paragraphs.empty()) return;
  const std::string& first = document.paragraphs.front();
  // A dateline is a short capitalised place, an optional "(Agency)", then a dash.
  for (const std::string_view dash : {" – ", " — ", " - "}) {
    const std::size_t at = first.find(dash);
    if (at == std::string::npos || at == 0 || at > 80) continue;
    std::string_view head = std::string_view(first).substr(0, at);
    std::string_view agency;
    if (head.back() == ')') {
      const std::size_t open = head.rfind(" (");
      if (open == std::string_view::npos) continue;
      agency = head.substr(open + 2, head.size() - open - 3);
      head = head.substr(0, open);
    }
    if (head.empty() || !std::isupper(static_cast<unsigned char>(head[0])) || head.size() > 40) continue;
    bool place_like = true;
    for (unsigned char c : head)
      if (!(std::isalpha(c) || c == ' ' || c == ',' || c == '.' || c == '\'' || c == '-' || c >= 0x80)) place_like = false;
    if (!place_like) continue;
    std::string place(head);
    document.dateline = place;
    if (document.source.empty() && !agency.empty()) document.source = std::string(agency);
    return;
  }
}

}  // namespace qe::extract

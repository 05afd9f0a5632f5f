#include "extract/lexicon.h"

namespace qe::extract {

std::vector<std::vector<std::string_view>> lexicon_rows(std::string_view name) {
  std::vector<std::vector<std::string_view>> rows;
  std::string_view text = lexicon_file(name);
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> columns;
    for (std::size_t start = 0;;) {
      const std::size_t tab = line.find('\t', start);
      columns.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(columns));
  }
  return rows;
}

}  // namespace qe::extract

// Placeholder until gumbo is wired in: every page is refused with a clear message.
#include "extract/html_input.h"

namespace qe::extract {

DocumentResult read_html_article(std::string_view, std::string_view file_name) {
  DocumentResult result;
  result.error = ExtractError{std::string(file_name), 0, 0, "HTML pages are not supported yet; expected plain text"};
  return result;
}

}  // namespace qe::extract

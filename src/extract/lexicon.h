// lexicon.h: the extractor's word lists, kept as data files in src/extract/lexicon/ that a
// journalist can review (one entry a line, tab-separated columns, '#' comments) and
// embedded into every build by cmake/EmbedLexicons.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace qe::extract {

// The bytes of src/extract/lexicon/NAME as built in; empty when there is no such file.
std::string_view lexicon_file(std::string_view name);

// The non-comment, non-blank lines of a lexicon file, each split at tabs.
std::vector<std::vector<std::string_view>> lexicon_rows(std::string_view name);

}  // namespace qe::extract

// cli.h: the `quotes` command line (DESIGN.md), as a function tests can call.
//
//   quotes validate [--skip-invalid] FILE...   exit 0 valid, 1 invalid (errors on stderr)
//   quotes query FILE [--speaker S]... [--country CC]... [--kind K]... [--text T]
//                [--format json|csv|text] [--skip-invalid]
//   quotes stats FILE [--skip-invalid]   counts per speaker, country and kind (json)
//   --skip-invalid: JSON Lines loads its valid lines; each invalid one is a warning on
//   stderr (LoadLimits::skip_invalid); no valid line is still an error.
//   quotes extract [--id ID] [--title T] [--source NAME] [--url U] [--published DATE]
//                  [--speakers FILE] [--format article|jsonl] FILE...
//                                 article text or HTML -> article@1 JSON (one FILE) or
//                                 JSON Lines (several, or --format jsonl)
//   quotes score GOLD EXTRACTED [--format json|text]
//                                 precision, recall, F1 of extracted quotes against gold
//                                 ones (extract/score.h); exit 1 when no article pairs
//
// FILE "-" reads standard input. Usage errors exit 2.
#pragma once

#include <iosfwd>
#include <string>
#include <variant>
#include <vector>

#include "core/export.h"
#include "core/filter.h"
#include "extract/extract.h"

namespace qe::cli {

struct Command {
  enum class Verb { Validate, Query, Stats, Extract, Score, Help } verb = Verb::Help;
  std::vector<std::string> files;
  Filter filter;
  ExportFormat format = ExportFormat::Json;
  extract::ArticleInfo article_info;  // extract: what the caller knows
  std::string speakers_file;          // extract --speakers
  bool json_lines = false;            // extract --format jsonl
  bool skip_invalid = false;          // validate, query, stats --skip-invalid
};

struct UsageError {
  std::string message;
};

std::variant<Command, UsageError> parse_args(const std::vector<std::string>& args);  // args without argv[0]

// Runs a command; returns the process exit code.
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

extern const char* const kUsage;
extern const char* const kVersion;  // "extracted.by" says which quotes made a file

}  // namespace qe::cli

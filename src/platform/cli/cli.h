// cli.h: the `quotes` command line (DESIGN.md), as a function tests can call.
//
//   quotes validate FILE...       exit 0 valid, 1 invalid (errors on stderr)
//   quotes query FILE [--speaker S]... [--country CC]... [--kind K]... [--text T]
//                [--format json|csv|text]
//   quotes stats FILE             counts per speaker, country and kind (json)
//
// FILE "-" reads standard input. Usage errors exit 2.
#pragma once

#include <iosfwd>
#include <string>
#include <variant>
#include <vector>

#include "core/export.h"
#include "core/filter.h"

namespace qe::cli {

struct Command {
  enum class Verb { Validate, Query, Stats, Help } verb = Verb::Help;
  std::vector<std::string> files;
  Filter filter;
  ExportFormat format = ExportFormat::Json;
};

struct UsageError {
  std::string message;
};

std::variant<Command, UsageError> parse_args(const std::vector<std::string>& args);  // args without argv[0]

// Runs a command; returns the process exit code.
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

extern const char* const kUsage;

}  // namespace qe::cli

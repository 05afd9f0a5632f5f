// json_text.h: JSON text before and while it is parsed: the checks that need raw bytes
// (UTF-8, NUL bytes, nesting depth, string length, memory budget), positions in code points,
// and parsing that also reports duplicate keys. The loader turns these into LoadErrors.
//
//   if (auto problem = qe::json_text::check_raw_text(text, limits)) report(problem->offset, problem->message);
//   qe::json_text::Parsed parsed = qe::json_text::parse(text, limits);
//   if (parsed.value) use(*parsed.value); else report(parsed.problem->offset, parsed.problem->message);
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/loader.h"

namespace qe::json_text {

struct Position {
  std::size_t line = 1, column = 1;
};

// 1-based line and code-point column of a byte offset.
Position position_of(std::string_view text, std::size_t offset);

// The position just after `text`, when `text` starts at `at`: position_of for text that
// arrives in pieces (StreamLoader), one piece at a time.
Position advance(Position at, std::string_view text);

// Something wrong at a byte offset of the text.
struct Problem {
  std::size_t offset = 0;
  std::string message;  // what was found; what was expected
};

// What must never reach the parser: NUL bytes (nlohmann reads one as the end of input),
// invalid UTF-8, nesting or strings beyond the limits. The first one, or nothing.
std::optional<Problem> check_raw_text(std::string_view text, const LoadLimits& limits);
// Its two halves: NUL bytes and invalid UTF-8; nesting and string length.
std::optional<Problem> check_encoding(std::string_view text);
std::optional<Problem> check_structure(std::string_view text, const LoadLimits& limits);

struct DuplicateKey {
  std::string pointer;  // JSON Pointer of the second occurrence
  std::string key;
};

struct Parsed {
  std::optional<nlohmann::json> value;        // set when the text parsed
  std::optional<Problem> problem;             // syntax, number range or memory budget
  std::vector<DuplicateKey> duplicate_keys;   // nlohmann keeps the last; the loader refuses
};

// Parses one JSON document, first refusing it when its parse could need more than
// limits.max_parse_bytes (see docs/reliability.md for why that is checked up front).
Parsed parse(std::string_view text, const LoadLimits& limits);

// Any JSON value (duplicate keys read as null), or nothing when `text` is not JSON: for JSON
// the program itself wrote. Every JSON parse goes through one nlohmann parser instance.
std::optional<nlohmann::json> parse_value(std::string_view text);

// A complete JSON object on its own, checked without building it (the text may be huge).
bool is_complete_object(std::string_view text);

// JSON Lines when the first non-blank line is a complete JSON object on its own and more
// lines follow, or the file is named .jsonl/.ndjson; one-line JSON stays a document.
bool looks_like_json_lines(std::string_view text, std::string_view file_name);

}  // namespace qe::json_text

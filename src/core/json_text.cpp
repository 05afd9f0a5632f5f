#include "core/json_text.h"

#include <cstdio>
#include <functional>
#include <unordered_set>

#include "core/utf8.h"

namespace qe::json_text {
namespace {

using json = nlohmann::json;

std::optional<Problem> check_encoding(std::string_view text) {
  const std::size_t nul = text.find('\0');
  const std::size_t bad = utf8::find_invalid(text.substr(0, nul));
  if (bad == std::string_view::npos && nul != std::string_view::npos)
    return Problem{nul, "NUL byte in the text; expected UTF-8 text without NUL bytes (write \\u0000 inside a string)"};
  if (bad == std::string_view::npos) return std::nullopt;
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
  return Problem{bad, std::string("invalid UTF-8: byte ") + hex + " does not start a valid sequence; expected UTF-8 text"};
}

// What one pass over the raw text learns before any parsing: where it first nests too deep
// or holds a too-long string, and how many values and string bytes it holds.
struct TextShape {
  std::size_t too_deep_at = std::string_view::npos;
  std::size_t long_string_at = std::string_view::npos;
  std::size_t values = 0, string_bytes = 0;
};

TextShape scan_shape(std::string_view text, const LoadLimits& limits) {
  TextShape shape;
  std::size_t depth = 0, string_start = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      if (i - string_start > limits.max_string_bytes && shape.long_string_at == std::string_view::npos)
        shape.long_string_at = string_start;
    } else if (c == '"') {
      in_string = true;
      string_start = i;
      ++shape.values;
    } else if (c == '{' || c == '[') {
      if (++depth > limits.max_nesting_depth && shape.too_deep_at == std::string_view::npos) shape.too_deep_at = i;
      ++shape.values;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    } else if (c == ',' || c == ':') {
      ++shape.values;  // an upper bound on scalars: each follows a comma or colon, or opens a container
    }
  }
  shape.string_bytes = text.size();  // an upper bound that needs no second count
  return shape;
}

// Absurd input (deep nesting, giant strings), found before the parser allocates for it.
std::optional<Problem> check_structure(std::string_view text, const LoadLimits& limits) {
  const TextShape shape = scan_shape(text, limits);
  if (shape.too_deep_at < shape.long_string_at)
    return Problem{shape.too_deep_at, "nesting deeper than " + std::to_string(limits.max_nesting_depth) +
                                          " levels; expected an article (4 levels)"};
  if (shape.long_string_at != std::string_view::npos)
    return Problem{shape.long_string_at, "string longer than " + std::to_string(limits.max_string_bytes) +
                                             " bytes; expected at most that"};
  return std::nullopt;
}

// An upper bound on what nlohmann's DOM needs for `text`, including the stack its destructor
// allocates: parsing more than memory holds would fail while unwinding, which cannot be
// caught (the destructor is noexcept), so it is refused up front instead.
std::uint64_t estimated_parse_bytes(std::string_view text, const LoadLimits& limits) {
  constexpr std::uint64_t kBytesPerValue = 96;  // value, container slot with growth slack, node, free-stack slot
  const TextShape shape = scan_shape(text, limits);
  return shape.values * kBytesPerValue + shape.string_bytes;
}

// "4096 bytes", "640 KiB", "1024 MiB": whole numbers, rounded up, in the largest unit that
// keeps at least four significant digits readable.
std::string size_text(std::uint64_t bytes) {
  if (bytes < (std::uint64_t{10} << 10)) return std::to_string(bytes) + " bytes";
  if (bytes < (std::uint64_t{10} << 20)) return std::to_string((bytes + 1023) >> 10) + " KiB";
  return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB";
}

// JSON allows duplicate keys but nlohmann keeps only the last, which would silently drop
// data a person typed; this tracks the path while parsing and reports the second key.
class DuplicateKeyCheck {
 public:
  explicit DuplicateKeyCheck(std::vector<DuplicateKey>& found) : found_(found) {}

  bool operator()(int, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        frames_.push_back(Frame{event == json::parse_event_t::object_start, 0, {}, {}});
        break;
      case json::parse_event_t::key: {
        Frame& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second) found_.push_back(DuplicateKey{path(), frame.key});
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        frames_.pop_back();
        next_element();
        break;
      case json::parse_event_t::value:
        next_element();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool is_object;
    std::size_t index;
    std::string key;
    std::unordered_set<std::string> keys;
  };
  void next_element() {
    if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().index;
  }
  std::string path() const {
    std::string pointer;
    for (const Frame& frame : frames_) {
      pointer += '/';
      if (!frame.is_object) {
        pointer += std::to_string(frame.index);
        continue;
      }
      for (char c : frame.key) pointer += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    return pointer;
  }
  std::vector<DuplicateKey>& found_;
  std::vector<Frame> frames_;
};

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column
// 2: syntax error while parsing value - invalid literal; last read: '…'; expected …". Keep
// what went wrong and what was expected; the position is computed separately (in code
// points), and "last read" echoes raw input that can be long and confusing.
std::string syntax_message(std::string message) {
  const std::size_t colon = message.find(": ", message.find("column"));
  if (colon != std::string::npos) message = message.substr(colon + 2);
  const std::size_t last_read = message.find("; last read: '");
  if (last_read != std::string::npos) {
    const std::size_t expected = message.find("'; expected ", last_read);
    message.erase(last_read, expected == std::string::npos ? std::string::npos : expected + 1 - last_read);
  }
  return message;
}

}  // namespace

Position position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  Position at;
  at.line += static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = before.rfind('\n');
  const std::size_t from = line_start == std::string_view::npos ? 0 : line_start + 1;
  at.column += utf8::count_code_points(before.substr(from));
  return at;
}

std::optional<Problem> check_raw_text(std::string_view text, const LoadLimits& limits) {
  if (auto problem = check_encoding(text)) return problem;
  return check_structure(text, limits);
}

Parsed parse(std::string_view text, const LoadLimits& limits) {
  Parsed parsed;
  if (const std::uint64_t needed = estimated_parse_bytes(text, limits); needed > limits.max_parse_bytes) {
    parsed.problem = Problem{0, "reading this JSON needs up to " + size_text(needed) + " of memory, more than the " +
                                    size_text(limits.max_parse_bytes) + " allowed; expected a smaller document "
                                    "(a large corpus reads best as JSON Lines, one article per line)"};
    return parsed;
  }
  try {
    DuplicateKeyCheck check(parsed.duplicate_keys);
    parsed.value = json::parse(text.begin(), text.end(), std::ref(check));
  } catch (const json::parse_error& e) {
    parsed.problem = Problem{e.byte == 0 ? 0 : e.byte - 1, "invalid JSON: " + syntax_message(e.what())};
  } catch (const json::out_of_range& e) {
    // "number overflow parsing '1e400'": no position from nlohmann, so find the literal.
    const std::string message = e.what();
    const std::size_t quote = message.find('\'');
    const std::string literal = quote == std::string::npos ? "" : message.substr(quote + 1, message.rfind('\'') - quote - 1);
    const std::size_t found = literal.empty() ? std::string_view::npos : text.find(literal);
    parsed.problem = Problem{found == std::string_view::npos ? 0 : found,
                             "invalid JSON: the number " + literal + " is out of range; expected a number that "
                             "fits in a 64-bit float"};
  }
  return parsed;
}

bool is_complete_object(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{' && json::accept(text.begin(), text.end());
}

// JSON Lines when the first non-blank line is a complete JSON object on its own and more
// lines follow, or the file is named .jsonl/.ndjson. So one-line JSON (`jq -c` output, with
// or without a final newline) stays a document, and a one-article .jsonl file is JSON Lines.
bool looks_like_json_lines(std::string_view text, std::string_view file_name) {
  const auto ends_with = [&](std::string_view suffix) {
    return file_name.size() >= suffix.size() && file_name.substr(file_name.size() - suffix.size()) == suffix;
  };
  const bool named_lines = ends_with(".jsonl") || ends_with(".ndjson");
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      // accept() validates without building a DOM: the line may be a whole huge document.
      if (!json_text::is_complete_object(line)) return false;
      const bool more_lines = end < text.size() && text.find_first_not_of(" \t\r\n", end) != std::string_view::npos;
      return more_lines || named_lines;
    }
    begin = end + 1;
  }
  return false;
}

}  // namespace qe::json_text

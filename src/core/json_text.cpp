#include "core/json_text.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unordered_set>

#include "core/byte_blocks.h"
#include "core/utf8.h"

namespace qe::json_text {
namespace {

using json = nlohmann::json;

// The first NUL byte or invalid UTF-8 sequence: one pass, skipping ASCII a block at a time.
std::optional<Problem> encoding_problem(std::string_view text) {
  const std::size_t at = utf8::find_invalid_or_nul(text);
  if (at == std::string_view::npos) return std::nullopt;
  if (text[at] == '\0')
    return Problem{at, "NUL byte in the text; expected UTF-8 text without NUL bytes (write \\u0000 inside a string)"};
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[at]));
  return Problem{at, std::string("invalid UTF-8: byte ") + hex + " does not start a valid sequence; expected UTF-8 text"};
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
std::optional<Problem> structure_problem(std::string_view text, const LoadLimits& limits) {
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

// Builds the value from nlohmann's SAX events (as its own DOM parser does) and reports
// duplicate keys: JSON allows them but nlohmann keeps only the last, which would silently
// drop data a person typed. Errors come as events too, so parsing never throws (the core is
// built without exception handling in the browser; only bad_alloc can still unwind).
class DomBuilder {
 public:
  // `check_only`: build nothing, only find the first syntax error (json::accept, without
  // instantiating nlohmann's parser once more for its acceptor: one parser in the wasm).
  DomBuilder(json& root, Parsed& parsed, bool check_only = false)
      : root_(root), parsed_(parsed), check_only_(check_only) {}

  bool null() { return value(nullptr); }
  bool boolean(bool v) { return value(v); }
  bool number_integer(json::number_integer_t v) { return value(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value(v); }
  bool number_float(json::number_float_t v, const json::string_t&) { return value(v); }
  bool string(json::string_t& v) { return value(std::move(v)); }
  bool binary(json::binary_t&) { return true; }  // never in JSON text
  bool start_object(std::size_t) {
    if (!check_only_) stack_.push_back(place(json(json::value_t::object)));
    return true;
  }
  bool key(json::string_t& key) {
    if (check_only_) return true;
    auto& object = stack_.back()->get_ref<json::object_t&>();
    auto [it, added] = object.emplace(std::move(key), nullptr);
    if (!added) {
      parsed_.duplicate_keys.push_back(DuplicateKey{path() + "/" + escaped(it->first), it->first});
      it->second = nullptr;  // nlohmann keeps the last; the loader refuses the document anyway
    }
    member_ = &it->second;
    return true;
  }
  bool end_object() {
    if (!check_only_) stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    if (!check_only_) stack_.push_back(place(json(json::value_t::array)));
    return true;
  }
  bool end_array() {
    if (!check_only_) stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
    error_position_ = position;
    error_id_ = error.id;
    error_message_ = error.what();
    return false;
  }

  std::size_t error_position_ = 0;
  int error_id_ = 0;
  std::string error_message_;

 private:
  template <typename V>
  bool value(V&& v) {
    if (!check_only_) place(json(std::forward<V>(v)));
    return true;
  }
  json* place(json&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    json& parent = *stack_.back();
    if (parent.is_array()) {
      auto& array = parent.get_ref<json::array_t&>();
      array.push_back(std::move(v));
      return &array.back();
    }
    *member_ = std::move(v);
    return member_;
  }
  static std::string escaped(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
  }
  // The JSON Pointer of the object being read (only on a duplicate: a walk of the stack).
  std::string path() const {
    std::string pointer;
    for (std::size_t level = 0; level + 1 < stack_.size(); ++level) {
      const json& container = *stack_[level];
      const json* child = stack_[level + 1];
      if (container.is_array()) {
        pointer += "/" + std::to_string(container.size() - 1);
        continue;
      }
      for (const auto& [name, member] : container.get_ref<const json::object_t&>())
        if (&member == child) pointer += "/" + escaped(name);
    }
    return pointer;
  }

  json& root_;
  Parsed& parsed_;
  bool check_only_;
  std::vector<json*> stack_;
  json* member_ = nullptr;
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
  return advance(Position{}, text.substr(0, std::min(offset, text.size())));
}

namespace {

std::size_t count_newlines(std::string_view text) {
  return blocks::count(text.data(), text.data() + text.size(), blocks::newlines);
}

}  // namespace

Position advance(Position at, std::string_view text) {
  const std::size_t lines = count_newlines(text);
  if (lines == 0) {
    at.column += utf8::count_code_points(text);
    return at;
  }
  at.line += lines;
  at.column = 1 + utf8::count_code_points(text.substr(text.rfind('\n') + 1));
  return at;
}

std::optional<Problem> check_encoding(std::string_view text) { return encoding_problem(text); }

std::optional<Problem> check_structure(std::string_view text, const LoadLimits& limits) {
  return structure_problem(text, limits);
}

std::optional<Problem> check_raw_text(std::string_view text, const LoadLimits& limits) {
  if (auto problem = encoding_problem(text)) return problem;
  return structure_problem(text, limits);
}

Parsed parse(std::string_view text, const LoadLimits& limits) {
  Parsed parsed;
  if (const std::uint64_t needed = estimated_parse_bytes(text, limits); needed > limits.max_parse_bytes) {
    parsed.problem = Problem{0, "reading this JSON needs up to " + size_text(needed) + " of memory, more than the " +
                                    size_text(limits.max_parse_bytes) + " allowed; expected a smaller document "
                                    "(a large corpus reads best as JSON Lines, one article per line)"};
    return parsed;
  }
  json value;
  DomBuilder builder(value, parsed);
  if (json::sax_parse(text.begin(), text.end(), &builder)) {
    parsed.value = std::move(value);
  } else if (builder.error_id_ == 406) {
    // "number overflow parsing '1e400'": find the literal, for its position.
    const std::string& message = builder.error_message_;
    const std::size_t quote = message.find('\'');
    const std::string literal = quote == std::string::npos ? "" : message.substr(quote + 1, message.rfind('\'') - quote - 1);
    const std::size_t found = literal.empty() ? std::string_view::npos : text.find(literal);
    parsed.problem = Problem{found == std::string_view::npos ? 0 : found,
                             "invalid JSON: the number " + literal + " is out of range; expected a number that "
                             "fits in a 64-bit float"};
  } else {
    const std::size_t byte = builder.error_position_;
    parsed.problem = Problem{byte == 0 ? 0 : byte - 1, "invalid JSON: " + syntax_message(builder.error_message_)};
  }
  return parsed;
}

bool is_complete_object(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '{') return false;
  json unused;
  Parsed parsed;
  DomBuilder check(unused, parsed, /*check_only=*/true);
  return json::sax_parse(text.begin(), text.end(), &check);
}

std::optional<nlohmann::json> parse_value(std::string_view text) {
  json value;
  Parsed parsed;
  DomBuilder builder(value, parsed);
  if (!json::sax_parse(text.begin(), text.end(), &builder)) return std::nullopt;
  return value;
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

#include "core/url_hash.h"

#include <cctype>

#include "core/utf8.h"

namespace qe {
namespace {

// application/x-www-form-urlencoded, as URLSearchParams.toString() writes it.
std::string encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '*' || c == '-' || c == '.' || c == '_') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Malformed escapes stay literal and invalid UTF-8 is dropped, as browsers do (roughly:
// they substitute U+FFFD), so no hash can smuggle bad bytes into the filter.
std::string decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const int high = i + 2 < text.size() && text[i] == '%' ? hex_value(text[i + 1]) : -1;
    const int low = high >= 0 ? hex_value(text[i + 2]) : -1;
    if (low >= 0) {
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += text[i] == '+' ? ' ' : text[i];
    }
  }
  return utf8::remove_invalid(out);
}

void append_pairs(std::string& out, std::string_view key, const std::vector<std::string>& values) {
  for (const std::string& value : values) {
    if (!out.empty()) out += '&';
    out.append(key).append("=").append(encode(value));
  }
}

}  // namespace

std::string filter_to_hash(const Filter& filter) {
  std::string out;
  append_pairs(out, "speaker", filter.speakers);
  append_pairs(out, "country", filter.countries);
  append_pairs(out, "kind", filter.kinds);
  append_pairs(out, "source", filter.sources);
  append_pairs(out, "article", filter.articles);
  if (!filter.published_from.empty()) append_pairs(out, "from", {filter.published_from});
  if (!filter.published_to.empty()) append_pairs(out, "to", {filter.published_to});
  if (!filter.text.empty()) append_pairs(out, "q", {filter.text});
  return out;
}

Filter filter_from_hash(std::string_view hash) {
  if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
  Filter filter;
  while (!hash.empty()) {
    const std::size_t amp = hash.find('&');
    const std::string_view pair = hash.substr(0, amp);
    hash = amp == std::string_view::npos ? std::string_view{} : hash.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    const std::string key = decode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? std::string{} : decode(pair.substr(eq + 1));
    if (value.empty()) continue;
    if (key == "speaker") filter.speakers.push_back(std::move(value));
    else if (key == "country") filter.countries.push_back(std::move(value));
    else if (key == "kind") filter.kinds.push_back(std::move(value));
    else if (key == "source") filter.sources.push_back(std::move(value));
    else if (key == "article") filter.articles.push_back(std::move(value));
    else if (key == "q") filter.text = std::move(value);
    else if (key == "from") filter.published_from = std::move(value);
    else if (key == "to") filter.published_to = std::move(value);
  }
  return filter;
}

}  // namespace qe

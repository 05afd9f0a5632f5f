// libFuzzer: any argument vector (NUL-separated) parses to a command or a usage error, and a
// query over standard input then runs without crashing.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "platform/cli/cli.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0) args.emplace_back();
    else args.back() += static_cast<char>(data[i]);
  }
  const auto parsed = qe::cli::parse_args(args);
  if (const auto* command = std::get_if<qe::cli::Command>(&parsed)) {
    if (command->verb != qe::cli::Command::Verb::Query) return 0;
    std::vector<std::string> from_stdin = args;
    from_stdin[1] = "-";  // never touch the file system
    std::istringstream in(R"({"format":"quote-explorer/article@1","id":"a","title":"t","paragraphs":["Kyiv said no."],
      "speakers":[{"id":"k","name":"Kyiv","country":"UA"}],
      "quotes":[{"id":"q","speaker":"k","kind":"indirect","text":"no","paragraph":0,"start":10,"end":12}]})");
    std::ostringstream out, err;
    qe::cli::run(from_stdin, in, out, err);
  }
  return 0;
}

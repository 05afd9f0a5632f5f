#include "platform/cli/cli.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/corpus.h"
#include "core/format.h"
#include "core/loader.h"
#include "extract/score.h"

namespace qe::cli {

const char* const kVersion = "0.2.0";

const char* const kUsage =
    "usage: quotes validate [--skip-invalid] FILE...\n"
    "       quotes query FILE [--speaker S]... [--country CC]... [--kind K]... [--source NAME]... [--text T]\n"
    "                    [--article ID|TITLE]... [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format json|csv|text] [--skip-invalid]\n"
    "       quotes stats FILE [--skip-invalid]\n"
    "       quotes extract [--id ID] [--title T] [--source NAME] [--url U] [--published DATE]\n"
    "                      [--speakers FILE] [--format article|jsonl] FILE...\n"
    "       quotes score GOLD EXTRACTED [--format json|text]\n"
    "FILE - reads standard input. Repeated values of one option are OR-ed, different options\n"
    "AND-ed; --speaker takes an id, name or alias, --article an id or title, and --text\n"
    "matches, all ignoring case.\n"
    "--from and --to keep articles published on or after / on or before a day.\n"
    "--skip-invalid: in JSON Lines, leave out invalid lines (each is a warning on stderr)\n"
    "and load the others; without it one invalid line rejects the file.\n"
    "extract reads article text (.txt) or an HTML page (.html) and writes article@1 JSON;\n"
    "several FILEs (or --format jsonl) give JSON Lines, one article per line.\n"
    "score pairs articles by id and reports precision, recall and F1 of the extracted\n"
    "quotes' spans at overlap >= .3, >= .8 and exact, and speaker, country and kind accuracy.\n";

namespace {

const std::string kSkipInvalid = "--skip-invalid";

std::optional<ExportFormat> parse_format(const std::string& name) {
  if (name == "json") return ExportFormat::Json;
  if (name == "csv") return ExportFormat::Csv;
  if (name == "text") return ExportFormat::Text;
  return std::nullopt;
}

// Reads "--name VALUE" or "--name=VALUE" at args[i]; advances i past what it used.
std::optional<std::string> option_value(const std::vector<std::string>& args, std::size_t& i, const std::string& name,
                                        std::string& error) {
  const std::string& arg = args[i];
  if (arg.rfind(name + "=", 0) == 0) return arg.substr(name.size() + 1);
  if (arg != name) return std::nullopt;
  if (i + 1 >= args.size()) {
    error = name + " needs a value";
    return std::nullopt;
  }
  return args[++i];
}

std::string lower_case(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::variant<Command, UsageError> parse_query_options(Command command, const std::vector<std::string>& args,
                                                      std::size_t i) {
  bool text_seen = false;
  for (; i < args.size(); ++i) {
    std::string error;
    if (auto v = option_value(args, i, "--speaker", error)) command.filter.speakers.push_back(*v);
    else if (auto v = option_value(args, i, "--country", error)) command.filter.countries.push_back(*v);
    else if (auto v = option_value(args, i, "--source", error)) command.filter.sources.push_back(*v);
    else if (auto v = option_value(args, i, "--article", error)) command.filter.articles.push_back(*v);
    else if (auto v = option_value(args, i, "--kind", error)) {
      if (!parse_kind(lower_case(*v))) return UsageError{"unknown --kind '" + *v + "'; expected direct, indirect or mixed"};
      command.filter.kinds.push_back(*v);
    } else if (auto v = option_value(args, i, "--text", error)) {
      if (text_seen) return UsageError{"--text given twice; expected it at most once"};
      text_seen = true;
      command.filter.text = *v;
    } else if (auto v = option_value(args, i, "--from", error)) {
      if (!parse_day(*v)) return UsageError{"--from '" + *v + "' is not a date; expected YYYY-MM-DD"};
      command.filter.published_from = *v;
    } else if (auto v = option_value(args, i, "--to", error)) {
      if (!parse_day(*v)) return UsageError{"--to '" + *v + "' is not a date; expected YYYY-MM-DD"};
      command.filter.published_to = *v;
    } else if (auto v = option_value(args, i, "--format", error)) {
      auto format = parse_format(*v);
      if (!format) return UsageError{"unknown --format '" + *v + "'; expected json, csv or text"};
      command.format = *format;
    } else if (args[i] == kSkipInvalid) {
      command.skip_invalid = true;
    } else if (!error.empty()) {
      return UsageError{error};
    } else {
      return UsageError{"unexpected argument '" + args[i] + "'"};
    }
  }
  return command;
}

// An argument that is no option of the verb: a FILE, or the error an option gave, or an
// unknown option.
std::optional<UsageError> take_file(const std::string& arg, const std::string& error, std::vector<std::string>& files) {
  if (!error.empty()) return UsageError{error};
  if (arg.size() > 1 && arg[0] == '-') return UsageError{"unexpected option '" + arg + "'"};
  files.push_back(arg);
  return std::nullopt;
}

std::variant<Command, UsageError> parse_extract_options(Command command, const std::vector<std::string>& args,
                                                        std::size_t i) {
  extract::ArticleInfo& info = command.article_info;
  const std::pair<const char*, std::string*> text_options[] = {
      {"--id", &info.id}, {"--title", &info.title}, {"--source", &info.source},
      {"--url", &info.url}, {"--published", &info.published}, {"--speakers", &command.speakers_file}};
  for (; i < args.size(); ++i) {
    std::string error;
    bool matched = false;
    for (const auto& [name, target] : text_options) {
      if (auto v = option_value(args, i, name, error)) {
        *target = *v;
        matched = true;
        break;
      }
      if (!error.empty()) return UsageError{error};
    }
    if (matched) continue;
    if (auto v = option_value(args, i, "--format", error)) {
      if (*v != "article" && *v != "jsonl") return UsageError{"unknown --format '" + *v + "'; expected article or jsonl"};
      command.json_lines = *v == "jsonl";
    } else if (auto usage = take_file(args[i], error, command.files)) {
      return *usage;
    }
  }
  if (command.files.empty()) return UsageError{"extract needs at least one FILE"};
  if (command.files.size() > 1 && !command.article_info.id.empty())
    return UsageError{"--id names one article; it cannot be given with several FILEs"};
  if (command.files.size() > 1) command.json_lines = true;
  return command;
}

struct Input {
  std::string text, name;
  bool ok = true;
};

// FILE, or `in` for "-"; null (with a message) when FILE cannot be read.
std::istream* open_input(const std::string& file, std::istream& in, std::ifstream& stream, std::ostream& err) {
  if (file == "-") return &in;
  stream.open(file, std::ios::binary);
  if (!stream) {
    err << "quotes: cannot read " << file << ": no such file or not readable\n";
    return nullptr;
  }
  return &stream;
}

Input read_input(const std::string& file, std::istream& in, std::ostream& err) {
  Input input{"", file == "-" ? "<stdin>" : file};
  std::ifstream stream;
  std::istream* source = open_input(file, in, stream, err);
  if (!source) {
    input.ok = false;
    return input;
  }
  std::ostringstream buffer;
  buffer << source->rdbuf();
  input.text = std::move(buffer).str();
  return input;
}

struct Loaded {
  std::string name;
  LoadResult result;
  bool readable = true;
};

// Loads a corpus as the command asks, reading FILE in 1 MiB chunks (StreamLoader: the text
// is never held whole); each line --skip-invalid left out is a warning.
Loaded load(const Command& command, const std::string& file, std::istream& in, std::ostream& err) {
  Loaded loaded{file == "-" ? "<stdin>" : file, {}};
  std::ifstream stream;
  std::istream* source = open_input(file, in, stream, err);
  if (!source) {
    loaded.readable = false;
    return loaded;
  }
  LoadLimits limits;
  limits.skip_invalid = command.skip_invalid;
  StreamLoader loader(loaded.name, limits);
  std::error_code no_size;
  if (file != "-") {
    const std::uintmax_t size = std::filesystem::file_size(file, no_size);
    if (!no_size) loader.expect_bytes(size);
  }
  std::vector<char> chunk(std::size_t{1} << 20);
  while (*source) {
    source->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const std::streamsize count = source->gcount();
    if (count <= 0 || !loader.feed(std::string_view(chunk.data(), static_cast<std::size_t>(count)))) break;
  }
  loaded.result = loader.finish();
  if (loaded.result.ok())
    for (const SkippedLine& line : loaded.result.skipped)
      for (const LoadError& error : line.errors)
        err << "quotes: warning: skipped line " << line.line << ": " << error.to_string() << "\n";
  return loaded;
}

int validate(const Command& command, std::istream& in, std::ostream& out, std::ostream& err) {
  int status = 0;
  for (const std::string& file : command.files) {
    const Loaded input = load(command, file, in, err);
    const LoadResult& result = input.result;
    if (!input.readable) {
      status = 1;
      continue;
    }
    if (!result.ok()) {
      err << describe_errors(result.errors);
      status = 1;
      continue;
    }
    const Corpus& corpus = *result.corpus;
    out << input.name << ": valid, " << format_count(corpus.articles.size(), "article", "articles") << ", "
        << format_count(corpus.speakers.size(), "speaker", "speakers") << ", "
        << format_count(corpus.quotes.size(), "quote", "quotes");
    if (!result.skipped.empty())
      out << " (" << format_count(result.skipped.size(), "invalid line", "invalid lines") << " skipped)";
    out << "\n";
  }
  return status;
}

void warn_unmatched(const Corpus& corpus, const Filter& filter, std::ostream& err) {
  for (const std::string& speaker : filter.speakers)
    if (corpus.find_speakers(speaker).empty()) err << "quotes: warning: no speaker matches '" << speaker << "'\n";
  Filter countries;
  countries.countries = filter.countries;
  for (const std::string& country : canonical_filter(corpus, countries).countries)
    if (country != kNoCountryValue && !find_country(country))
      err << "quotes: warning: '" << country << "' is not an ISO 3166-1 alpha-2 code\n";
  for (const std::string& source : filter.sources)
    if (!corpus.find_source(source)) err << "quotes: warning: no article has the source '" << source << "'\n";
  for (const std::string& article : filter.articles)
    if (corpus.find_articles(article).empty()) err << "quotes: warning: no article has the id or title '" << article << "'\n";
}

int query_or_stats(const Command& command, std::istream& in, std::ostream& out, std::ostream& err) {
  const Loaded input = load(command, command.files.front(), in, err);
  if (!input.readable) return 1;
  const LoadResult& result = input.result;
  if (!result.ok()) {
    err << describe_errors(result.errors);
    return 1;
  }
  const Corpus& corpus = *result.corpus;
  const FilterResult filtered = apply_filter(corpus, command.filter);
  if (command.verb == Command::Verb::Stats) {
    out << export_stats(corpus, filtered) << '\n';
    return 0;
  }
  warn_unmatched(corpus, command.filter, err);
  out << export_quotes(corpus, filtered.visible, command.format);
  if (command.format == ExportFormat::Json) out << '\n';
  return 0;
}

extract::InputFormat format_of(const std::string& file) {
  auto ends_with = [&](std::string_view suffix) {
    return file.size() >= suffix.size() && lower_case(file.substr(file.size() - suffix.size())) == suffix;
  };
  if (ends_with(".html") || ends_with(".htm") || ends_with(".xhtml")) return extract::InputFormat::Html;
  if (ends_with(".txt") || ends_with(".text")) return extract::InputFormat::Text;
  return extract::InputFormat::Auto;
}

// Each file's article on stdout (one JSON document, or one line each); the first bad file
// is reported with its location and the exit code is 1, but the others are still written.
int run_extract(const Command& command, std::istream& in, std::ostream& out, std::ostream& err) {
  extract::Options options;
  options.info = command.article_info;
  options.generator = std::string("quotes ") + kVersion;
  if (!command.speakers_file.empty()) {
    const Input speakers = read_input(command.speakers_file, in, err);
    if (!speakers.ok) return 1;
    extract::KnownSpeakersResult known = extract::read_known_speakers(speakers.text, speakers.name);
    if (known.error) {
      err << "quotes: " << known.error->to_string() << '\n';
      return 1;
    }
    options.known_speakers = std::move(known.speakers);
  }
  int status = 0;
  for (const std::string& file : command.files) {
    const Input input = read_input(file, in, err);
    if (!input.ok) {
      status = 1;
      continue;
    }
    options.format = format_of(file);
    const extract::ExtractResult result = extract::extract_article(input.text, input.name, options);
    if (!result.ok()) {
      err << "quotes: " << result.error->to_string() << '\n';
      status = 1;
      continue;
    }
    out << (command.json_lines ? result.article->dump() : result.article->dump(2)) << '\n';
  }
  return status;
}

// Precision, recall and attribute accuracy of EXTRACTED against GOLD (extract/score.h).
// Unpaired ids and articles whose paragraphs differ go to stderr; exit 1 when no article
// could be scored or a file is bad.
int run_score(const Command& command, std::istream& in, std::ostream& out, std::ostream& err) {
  if (command.files[0] == "-" && command.files[1] == "-") {
    err << "quotes: score reads at most one FILE from standard input\n";
    return 2;
  }
  extract::ScoreInput inputs[2];
  bool ok = true;
  for (int i = 0; i < 2; ++i) {
    const Input input = read_input(command.files[i], in, err);
    if (!input.ok) {
      ok = false;
      continue;
    }
    inputs[i] = extract::read_score_input(input.text, input.name);
    if (!inputs[i].ok()) {
      err << describe_errors(inputs[i].errors);
      ok = false;
    }
  }
  if (!ok) return 1;
  const extract::ScoreReport report = extract::score(inputs[0].articles, inputs[1].articles);
  for (const std::string& problem : report.problems) err << "quotes: " << problem << '\n';
  if (report.articles == 0) {
    err << "quotes: no article was scored; expected GOLD and EXTRACTED to share article ids and paragraphs\n";
    return 1;
  }
  if (command.format == ExportFormat::Text) out << extract::score_text(report);
  else out << extract::score_json(report).dump(2) << '\n';
  return 0;
}

std::variant<Command, UsageError> parse_score_options(Command command, const std::vector<std::string>& args) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string error;
    if (auto v = option_value(args, i, "--format", error)) {
      if (*v != "json" && *v != "text") return UsageError{"unknown --format '" + *v + "'; expected json or text"};
      command.format = *v == "text" ? ExportFormat::Text : ExportFormat::Json;
    } else if (auto usage = take_file(args[i], error, command.files)) {
      return *usage;
    }
  }
  if (command.files.size() != 2)
    return UsageError{"score needs two FILEs, GOLD and EXTRACTED; got " + std::to_string(command.files.size())};
  return command;
}

}  // namespace

std::variant<Command, UsageError> parse_args(const std::vector<std::string>& args) {
  Command command;
  if (args.empty()) return UsageError{"missing command; expected validate, query, stats, extract or score"};
  const std::string& verb = args[0];
  if (verb == "-h" || verb == "--help" || verb == "help") return command;
  if (verb == "validate") {
    command.verb = Command::Verb::Validate;
    for (std::size_t i = 1; i < args.size(); ++i) {
      if (args[i] == kSkipInvalid) command.skip_invalid = true;
      else command.files.push_back(args[i]);
    }
    if (command.files.empty()) return UsageError{"validate needs at least one FILE"};
    return command;
  }
  if (verb == "extract") {
    command.verb = Command::Verb::Extract;
    return parse_extract_options(std::move(command), args, 1);
  }
  if (verb == "score") {
    command.verb = Command::Verb::Score;
    return parse_score_options(std::move(command), args);
  }
  if (verb != "query" && verb != "stats")
    return UsageError{"unknown command '" + verb + "'; expected validate, query, stats, extract or score"};
  command.verb = verb == "query" ? Command::Verb::Query : Command::Verb::Stats;
  std::size_t file = 1;  // --skip-invalid may also come before FILE
  if (file < args.size() && args[file] == kSkipInvalid) command.skip_invalid = true, ++file;
  if (args.size() <= file) return UsageError{verb + " needs a FILE"};
  command.files = {args[file]};
  if (command.verb == Command::Verb::Stats) {
    for (std::size_t i = file + 1; i < args.size(); ++i) {
      if (args[i] != kSkipInvalid) return UsageError{"unexpected argument '" + args[i] + "'"};
      command.skip_invalid = true;
    }
    return command;
  }
  return parse_query_options(std::move(command), args, file + 1);
}

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  auto parsed = parse_args(args);
  if (auto* usage = std::get_if<UsageError>(&parsed)) {
    err << "quotes: " << usage->message << "\n" << kUsage;
    return 2;
  }
  const Command& command = std::get<Command>(parsed);
  switch (command.verb) {
    case Command::Verb::Help: out << kUsage; return 0;
    case Command::Verb::Validate: return validate(command, in, out, err);
    case Command::Verb::Query:
    case Command::Verb::Stats: return query_or_stats(command, in, out, err);
    case Command::Verb::Extract: return run_extract(command, in, out, err);
    case Command::Verb::Score: return run_score(command, in, out, err);
  }
  return 2;
}

}  // namespace qe::cli

#include "factdb/scaffold.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <system_error>
#include <vector>

#include "factdb/error.h"
#include "factdb/output_file.h"
#include "factdb/text.h"
#include "seed/article_reader.h"
#include "seed/dates.h"
#include "seed/diagnostics.h"

namespace fs = std::filesystem;

namespace factdb {

namespace {

struct Paragraph {
  std::size_t start = 0, end = 0;  // bytes
  int lines = 0;
  std::size_t words = 0;
};

// The paragraphs the loader makes passages of, with their lines and words.
std::vector<Paragraph> paragraphs_of(std::string_view text) {
  std::vector<Paragraph> found;
  std::string whole(text);
  for (auto span : seed::paragraphs(whole, seed::Span{0, whole.size()})) {
    Paragraph p{span.start, span.start + span.length, 1, 0};
    auto body = text.substr(span.start, span.length);
    p.lines += static_cast<int>(std::count(body.begin(), body.end(), '\n'));
    std::istringstream words{std::string(body)};
    for (std::string w; words >> w;) ++p.words;
    found.push_back(p);
  }
  return found;
}

// A TOML basic string holding `s`.
std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') out += std::string("\\") + c;
    else if (u < 0x20 || u == 0x7f) out += fmt::format("\\u{:04x}", u);
    else out += c;
  }
  return out + "\"";
}

std::size_t count(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (auto at : text::find_all(text, needle))
    if (text::on_word_boundaries(text, at, needle.size())) ++n;
  return n;
}

// The words from `start` on (or, with `backwards`, up to `end`), as few as
// are found once in the text, so that the quote is unambiguous.
std::string unique_run(std::string_view text, std::size_t start, std::size_t end, bool backwards) {
  std::vector<std::pair<std::size_t, std::size_t>> words;  // [begin, end) of each word of the span
  for (std::size_t i = start; i < end;) {
    while (i < end && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    auto b = i;
    while (i < end && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > b) words.emplace_back(b, i);
  }
  for (std::size_t n = std::min<std::size_t>(6, words.size()); n <= words.size(); ++n) {
    auto from = backwards ? words[words.size() - n].first : words.front().first;
    auto to = backwards ? words.back().second : words[n - 1].second;
    auto run = text.substr(from, to - from);
    if (count(text, run) == 1) return std::string(run);
  }
  return std::string(text.substr(start, end - start));
}

// Day and month names: dates, not entities.
bool calendar_word(std::string_view word) {
  static const std::set<std::string_view> words = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
      "April",  "May",     "June",      "July",     "August", "September", "October", "November", "December"};
  return words.count(word) > 0;
}

// Words that open sentences without naming anything. A short list, not a
// dictionary: what it misses shows among the "perhaps" names, to be ignored.
bool sentence_word(std::string_view word) {
  static const std::set<std::string_view> words = {
      "A", "After", "Also", "An", "And", "As", "At", "Before", "But", "By", "During", "Earlier", "For", "From", "He",
      "Her", "His", "However", "I", "If", "In", "It", "Its", "Last", "Later", "Meanwhile", "More", "Most", "Next", "No",
      "Now", "Officials", "On", "Only", "Our", "She", "Since", "Some", "That", "The", "Their", "There", "These", "They",
      "This", "Those", "To", "Under", "We", "What", "When", "Where", "While", "Who", "With", "Yet", "Yesterday"};
  return words.count(word) > 0;
}

struct PrintedNames {
  std::vector<std::string> names;    // runs of capitalised words, and possessives ("Serbia's")
  std::vector<std::string> perhaps;  // single words only ever seen opening a sentence ("Romania was represented")
};

// Runs of capitalised words, in order of first appearance: the names the text
// prints, as a list to start the entities from. A single word that only ever
// opens a sentence ("Talks", "Romania") is listed apart; a possessive loses its
// "'s"; day and month names are left out.
PrintedNames printed_names(std::string_view body) {
  std::vector<std::pair<std::string, bool>> runs;  // the run, and whether it opened a sentence
  std::string run;
  bool run_opens = false, sentence_start = true;
  bool possessive = false;  // "Serbia's": a name, even where it opens a sentence
  auto flush = [&] {
    if (!run.empty()) runs.emplace_back(run, run_opens && !possessive && run.find(' ') == std::string::npos);
    run.clear();
    possessive = false;
  };
  std::istringstream words{std::string(body)};
  for (std::string w; words >> w;) {
    bool ends_sentence = w.back() == '.' || w.back() == '?' || w.back() == '!';
    std::string core = w;
    while (!core.empty() && std::ispunct(static_cast<unsigned char>(core.back()))) core.pop_back();
    bool owns = false;
    for (std::string_view ending : {"\u2019s", "'s"})
      if (core.size() > ending.size() && core.compare(core.size() - ending.size(), std::string::npos, ending) == 0) {
        core.resize(core.size() - ending.size());
        owns = true;
      }
    bool capital = !core.empty() && std::isupper(static_cast<unsigned char>(core[0]));
    if (capital) {
      if (run.empty()) run_opens = sentence_start;
      if (run.empty() && sentence_start && (core == "The" || core == "A" || core == "An")) {
        sentence_start = false;  // "The SCO": the article, then the name
        continue;
      }
      run += (run.empty() ? "" : " ") + core;
      possessive = possessive || owns;
      if (core.size() != w.size() && !ends_sentence) flush();  // a comma or a possessive ends the name
    } else {
      flush();
    }
    if (ends_sentence) flush();
    sentence_start = ends_sentence;
  }
  flush();
  std::set<std::string> mid_sentence;
  for (const auto& [name, opens] : runs)
    if (!opens) mid_sentence.insert(name);
  PrintedNames printed;
  std::set<std::string> seen;
  for (const auto& [name, opens] : runs) {
    if (calendar_word(name) || !seen.insert(name).second) continue;
    if (!opens || mid_sentence.count(name)) printed.names.push_back(name);
    else if (!sentence_word(name)) printed.perhaps.push_back(name);
  }
  return printed;
}

struct PrintedDates {
  std::vector<std::string> phrases;  // "on Thursday", "March 14, 2025", "in 2023", "last year", in order
  // The first full date of the dateline, when the text prints it once: the
  // article's own date, and its ISO form.
  std::optional<std::pair<std::string, std::string>> published;
};

// Dates as the text prints them, for [[date]] entries. std::regex is slow,
// but runs once over one article when a curator starts it.
PrintedDates printed_dates(std::string_view text, std::size_t dateline_end) {
  static const std::string month =
      "(January|February|March|April|May|June|July|August|September|October|November|December)";
  static const std::regex full("\\b" + month + " ([0-9]{1,2}), ([0-9]{4})\\b|\\b([0-9]{1,2}) " + month + " ([0-9]{4})\\b");
  static const std::regex any(
      "\\b((on|last|next|this|by|until|since) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b"
      "|\\b" + month + "( [0-9]{1,2})?(, [0-9]{4}| [0-9]{4})?\\b"
      "|\\b[0-9]{1,2} " + month + "( [0-9]{4})?\\b"
      "|\\b(in|since|until|by|from|before|after) [0-9]{4}\\b"
      "|\\b(last|next|this) (year|month|week)\\b");
  PrintedDates dates;
  std::string body(text);
  std::set<std::string> seen;
  for (std::sregex_iterator it(body.begin(), body.end(), any), end; it != end; ++it)
    if (seen.insert(it->str()).second) dates.phrases.push_back(it->str());
  std::smatch m;
  if (std::regex_search(body, m, full) && static_cast<std::size_t>(m.position(0)) < dateline_end &&
      count(text, m.str(0)) == 1) {
    bool month_first = m[1].matched;
    auto month_word = std::string(month_first ? m[1] : m[5]);
    std::transform(month_word.begin(), month_word.end(), month_word.begin(), [](unsigned char c) { return std::tolower(c); });
    auto iso = fmt::format("{}-{:02}-{:02}", std::string(month_first ? m[3] : m[6]), seed::month_of(month_word),
                           std::stoi(month_first ? m[2] : m[4]));
    if (seed::parse_iso_date(iso)) dates.published = {{m.str(0), iso}};
  }
  return dates;
}

// One comment line after another, each item followed by "; ".
void comment_list(std::ostream& out, const std::vector<std::string>& items) {
  std::string line = "#";
  for (const auto& item : items) {
    if (line.size() + item.size() + 2 > 78) {
      out << line << "\n";
      line = "#";
    }
    line += " " + item + ";";
  }
  out << line << "\n";
}

std::string slug_of(std::string_view name) {
  std::string slug;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) slug += static_cast<char>(std::tolower(u));
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace

std::string scaffold_facts_toml(std::string_view text, std::string_view id, std::string_view text_file) {
  auto paragraphs = paragraphs_of(text);
  // The body: the longest run of paragraphs that read as prose (half a
  // dozen words or more, ending a sentence).
  auto ends_sentence = [&](const Paragraph& p) {
    auto last = text[p.end - 1];
    return last == '.' || last == '"' || last == '!' || last == '?' || last == '\'' || text.substr(p.end - 3, 3) == "\u201d";
  };
  auto prose = [&](const Paragraph& p) { return p.words >= 6 && ends_sentence(p); };
  // A dateline ("Published 12 September 2025", "July 5, 2024") is not a headline.
  auto dateline = [&](const Paragraph& p) {
    auto line = text.substr(p.start, p.end - p.start);
    bool year = false;
    for (std::size_t i = 0; i + 4 <= line.size(); ++i)
      year = year || (std::isdigit(static_cast<unsigned char>(line[i])) && std::isdigit(static_cast<unsigned char>(line[i + 1])) &&
                      std::isdigit(static_cast<unsigned char>(line[i + 2])) && std::isdigit(static_cast<unsigned char>(line[i + 3])));
    return year && p.words <= 5;
  };
  std::size_t best_start = 0, best_len = 0;
  for (std::size_t i = 0; i < paragraphs.size();) {
    if (!prose(paragraphs[i])) {
      ++i;
      continue;
    }
    auto j = i;
    while (j < paragraphs.size() && prose(paragraphs[j])) ++j;
    if (j - i > best_len) best_start = i, best_len = j - i;
    i = j;
  }
  std::ostringstream out;
  out << "# What the article states, one entry per fact; see docs/seed-format.md.\n"
         "# Each entry rests on `quote` (the article's words) or on `annotation`\n"
         "# (knowledge the article does not give, with its source).\n\n"
         "[article]\n"
      << "id = " << toml_string(id) << "\n"
      << "text = " << toml_string(text_file) << "\n"
      << "sections = [\n";
  std::optional<std::size_t> headline;
  if (best_len > 0) {
    // The headline: the first one-line paragraph of four words or more before
    // the body that is not cut short ("...") nor a dateline.
    for (std::size_t i = 0; i < best_start; ++i)
      if (paragraphs[i].lines == 1 && paragraphs[i].words >= 4 && text.substr(paragraphs[i].end - 3, 3) != "..." &&
          !dateline(paragraphs[i])) {
        headline = i;
        break;
      }
  }
  if (!headline)
    for (std::size_t i = 0; i < paragraphs.size(); ++i)
      if (paragraphs[i].words >= 1) {
        headline = i;
        break;
      }
  auto quote_of = [&](const Paragraph& p) {
    auto whole = text.substr(p.start, p.end - p.start);
    auto n = count(text, whole);
    if (n <= 1) return toml_string(whole);
    // The first occurrence on word boundaries is this paragraph's or an earlier one's.
    std::size_t occurrence = 0;
    for (auto at : text::find_all(text, whole))
      if (text::on_word_boundaries(text, at, whole.size()) && at <= p.start) ++occurrence;
    return fmt::format("{{ text = {}, occurrence = {} }}", toml_string(whole), occurrence);
  };
  if (headline && *headline > 0 && paragraphs[0].lines == 1 && paragraphs[0].words <= 30)
    out << "  { role = \"navigation\", quote = " << quote_of(paragraphs[0]) << " },\n";
  if (headline) out << "  { role = \"headline\", quote = " << quote_of(paragraphs[*headline]) << " },\n";
  // A byline: a short paragraph between the headline and the body that opens with "By".
  if (headline && best_len > 0)
    for (auto i = *headline + 1; i < best_start; ++i)
      if (paragraphs[i].lines == 1 && paragraphs[i].words <= 8 && text.substr(paragraphs[i].start, 3) == "By ") {
        out << "  { role = \"byline\", quote = " << quote_of(paragraphs[i]) << " },\n";
        break;
      }
  if (best_len > 0) {
    const auto& first = paragraphs[best_start];
    const auto& last = paragraphs[best_start + best_len - 1];
    out << "  { role = \"body\", from = " << toml_string(unique_run(text, first.start, first.end, false))
        << ", to = " << toml_string(unique_run(text, last.start, last.end, true)) << " },\n";
    if (best_start + best_len < paragraphs.size()) {
      const auto& tail = paragraphs.back();
      if (tail.lines == 1 && tail.words <= 12 && !ends_sentence(tail)) out << "  { role = \"footer\", quote = " << quote_of(tail) << " },\n";
    }
  }
  out << "]\n";
  auto body = best_len > 0 ? text.substr(paragraphs[best_start].start,
                                         paragraphs[best_start + best_len - 1].end - paragraphs[best_start].start)
                           : text;
  auto printed = printed_names(body);
  if (!printed.names.empty()) {
    out << "\n# Names the text prints, to start the people, countries, organizations,\n"
           "# places and events from (ids are lower-case slugs shared by every article):\n";
    comment_list(out, printed.names);
  }
  if (!printed.perhaps.empty()) {
    out << "\n# Perhaps names too (they only open sentences):\n";
    comment_list(out, printed.perhaps);
  }
  // The dateline: what precedes the body, and the body's first sentence.
  std::size_t dateline_end = best_len > 0 ? paragraphs[best_start].end : text.size();
  if (best_len > 0)
    for (auto i = paragraphs[best_start].start; i < paragraphs[best_start].end; ++i)
      if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
        dateline_end = i;
        break;
      }
  auto dates = printed_dates(text, dateline_end);
  if (dates.published)
    out << "\n# The article's date, as its dateline prints it; words such as \"on Thursday\"\n"
           "# are read against it.\n"
           "[[date]]\nrole = \"published\"\nprinted = "
        << toml_string(dates.published->first) << "\niso = " << dates.published->second
        << "\nquote = " << toml_string(dates.published->first) << "\n";
  if (!dates.phrases.empty()) {
    out << "\n# Dates the text prints, for [[date]] entries (printed, and iso as they give it):\n";
    comment_list(out, dates.phrases);
  }
  out << "\n# [[person]]\n# id = \"...\"\n# name = \"...\"\n";
  return out.str();
}

fs::path create_article(const fs::path& text_path, const fs::path& seed_dir, std::string id) {
  if (id.empty()) id = slug_of(text_path.stem().string());
  if (!seed::is_slug(id))
    throw Error(ExitCode::usage, fmt::format("article id '{}' must be lower-case letters, digits and hyphens (--id)", id));
  std::error_code ec;
  if (!fs::is_directory(seed_dir, ec))
    throw Error(ExitCode::missing_file, fmt::format("seed folder {} does not exist or is not a folder", seed_dir.string()));
  auto status = fs::status(text_path, ec);
  if (!fs::is_regular_file(status))
    throw Error(ExitCode::missing_file, fs::exists(status) ? fmt::format("{} is not a regular file", text_path.string())
                                                           : fmt::format("{} does not exist", text_path.string()));
  std::ifstream in(text_path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (!in && !in.eof()) throw Error(ExitCode::missing_file, fmt::format("cannot read {}", text_path.string()));
  auto text = buf.str();
  if (text.empty()) throw Error(ExitCode::bad_data, fmt::format("{} is empty", text_path.string()));
  if (auto bad = text::first_invalid_utf8(text)) {
    auto lc = text::line_column(text, *bad);
    throw Error(ExitCode::bad_data, fmt::format("{}:{}:{}: invalid UTF-8; an article's text must be UTF-8", text_path.string(), lc.line, lc.column));
  }
  if (auto nul = text.find('\0'); nul != std::string::npos) {
    auto lc = text::line_column(text, nul);
    throw Error(ExitCode::bad_data, fmt::format("{}:{}:{}: a NUL byte; an article's text must not hold one", text_path.string(), lc.line, lc.column));
  }
  auto folder = seed_dir / id;
  if (fs::exists(fs::symlink_status(folder, ec)))
    throw Error(ExitCode::usage, fmt::format("{} exists already; give another --id", folder.string()));
  // Written in a temporary folder beside it, renamed into place once whole.
  auto staging = seed_dir / fmt::format(".{}.tmp-new", id);
  fs::remove_all(staging, ec);
  try {
    fs::create_directory(staging);
    {
      std::ofstream t(staging / "article.txt", std::ios::binary);
      t << text;
      std::ofstream f(staging / "facts.toml", std::ios::binary);
      f << scaffold_facts_toml(text, id, "article.txt");
      if (!t.flush() || !f.flush()) throw fs::filesystem_error("write failed", staging, std::make_error_code(std::errc::io_error));
    }
    fs::rename(staging, folder);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(staging, ec);
    throw Error(ExitCode::missing_file, fmt::format("cannot create {}: {}", folder.string(), e.code().message()));
  }
  return folder;
}

}  // namespace factdb

#include "ask_question.h"

#include <algorithm>
#include <map>

#include "factdb/text.h"

namespace factdb::ask_detail {

namespace {

// The word lists below are hand-written: short, English only, and no library
// of the ones Debian packages offers reads questions for their shape.
bool in(const std::set<std::string>& words, const std::string& folded) { return words.count(folded) > 0; }

// Why, when, where and whom are not common: they tell reasons, founding,
// places and meetings apart.
const std::set<std::string> kCommon = {
    "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "by", "can", "could", "did",
    "do", "does", "each", "for", "from", "get", "give", "had", "has", "have", "how", "i", "in", "into", "is", "it",
    "its", "just", "know", "list", "many", "me", "much", "my", "of", "on", "or", "our", "please", "s", "show", "so",
    "some", "t", "tell", "than", "that", "the", "their", "them", "there", "these", "they", "this", "those", "to",
    "us", "was", "we", "were", "what", "which", "while", "who", "whose", "will", "with", "would", "you", "your",
    "anyone", "anybody", "someone", "somebody", "everyone", "everybody", "one", "but", "other", "others", "among",
    "then", "both", "either", "such", "very", "only", "ever", "next", "again", "if", "whether", "actually", "really",
    "exactly", "number", "total", "given", "inside", "within", "among", "main", "key", "major", "various", "altogether", "overall", "whole", "entire", "kind", "sort", "here", "now", "go", "up"};

// A question of nothing but these and a name asks about the name.
const std::set<std::string> kAboutWords = {
    "article", "articles", "background", "details", "else", "everything", "anything", "fact", "facts", "find", "info",
    "information", "more", "profile", "regarding", "concerning", "known", "out", "person",
    "people", "country", "state", "nation", "leader", "organization", "organisation", "he", "she", "him", "her"};

const std::set<std::string> kNegations = {
    "not", "no", "nobody", "none", "never", "without", "absent", "absence", "absentee", "absentees", "absences",
    "missing", "miss", "missed", "skip", "skipped", "skipping", "away", "didn", "doesn", "wasn", "weren", "isn", "aren",
    "haven", "hasn", "hadn", "don", "won", "couldn", "cannot", "non", "unrepresented", "failed", "except",
    "excluding", "declined", "boycott", "boycotted", "didnt", "dont", "doesnt", "wasnt", "werent", "isnt", "arent",
    "hasnt", "havent", "hadnt", "couldnt", "wont", "cant"};

// Words that ask whether someone was at an event.
const std::set<std::string> kAttendance = {
    "attend", "attended", "attending", "attends", "attendance", "there", "present", "come", "came", "go", "went",
    "gone", "join", "joined", "participate", "participated", "part", "take", "took", "show", "showed", "turn",
    "turned", "up", "appear", "appeared", "absent", "skip", "skipped", "miss", "missed", "stay", "stayed", "away",
    "represented", "represent", "person", "personally", "himself", "herself", "themselves", "make", "made", "it",
    "travel", "travelled", "traveled", "trip", "visit", "visited", "arrive", "arrived", "along", "too", "also",
    "send", "sent", "delegate", "delegates", "delegation", "delegations", "representative", "representatives"};

// Words people use for what the canned queries call otherwise: each leads to
// words the queries' titles, descriptions and examples use. General English,
// not this corpus's names: a question worded unlike every example still
// finds its query, and a word none of these reaches still counts against it.
const std::map<std::string, std::vector<std::string>> kRelated = {
    {"came", {"attended", "attendees"}}, {"come", {"attended", "attendees"}}, {"comes", {"attended", "attendees"}}, {"coming", {"attended", "attendees"}},
    {"participate", {"attended", "attendees"}}, {"participated", {"attended", "attendees"}}, {"participating", {"attended", "attendees"}},
    {"participation", {"attended", "attendees"}}, {"joined", {"attended", "attendees"}}, {"join", {"attended", "attendees"}}, {"showed", {"attended", "attendees"}},
    {"turned", {"attended", "attendees"}}, {"appeared", {"attended", "attendees"}}, {"went", {"attended", "attendees"}}, {"travelled", {"attended", "attendees"}},
    {"traveled", {"attended", "attendees"}}, {"travel", {"attended", "attendees"}}, {"there", {"attended", "attendees"}}, {"visited", {"attended", "attendees"}},
    {"part", {"attended", "attendees"}}, {"attendance", {"attended", "attendees"}}, {"attend", {"attended", "attendees"}}, {"atend", {"attended", "attendees"}},
    {"atended", {"attended", "attendees"}}, {"attened", {"attended", "attendees"}},
    {"substitute", {"instead"}}, {"substituted", {"instead"}}, {"substitutes", {"instead"}}, {"deputised", {"instead"}},
    {"deputized", {"instead"}}, {"deputy", {"instead"}}, {"replaced", {"instead"}}, {"replacement", {"instead"}},
    {"replacing", {"instead"}}, {"behalf", {"instead"}}, {"stead", {"instead"}}, {"proxy", {"instead"}},
    {"proxies", {"instead"}}, {"stand", {"stood"}}, {"standing", {"stood"}}, {"stands", {"stood"}},
    {"delegation", {"delegates"}}, {"delegations", {"delegates"}}, {"delegate", {"delegates"}}, {"led", {"sent"}},
    {"missed", {"absent"}}, {"miss", {"absent"}}, {"skipped", {"absent"}}, {"skip", {"absent"}}, {"stayed", {"absent"}},
    {"home", {"absent"}}, {"absentees", {"absent"}}, {"absentee", {"absent"}}, {"absences", {"absent"}},
    {"absence", {"absent"}}, {"away", {"absent"}}, {"missing", {"absent"}}, {"unrepresented", {"unrepresented"}},
    {"nobody", {"nobody"}}, {"outside", {"not", "members"}}, {"nonmember", {"not", "members"}},
    {"guest", {"guests"}}, {"observer", {"observers"}},
    {"bilateral", {"met", "meetings"}}, {"meet", {"met"}}, {"meeting", {"meetings"}}, {"talked", {"talks", "discussed"}},
    {"talk", {"discussed", "talks"}}, {"discuss", {"discussed"}}, {"discussion", {"discussed"}}, {"discussions", {"discussed"}},
    {"subjects", {"subjects"}}, {"topic", {"subjects"}}, {"topics", {"subjects"}}, {"issues", {"subjects"}},
    {"issue", {"subjects"}}, {"theme", {"subjects"}}, {"themes", {"subjects"}}, {"matters", {"subjects"}}, {"agenda", {"agenda"}}, {"focus", {"focused"}},
    {"achieve", {"aims"}}, {"trying", {"aims"}}, {"tried", {"aims"}}, {"goal", {"aims"}}, {"goals", {"aims"}},
    {"objective", {"aims"}}, {"objectives", {"aims"}}, {"want", {"want"}}, {"wanted", {"want"}}, {"seek", {"aims"}},
    {"sought", {"aims"}}, {"seeks", {"aims"}}, {"intend", {"aims"}}, {"intended", {"aims"}}, {"hope", {"aims"}},
    {"hoped", {"aims"}}, {"view", {"positions"}}, {"views", {"positions"}}, {"stance", {"positions"}},
    {"opinion", {"positions"}}, {"opinions", {"positions"}}, {"position", {"positions"}}, {"supports", {"support"}},
    {"dispute", {"tensions"}}, {"disputes", {"tensions"}}, {"rivalries", {"rivalry"}}, {"rivals", {"rivalry"}},
    {"feud", {"tensions"}}, {"conflicts", {"conflict"}}, {"quarrel", {"tensions"}}, {"clash", {"tensions"}},
    {"explanation", {"reasons"}}, {"explanations", {"reasons"}}, {"explain", {"explains"}}, {"because", {"reasons"}},
    {"cause", {"reasons"}}, {"causes", {"reasons"}},
    {"established", {"founded"}}, {"establish", {"founded"}}, {"establishment", {"founded"}}, {"formed", {"founded"}},
    {"form", {"founded"}}, {"created", {"founded"}}, {"creation", {"founded"}}, {"create", {"founded"}},
    {"founders", {"founded"}}, {"founder", {"founded"}}, {"founding", {"founded"}}, {"set", {"founded"}},
    {"started", {"founded"}}, {"begun", {"founded"}}, {"origin", {"founded"}}, {"origins", {"founded"}},
    {"posts", {"office"}}, {"post", {"office"}}, {"titles", {"title"}}, {"roles", {"office"}}, {"role", {"office"}},
    {"occupy", {"holds"}}, {"occupies", {"holds"}}, {"jobs", {"office"}}, {"job", {"office"}}, {"positions", {"position"}},
    {"venue", {"place", "held"}}, {"venues", {"place", "held"}}, {"location", {"place"}}, {"located", {"place"}},
    {"city", {"city"}}, {"cities", {"city"}}, {"held", {"held"}},
    {"organised", {"hosted"}}, {"organized", {"hosted"}}, {"organiser", {"host"}}, {"organizer", {"host"}},
    {"hosting", {"hosted"}}, {"hosts", {"host"}},
    {"results", {"outcomes"}}, {"result", {"outcomes"}}, {"agreements", {"agreed"}}, {"agreement", {"agreed"}},
    {"deal", {"agreed"}}, {"deals", {"agreed"}}, {"declaration", {"adopted"}}, {"declarations", {"adopted"}},
    {"documents", {"signed"}}, {"document", {"signed"}}, {"treaty", {"signed"}}, {"treaties", {"signed"}},
    {"pact", {"signed"}}, {"pacts", {"signed"}}, {"decide", {"decided"}}, {"decisions", {"decided"}},
    {"decision", {"decided"}}, {"achieved", {"outcomes"}}, {"accomplished", {"outcomes"}}, {"approved", {"adopted"}},
    {"say", {"said"}}, {"says", {"said"}}, {"quote", {"quotes"}}, {"quoted", {"quotes"}}, {"quotation", {"quotes"}},
    {"remarks", {"said"}}, {"told", {"said"}}, {"stated", {"said"}}, {"speak", {"said"}}, {"spoke", {"said"}},
    {"speech", {"said"}}, {"words", {"said"}},
    {"size", {"many", "members"}}, {"belong", {"members"}}, {"belongs", {"members"}}, {"membership", {"members"}},
    {"join", {"members"}}, {"admitted", {"members"}}, {"status", {"status"}},
    {"sources", {"sources"}}, {"accounts", {"reports"}}, {"differ", {"disagree"}}, {"conflicting", {"contradict"}},
    {"contradiction", {"contradict"}}, {"contradictions", {"contradict"}}, {"inconsistent", {"contradict"}},
    {"inconsistencies", {"contradict"}}, {"discrepancies", {"disagree"}}, {"discrepancy", {"disagree"}},
    {"annotation", {"annotations"}}, {"annotated", {"annotations"}}, {"external", {"outside"}},
    {"day", {"dates"}}, {"days", {"dates"}}, {"date", {"dates"}}, {"published", {"published"}},
    {"passages", {"passages"}}, {"passage", {"passages"}}, {"mentioned", {"mention", "printed"}}, {"mentions", {"mention", "printed"}},
    {"look", {"search"}}, {"lookup", {"search"}}, {"divide", {"tensions"}}, {"divides", {"tensions"}},
    {"divided", {"tensions"}}, {"split", {"tensions"}}, {"big", {"many", "members"}}, {"large", {"many", "members"}},
    {"chaired", {"hosted"}}, {"chair", {"host"}}, {"presided", {"hosted"}}, {"claims", {"facts"}}, {"claim", {"facts"}},
    {"rely", {"rests"}}, {"relies", {"rests"}}, {"based", {"rests"}}, {"representation", {"represented"}},
    {"representatives", {"represented", "delegates"}}, {"representative", {"represented", "delegates"}}, {"text", {"text"}}, {"why", {"reasons", "why"}},
    {"heads", {"head"}}, {"presidents", {"president"}}, {"countries", {"country"}}, {"nations", {"country"}},
    {"nation", {"country"}}, {"states", {"state"}}};

// Two words that together say one thing: "took part" is attended, "came out" an outcome.
const std::map<std::pair<std::string, std::string>, std::vector<std::string>> kRelatedPairs = {
    {{"took", "part"}, {"attended", "attendees"}}, {{"take", "part"}, {"attended", "attendees"}}, {{"taking", "part"}, {"attended", "attendees"}},
    {{"showed", "up"}, {"attended", "attendees"}}, {{"show", "up"}, {"attended", "attendees"}}, {{"turned", "up"}, {"attended", "attendees"}},
    {{"came", "out"}, {"outcomes"}}, {{"come", "out"}, {"outcomes"}}, {{"came", "up"}, {"discussed"}},
    {{"come", "up"}, {"discussed"}}, {{"set", "up"}, {"founded"}}, {{"stayed", "away"}, {"stayed", "away"}},
    {{"stayed", "home"}, {"stayed", "away"}}, {{"not", "represented"}, {"unrepresented"}},
    {{"not", "members"}, {"not", "members"}}, {{"non", "members"}, {"not", "members"}},
    {{"non", "member"}, {"not", "members"}}, {{"took", "place"}, {"took", "place"}},
    {{"take", "place"}, {"took", "place"}}, {{"stood", "in"}, {"stood"}}, {{"stand", "in"}, {"stood"}},
    {{"one", "on"}, {"met"}}, {{"held", "talks"}, {"met"}}};

const std::set<std::string> kSearchCues = {"search", "find", "look", "lookup", "mention", "mentioned", "mentions",
                                           "passage", "passages", "text", "phrase", "word", "words", "grep"};

// Words that only say "people": nearly every query is about people, so they
// choose none (but "how many leaders" counts people).
const std::set<std::string> kPeople = {"leader", "leaders", "people", "persons", "person", "officials", "figures",
                                       "name", "names", "everyone", "everybody"};

// Words of kAttendance that say nothing of attending on their own.
const std::set<std::string> kNotAttendingAlone = {"it", "up", "part", "along", "too", "also", "away", "person",
                                                  "himself", "herself", "themselves"};

const std::set<std::string> kYesNoOpenings = {"was", "were", "did", "does", "do", "is", "are", "has", "have", "had",
                                              "didn", "wasn", "weren", "isn", "doesn", "hasn"};

bool is_letter_or_digit(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::vector<QuestionWord> words_of(std::string_view text) {
  std::vector<QuestionWord> words;
  bool gap_breaks = true;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (is_letter_or_digit(c)) {
      auto start = i;
      while (i < text.size() && is_letter_or_digit(static_cast<unsigned char>(text[i]))) ++i;
      std::string printed(text.substr(start, i - start));
      for (auto& folded : folded_words(printed))
        words.push_back({printed, folded, std::isupper(c) != 0, !gap_breaks && !words.empty()});
      gap_breaks = false;
    } else {
      // A name runs on over spaces, hyphens, full stops and apostrophes ("S. Jaishankar", "Kassym-Jomart").
      if (c != ' ' && c != '-' && c != '.' && c != '\'') gap_breaks = true;
      ++i;
    }
  }
  return words;
}

std::vector<std::string> quoted_phrases(std::string_view text) {
  std::vector<std::string> phrases;
  for (std::size_t open = text.find('"'); open != std::string_view::npos;) {
    auto close = text.find('"', open + 1);
    if (close == std::string_view::npos) break;
    if (close > open + 1) phrases.emplace_back(text.substr(open + 1, close - open - 1));
    open = text.find('"', close + 1);
  }
  return phrases;
}

}  // namespace

bool is_common(const std::string& folded) { return in(kCommon, folded); }
bool is_negation(const std::string& folded) { return in(kNegations, folded); }

Question read_question(std::string_view text, const NameIndex& names, const std::function<bool(const std::string&)>& known_word,
                       const std::vector<std::string>& article_ids,
                       const std::function<bool(const std::string&)>& text_prints) {
  auto vocabulary = [&](const std::string& w) { return kRelated.count(w) > 0 || known_word(w); };
  Question q;
  q.words = words_of(text);
  q.quoted = quoted_phrases(text);
  const auto n = q.words.size();
  std::vector<bool> used(n, false);

  // Article ids spelled out: "riga-river-council-test".
  auto folded_text = text::folded(text);
  for (const auto& id : article_ids) {
    auto at = folded_text.find(text::folded(id));
    if (at == std::string::npos) continue;
    q.article_ids.push_back(id);
    auto id_words = folded_words(id);
    for (std::size_t i = 0; i + id_words.size() <= n; ++i) {
      bool same = true;
      for (std::size_t k = 0; k < id_words.size() && same; ++k) same = q.words[i + k].folded == id_words[k];
      if (same)
        for (std::size_t k = 0; k < id_words.size(); ++k) used[i + k] = true;
    }
  }

  // Names, longest first: "Shehbaz Sharif" before "Sharif". A run of words a
  // query would use in lower case ("summit") is a name only when capitalised
  // past the first word; a lower-case run that fits several entities of a
  // kind ("council") names none of them.
  auto capitalised_name_word = [&](std::size_t i) { return q.words[i].capitalised && i > 0; };
  for (std::size_t count = 4; count >= 1; --count) {
    for (std::size_t first = 0; first + count <= n; ++first) {
      bool free = true, plain_words = true, capitalised = false, joined = true;
      for (std::size_t k = first; k < first + count; ++k) {
        free = free && !used[k];
        plain_words = plain_words && (vocabulary(q.words[k].folded) || is_common(q.words[k].folded) ||
                                      is_negation(q.words[k].folded) || in(kAttendance, q.words[k].folded));
        capitalised = capitalised || capitalised_name_word(k) || (q.words[k].capitalised && n <= 3);
        if (k > first) joined = joined && q.words[k].follows_previous;
      }
      if (!free || !joined || is_common(q.words[first].folded) || is_common(q.words[first + count - 1].folded)) continue;
      if (plain_words && !capitalised) continue;
      std::vector<std::string> span;
      for (std::size_t k = first; k < first + count; ++k) span.push_back(q.words[k].folded);
      auto fits = names.fits(span);
      fits.erase(std::remove_if(fits.begin(), fits.end(), [&](const NameFit& f) { return names.entities()[f.entity].kind == "office"; }),
                 fits.end());
      if (fits.empty()) continue;
      auto fewest = fits.front().edits;
      fits.erase(std::remove_if(fits.begin(), fits.end(), [&](const NameFit& f) { return f.edits > fewest; }), fits.end());
      // Lower case and fitting several entities of one kind: a common noun, not a name.
      if (!capitalised && fits.size() > 1) {
        std::set<std::string> kinds;
        for (const auto& f : fits) kinds.insert(names.entities()[f.entity].kind);
        if (kinds.size() < fits.size()) continue;
      }
      std::string printed;
      for (std::size_t k = first; k < first + count; ++k) {
        printed += (k > first ? " " : "") + q.words[k].printed;
        used[k] = true;
      }
      q.names.push_back({first, count, std::move(fits), printed});
    }
    if (count == 1) break;
  }
  std::sort(q.names.begin(), q.names.end(), [](const NameSpan& a, const NameSpan& b) { return a.first < b.first; });

  // Capitalised words no entity has: a name the articles may print (a word
  // search finds it) or one they never mention.
  for (std::size_t i = 0; i < n; ++i) {
    const auto& w = q.words[i];
    bool name_like = w.capitalised && (i > 0 || n <= 3 || (i + 1 < n && q.words[i + 1].capitalised && !used[i + 1]));
    if (used[i] || !name_like || is_common(w.folded) || vocabulary(w.folded) || is_negation(w.folded)) continue;
    std::string printed = w.printed;
    while (i + 1 < n && q.words[i + 1].capitalised && q.words[i + 1].follows_previous && !used[i + 1] &&
           !vocabulary(q.words[i + 1].folded)) {
      used[i] = true;
      printed += " " + q.words[++i].printed;
    }
    used[i] = true;
    (text_prints(printed) ? q.mentioned : q.unknown_names).push_back(printed);
  }

  // A number (a year, a count) no article prints: the question is about
  // something they do not cover.
  for (std::size_t i = 0; i < n; ++i) {
    const auto& w = q.words[i].folded;
    if (!used[i] && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) && !text_prints(w)) {
      q.unknown_names.push_back(q.words[i].printed);
      used[i] = true;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto& w = q.words[i].folded;
    q.negated = q.negated || is_negation(w);
    if (w == "how" && i + 1 < n && (q.words[i + 1].folded == "many" || q.words[i + 1].folded == "much")) q.how_many = true;
    if (w == "number" && i + 1 < n && q.words[i + 1].folded == "of") q.how_many = true;
    if (q.how_many && q.counted.empty() && i > 0 && !is_common(w) && w != "number") q.counted = w;
    q.search_cue = q.search_cue || in(kSearchCues, w);
    if (used[i]) continue;
    // Two words that say one thing count once, as what they say together.
    if (i + 1 < n && !used[i + 1]) {
      auto pair = kRelatedPairs.find({w, q.words[i + 1].folded});
      if (pair != kRelatedPairs.end()) {
        q.content.push_back(i);
        q.terms.push_back(pair->second);
        q.together.push_back(pair->second.size() > 1);
        used[i + 1] = true;
        continue;
      }
    }
    if (is_common(w) || in(kPeople, w)) continue;
    // A negation is a cue, not a word to find ("not" fills descriptions);
    // with a word of attending after it, it means absent.
    if (is_negation(w) && !kRelated.count(w)) {
      for (std::size_t j = i + 1; j < n && j <= i + 3; ++j)
        if (!used[j] && in(kAttendance, q.words[j].folded) && !in(kNotAttendingAlone, q.words[j].folded)) {
          q.content.push_back(i);
          q.terms.push_back({"absent", "not", "attend"});
          q.together.push_back(false);
          q.about_attendance = true;
          used[j] = true;
          break;
        }
      continue;
    }
    q.content.push_back(i);
    std::vector<std::string> terms{w};
    // British spelling, as the queries use American: organisation, organised.
    for (const char* ending : {"isation", "isations", "ised", "ising", "iser", "isers"}) {
      std::string e = ending;
      if (w.size() > e.size() + 2 && w.compare(w.size() - e.size(), e.size(), e) == 0)
        terms.push_back(w.substr(0, w.size() - e.size()) + "iz" + e.substr(2));
    }
    auto related = kRelated.find(w);
    if (related != kRelated.end())
      for (const auto& r : related->second)
        if (r != w) terms.push_back(r);
    q.terms.push_back(std::move(terms));
    q.together.push_back(false);
  }
  for (const auto& terms : q.terms)
    for (const auto& t : terms) q.negated = q.negated || is_negation(t) || t == "absent";
  q.yes_no = n > 0 && in(kYesNoOpenings, q.words[0].folded);
  for (std::size_t i = 0; i < n; ++i) q.about_attendance = q.about_attendance || (!used[i] && in(kAttendance, q.words[i].folded));
  // "Was Finland at the Riga summit?": someone, and an event, a place or an organization.
  bool someone = false, somewhere = false;
  for (const auto& span : q.names)
    for (const auto& fit : span.fits) {
      const auto& kind = names.entities()[fit.entity].kind;
      someone = someone || kind == "person" || kind == "country";
      somewhere = somewhere || kind == "event" || kind == "place" || kind == "organization";
    }
  q.about_attendance = q.about_attendance || (someone && somewhere);

  // Nothing but names and words like "who is", "tell me about": a question about the names.
  bool only_about = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (used[i]) continue;
    const auto& w = q.words[i].folded;
    if (is_common(w) || in(kAboutWords, w)) continue;
    bool says_about = (w == "say" || w == "says" || w == "said") && i + 1 < n && q.words[i + 1].folded == "about";
    if (says_about) continue;
    if (vocabulary(w) || is_negation(w) || in(kAttendance, w)) {
      only_about = false;
      continue;
    }
    q.leftover.push_back(q.words[i].printed);
  }
  q.only_names = only_about;
  return q;
}

bool is_attendance_word(const std::string& folded) { return in(kAttendance, folded); }

}  // namespace factdb::ask_detail

// factdb-gen-corpus: writes a synthetic seed corpus in factdb's own seed
// format: summit reports whose every fact is quoted from their text. The same
// seed value gives the same corpus, byte for byte, on any machine.
//
// usage: factdb-gen-corpus --articles N [--seed S] -o DIR
//
// Each article is a summit of one of a few organizations in one of many
// cities. Leaders come from a fixed pool per country, so the same people,
// countries, offices and memberships recur across articles (one row each in
// the .db, with a mention or citation per article); about one attendee in
// four stands in for a head of state (a prime minister, a foreign minister
// or an acting president).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// splitmix64: tiny and fully specified, so the corpus does not depend on a
// standard library's distributions.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  std::uint64_t state_;
};

const std::vector<std::string> kSyllables = {"ka", "lo", "mi", "ra", "ten", "vo", "za", "bel", "dor", "fin",
                                             "gar", "hu", "is", "jo", "nel", "or", "pa", "sul", "tir", "un"};
const std::vector<std::string> kTopics = {"energy security",   "grain transit",     "water sharing",   "border trade",
                                          "counter-terrorism", "digital payments",  "rail corridors",  "climate finance",
                                          "migration",         "public health",     "nuclear safety",  "fisheries"};
const std::vector<std::string> kReasons = {"citing a national election", "citing illness", "as parliament was in session",
                                           "citing pressing matters at home", "because of a storm"};
const std::vector<std::string> kIssues = {"a river dam", "fishing rights", "a border crossing", "gas prices", "airspace"};

std::string capitalized(std::string s) {
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string word(Random& r, int syllables) {
  std::string w;
  for (int i = 0; i < syllables; ++i) w += r.pick(kSyllables);
  return capitalized(w);
}

std::string slug(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == ' ') ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Leader {
  std::string id, name, office_id, title;
  bool acting = false;
  bool head_of_state = false;
};

struct Country {
  std::string id, name;
  std::vector<Leader> leaders;  // [0] heads the state; the others stand in for them
  bool guest = false;           // never a member of any organization: attends as a guest
};

// The world every article draws from: fixed by the seed, independent of how
// many articles are written.
struct World {
  std::vector<Country> countries;
  std::vector<std::string> organizations, cities;

  explicit World(std::uint64_t seed) {
    Random r(seed);
    std::set<std::string> names;
    auto fresh = [&](int syllables) {
      for (;;) {
        auto w = word(r, syllables);
        if (names.insert(w).second) return w;
      }
    };
    for (int i = 0; i < 60; ++i) {
      Country c;
      c.name = fresh(3);
      c.id = slug(c.name);
      auto person = [&](const std::string& title, const std::string& office, bool acting, bool head) {
        Leader l;
        l.name = fresh(2) + " " + fresh(3);
        l.id = slug(l.name);
        l.title = title;
        l.office_id = office + "-of-" + c.id;
        l.acting = acting;
        l.head_of_state = head;
        return l;
      };
      bool acting_president = r.below(8) == 0;
      c.leaders.push_back(person("President", "president", acting_president, true));
      c.leaders.push_back(person("Prime Minister", "prime-minister", false, false));
      c.leaders.push_back(person("Foreign Minister", "foreign-minister", false, false));
      c.guest = i >= 50;
      countries.push_back(std::move(c));
    }
    for (int i = 0; i < 6; ++i) organizations.push_back("Union of " + fresh(3));
    for (int i = 0; i < 200; ++i) cities.push_back(fresh(2));
  }
};

std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return out + "\"";
}

void write_article(const World& world, std::uint64_t seed, int index, int extra_paragraphs, const fs::path& folder) {
  Random r(seed * 1000003 + static_cast<std::uint64_t>(index));
  const auto& org = r.pick(world.organizations);
  const auto& city = r.pick(world.cities);
  auto event_name = fmt::format("{} Summit {}", city, index + 1);
  auto event_id = slug(event_name);

  // Four to nine countries attend, each sending one leader.
  std::vector<const Country*> present;
  std::set<std::size_t> chosen;
  std::size_t attendees = 4 + r.below(6);
  while (chosen.size() < attendees) chosen.insert(r.below(world.countries.size()));
  for (auto i : chosen) present.push_back(&world.countries[i]);

  // Three reports a day, from 2020 to 2025: reports of one day can disagree
  // (a status is as of its article's date).
  int date = index / 3;
  int day = date % 28 + 1, month = date / 28 % 12 + 1, year = 2020 + date / 336 % 6;
  static const char* months[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                                 "November", "December"};
  auto dateline = fmt::format("Published {} {} {}", day, months[month - 1], year);
  std::string text = fmt::format("Wire report: leaders gather for the {}\n\n{}\n\n", event_name, dateline);
  std::string facts = fmt::format(
      "[article]\ntext = \"article.txt\"\nsections = [\n  {{ role = \"headline\", quote = \"Wire report: leaders gather for "
      "the {}\" }},\n  {{ role = \"body\", from = \"The {} opened\", to = \"were noted.\" }},\n]\n\n",
      event_name, event_name);
  auto add = [&facts](const std::string& block) { facts += block + "\n"; };
  add(fmt::format("[[date]]\nrole = \"published\"\nprinted = {}\niso = {:04}-{:02}-{:02}\nquote = {}\n",
                  toml_string(dateline.substr(10)), year, month, day, toml_string(dateline)));

  text += fmt::format("The {} opened in {}, hosted by the {}.", event_name, city, org);
  add(fmt::format("[[organization]]\nid = {}\nname = {}\n", toml_string(slug(org)), toml_string(org)));
  add(fmt::format("[[place]]\nid = {}\nname = {}\n", toml_string(slug(city)), toml_string(city)));
  add(fmt::format("[[event]]\nid = {}\nname = {}\norganization = {}\nquote = {}\n", toml_string(event_id),
                  toml_string(event_name), toml_string(slug(org)),
                  toml_string(fmt::format("The {} opened in {}, hosted by the {}", event_name, city, org))));
  add(fmt::format("[[location]]\nentity = {}\nplace = {}\nquote = {}\n", toml_string(event_id), toml_string(slug(city)),
                  toml_string(fmt::format("The {} opened in {}", event_name, city))));

  text += "\n\n";
  std::vector<const Leader*> sent;
  for (const auto* c : present) {
    // About one in four sends someone other than the head of state.
    const Leader& l = r.below(4) == 0 ? c->leaders[1 + r.below(2)] : c->leaders[0];
    sent.push_back(&l);
    auto title = l.acting ? "acting " + l.title : l.title;
    std::string sentence = l.head_of_state && !l.acting
                               ? fmt::format("{} {} of {} attended the {}.", title, l.name, c->name, event_name)
                               : fmt::format("{} sent {} {} to the {}.", c->name, title, l.name, event_name);
    text += sentence + " ";
    auto quote = toml_string(sentence.substr(0, sentence.size() - 1));
    add(fmt::format("[[country]]\nid = {}\nname = {}\n", toml_string(c->id), toml_string(c->name)));
    add(fmt::format("[[person]]\nid = {}\nname = {}\n", toml_string(l.id), toml_string(l.name)));
    add(fmt::format("[[office]]\nid = {}\ntitle = {}\nof = {}\nquote = {}\n", toml_string(l.office_id), toml_string(l.title),
                    toml_string(c->id), quote));
    if (l.title != "Foreign Minister")  // a foreign minister heads neither state nor government
      add(fmt::format("[[office_role]]\noffice = {}\nrole = {}\nannotation = {{ source = \"generator\", note = \"{} heads {}\" }}\n",
                      toml_string(l.office_id), toml_string(l.head_of_state ? "head of state" : "head of government"),
                      l.office_id, l.head_of_state ? "the state" : "the government"));
    add(fmt::format("[[holding]]\nperson = {}\noffice = {}\nacting = {}\nquote = {}\n", toml_string(l.id), toml_string(l.office_id),
                    l.acting ? "true" : "false", quote));
    add(fmt::format("[[attendance]]\nevent = {}\nperson = {}\nrepresents = {}\noffice = {}\nquote = {}\n", toml_string(event_id),
                    toml_string(l.id), toml_string(c->id), toml_string(l.office_id), quote));
    // Half the heads of state who sent someone else are said to have stayed away, with a reason.
    if (!l.head_of_state && r.below(2) == 0) {
      const Leader& head = c->leaders[0];
      const auto& why = r.pick(kReasons);
      auto absence = fmt::format("{} {} stayed away, {}", head.title, head.name, why);
      text += absence + ". ";
      add(fmt::format("[[person]]\nid = {}\nname = {}\n", toml_string(head.id), toml_string(head.name)));
      // The reason given in the absence itself, or as a reason of its own.
      bool own_reason = r.below(2) == 0;
      add(fmt::format("[[absence]]\nevent = {}\nperson = {}\ncountry = {}\n{}label = {}\nquote = {}\n", toml_string(event_id),
                      toml_string(head.id), toml_string(c->id), own_reason ? "" : "reason = " + toml_string(why) + "\n",
                      toml_string("absent-" + head.id), toml_string(absence)));
      if (own_reason)
        add(fmt::format("[[reason]]\nexplains = {}\nreason = {}\nquote = {}\n", toml_string("absent-" + head.id), toml_string(why),
                        toml_string(absence)));
    }
  }
  // The first country present hosts, in the person of whoever it sent.
  auto hosted = fmt::format("{} hosted the {}", present[0]->name, event_name);
  text += hosted + ". ";
  add(fmt::format("[[host]]\nevent = {}\ncountry = {}\nperson = {}\nquote = {}\n", toml_string(event_id), toml_string(present[0]->id),
                  toml_string(sent[0]->id), toml_string(hosted)));

  text += "\n\n";
  for (std::size_t i = 0; i < present.size(); i += 2) {
    if (present[i]->guest) continue;  // guests are never members: they make the non-member attendees
    auto sentence = fmt::format("{} is a member of the {} and hosted talks in turn {}.", present[i]->name, org, i / 2 + 1);
    // Now and then an outlet gets a status wrong: the articles disagree.
    bool wrong = r.below(40) == 0;
    auto status = wrong ? "observer" : "member";
    if (wrong) sentence = fmt::format("{} is an observer of the {} and hosted talks in turn {}.", present[i]->name, org, i / 2 + 1);
    text += sentence + " ";
    add(fmt::format("[[membership]]\norganization = {}\nmember = {}\nstatus = \"{}\"\nquote = {}\n", toml_string(slug(org)),
                    toml_string(present[i]->id), status,
                    toml_string(fmt::format("{} is {} of the {}", present[i]->name, wrong ? "an observer" : "a member", org))));
  }

  text += "\n\n";
  const auto& topic = r.pick(kTopics);
  auto meeting = fmt::format("{} and {} held a meeting on {}", sent[0]->name, sent[1]->name, topic);
  text += meeting + ". ";
  add(fmt::format("[[meeting]]\nevent = {}\nplace = {}\nparticipants = [{}, {}]\nquote = {}\n", toml_string(event_id),
                  toml_string(slug(city)), toml_string(sent[0]->id), toml_string(sent[1]->id), toml_string(meeting)));
  auto focus = r.pick(kTopics);
  text += fmt::format("The {} focused on {}. ", event_name, focus);
  add(fmt::format("[[event_topic]]\nevent = {}\nkind = \"focus\"\nsubject = {}\nquote = {}\n", toml_string(event_id),
                  toml_string(focus), toml_string(fmt::format("The {} focused on {}", event_name, focus))));
  auto aim = fmt::format("{} aims to expand {}", present[0]->name, r.pick(kTopics));
  text += aim + ".";
  add(fmt::format("[[stance]]\nholder = {}\nkind = \"aim\"\nstatement = {}\nquote = {}\n", toml_string(present[0]->id),
                  toml_string(aim.substr(present[0]->name.size() + 9)), toml_string(aim)));

  // A long report: more paragraphs, each stating a stance of its own.
  for (int p = 0; p < extra_paragraphs; ++p) {
    const auto* c = present[r.below(present.size())];
    auto remark = fmt::format("{} restated its view on {} in remark {} of the day", c->name, r.pick(kTopics), p + 1);
    text += "\n\n" + remark + ".";
    add(fmt::format("[[stance]]\nholder = {}\nkind = \"stance\"\nstatement = {}\nquote = {}\n", toml_string(c->id),
                    toml_string(remark.substr(c->name.size() + 1)), toml_string(remark)));
  }

  text += "\n\n";
  auto signed_what = fmt::format("a declaration on {}", r.pick(kTopics));
  auto outcome = fmt::format("The leaders signed {}", signed_what);
  text += outcome + ". ";
  add(fmt::format("[[outcome]]\nevent = {}\nkind = \"signed\"\nwhat = {}\nquote = {}\n", toml_string(event_id),
                  toml_string(signed_what), toml_string(outcome)));
  if (r.below(2) == 0) {
    auto words = fmt::format("We will work together on {}", r.pick(kTopics));
    auto said = fmt::format("\"{},\" said {}", words, sent[0]->name);
    text += said + ". ";
    add(fmt::format("[[quotation]]\nspeaker = {}\nwords = {}\nevent = {}\nquote = {}\n", toml_string(sent[0]->id), toml_string(words),
                    toml_string(event_id), toml_string(said)));
  }
  if (r.below(10) == 0) {
    int members = 8 + static_cast<int>(r.below(12));
    auto counted = fmt::format("The {} now has {} members", org, members);
    text += counted + ". ";
    add(fmt::format("[[member_count]]\norganization = {}\ncount = {}\nprinted = {}\nquote = {}\n", toml_string(slug(org)), members,
                    toml_string(fmt::format("{} members", members)), toml_string(counted)));
  }
  if (r.below(5) == 0) {
    // An organization's founding is the same fact in every article that states it.
    auto at = static_cast<std::size_t>(std::find(world.organizations.begin(), world.organizations.end(), org) - world.organizations.begin());
    auto founded = fmt::format("The {} was founded in {} to promote {}", org, 1990 + at, kTopics[at % kTopics.size()]);
    text += founded + ". ";
    add(fmt::format("[[organization_founding]]\norganization = {}\nyear = {}\nquote = {}\n", toml_string(slug(org)), 1990 + at,
                    toml_string(founded)));
    add(fmt::format("[[organization_purpose]]\norganization = {}\npurpose = {}\nquote = {}\n", toml_string(slug(org)),
                    toml_string(fmt::format("to promote {}", kTopics[at % kTopics.size()])), toml_string(founded)));
  }

  text += "\n\n";
  const auto& issue = r.pick(kIssues);
  auto tension = fmt::format("Tensions between {} and {} over {} were noted.", present[1]->name, present[2]->name, issue);
  text += tension + "\n";
  add(fmt::format("[[tension]]\norganization = {}\nabout = {}\nparties = [{}, {}]\nquote = {}\n", toml_string(slug(org)),
                  toml_string(issue), toml_string(present[1]->id), toml_string(present[2]->id), toml_string(tension)));

  fs::create_directories(folder);
  std::ofstream(folder / "article.txt", std::ios::binary) << text;
  std::ofstream(folder / "facts.toml", std::ios::binary) << facts;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Write a synthetic factdb seed corpus"};
  int articles = 100;
  std::uint64_t seed = 1;
  std::string output;
  int paragraphs = 0;
  app.add_option("--paragraphs", paragraphs, "Paragraphs added to each article, each with a stance of its own: a long report")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("-n,--articles", articles, "How many articles")->check(CLI::PositiveNumber)->capture_default_str();
  app.add_option("--seed", seed, "Seed of the generator: the same seed, the same corpus")->capture_default_str();
  app.add_option("-o,--output", output, "Seed folder to write (its contents are replaced)")->required();
  CLI11_PARSE(app, argc, argv);

  fs::path out(output);
  fs::remove_all(out);
  fs::create_directories(out);
  std::ofstream(out / "sources.toml", std::ios::binary)
      << "[[source]]\nid = \"generator\"\ntitle = \"factdb-gen-corpus\"\n";
  World world(seed);
  for (int i = 0; i < articles; ++i) write_article(world, seed, i, paragraphs, out / fmt::format("article-{:06}", i + 1));
  std::cout << fmt::format("wrote {} articles to {}\n", articles, out.string());
  return 0;
}

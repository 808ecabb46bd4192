// Which leaders attended in place of a head of state, and on whose words?
// Opens a factdb database shipped beside the application, runs the canned
// query stand-ins, and prints each answer with the passages it rests on.
//
// usage: stand_ins [DB]   (default facts.db)
#include <factdb/database.h>
#include <factdb/error.h>
#include <factdb/evidence.h>

#include <iostream>

int main(int argc, char** argv) {
  try {
    factdb::Database db(argc > 1 ? argv[1] : "facts.db");
    std::cout << db.canned_queries().size() << " canned queries; stand-ins:\n";
    auto answer = factdb::explain(db, "stand-ins");
    for (const auto& row : answer.rows) {
      std::cout << "- " << std::get<std::string>(row.values[0]) << ", " << std::get<std::string>(row.values[1]) << " of "
                << std::get<std::string>(row.values[2]) << '\n';
      for (const auto& s : row.support) {
        std::cout << "    " << s.kind << ": ";
        if (s.is_annotation)
          std::cout << "per " << s.source << ": " << s.note << '\n';
        else
          std::cout << '"' << s.quote << "\" (" << s.article_id << ", line " << s.line.value_or(0) << ")\n";
      }
    }
  } catch (const factdb::Error& e) {
    std::cerr << "stand_ins: " << e.what() << '\n';
    return static_cast<int>(e.code());
  }
  return 0;
}

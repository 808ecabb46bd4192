// libFuzzer harness for the seed loader: the input is the facts.toml of a
// second article (the SCO article's text again), loaded after the real SCO
// article, so that entities and facts it names again reach the paths that
// compare a restatement with its first statement. Any outcome but a crash,
// a leak, undefined behaviour or an exception other than factdb::Error is a
// finding.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "factdb/build.h"
#include "factdb/error.h"

namespace fs = std::filesystem;

namespace {

const fs::path& workspace() {
  static const fs::path dir = [] {
    char name[] = "/tmp/factdb-fuzz-seed-XXXXXX";
    fs::path d = ::mkdtemp(name);
    fs::path real(FACTDB_SEED_DIR);
    fs::create_directories(d / "seed" / "zz-fuzzed");
    fs::copy_file(real / "sources.toml", d / "seed" / "sources.toml");
    fs::copy(real / "sco-summit-astana-2024", d / "seed" / "sco-summit-astana-2024", fs::copy_options::recursive);
    fs::copy_file(real / "sco-summit-astana-2024" / "article.txt", d / "seed" / "zz-fuzzed" / "article.txt");
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& dir = workspace();
  {
    std::ofstream facts(dir / "seed" / "zz-fuzzed" / "facts.toml", std::ios::binary | std::ios::trunc);
    facts.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    factdb::build_database(dir / "seed", dir / "out.db");
  } catch (const factdb::Error&) {
    // Rejected input, reported as it should be.
  }
  return 0;
}

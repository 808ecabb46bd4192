// libFuzzer harness for the seed loader: the input is a facts.toml, loaded
// against the SCO article. Any outcome but a crash, a leak, undefined
// behaviour or an exception other than factdb::Error is a finding.
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
    fs::create_directories(d / "seed" / "a");
    fs::copy_file(fs::path(FACTDB_SEED_DIR) / "sources.toml", d / "seed" / "sources.toml");
    fs::copy_file(fs::path(FACTDB_SEED_DIR) / "sco-summit-astana-2024" / "article.txt", d / "seed" / "a" / "article.txt");
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& dir = workspace();
  {
    std::ofstream facts(dir / "seed" / "a" / "facts.toml", std::ios::binary | std::ios::trunc);
    facts.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    factdb::build_database(dir / "seed", dir / "out.db");
  } catch (const factdb::Error&) {
    // Rejected input, reported as it should be.
  }
  return 0;
}

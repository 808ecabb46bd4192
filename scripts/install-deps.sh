#!/usr/bin/env bash
# Installs the Debian packages factdb builds and tests with, only those missing.
# Safe to run repeatedly: when everything is present it changes nothing.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libsqlite3-dev sqlite3          # SQLite library, and the shell the tests compare against
  libsqlitecpp-dev                # RAII C++ wrapper over SQLite
  libcli11-dev                    # command-line parsing
  catch2                          # tests (v2)
  libtomlplusplus-dev             # seed files
  nlohmann-json3-dev              # JSON output and canned-query parameters
  libfmt-dev                      # message formatting
  libssl-dev                      # SHA-256 of source articles (libcrypto)
  libutf8proc-dev                 # UTF-8 validation and display width
  libdivsufsort-dev               # suffix arrays: quotes found in a long article without a scan per quote
  libxxhash-dev                   # XXH3: fact and evidence ids derived from what they state
  libabsl-dev                     # Abseil's flat hash maps: what a build keeps per fact, compactly
  clang libclang-rt-14-dev        # libFuzzer for the fuzz harnesses
  graphviz                        # factdb graph renders SVG and PNG with dot (DOT works without it)
  zsh man-db                      # the tests check the zsh completion and the man page
  postgresql                      # the postgres export is loaded into a real server by a test
  chromium                        # the web export's page is tested in a real browser, headless
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The client tests run Python 3 and Node.js, and the build installs the web
# page's SQLite from npm; any installation of them will do.
command -v python3 > /dev/null || missing+=(python3)
command -v node > /dev/null || missing+=(nodejs)
command -v npm > /dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

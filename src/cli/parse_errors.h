// What factdb says when its command line does not parse.
#pragma once

#include <CLI/CLI.hpp>

namespace factdb::cli {

// Prints --help or --version for those, or else the error reworded for a
// person ("factdb: no command 'quer'; did you mean query or queries?"), and
// returns the exit code: 0 for help and version, 2 for an error.
int report_parse_error(CLI::App& app, const CLI::ParseError& e);

}  // namespace factdb::cli

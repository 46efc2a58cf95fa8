#pragma once
// CSV files that finance exports from the ledger: UTF-8, ';', tab or ',' separated (whichever the
// first line uses, in that order), fields optionally in double quotes. Every field keeps its
// position.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace rapport {

struct CsvField {
  std::string text;
  SourcePos pos;
};

struct CsvRecord {
  std::vector<CsvField> fields;
  SourcePos pos;  // where the record starts
};

// Throws InputError (file:line:col) for an unreadable file, invalid UTF-8 or a broken quote.
std::vector<CsvRecord> read_csv(const std::string& path);
std::vector<CsvRecord> parse_csv(const std::string& path, const std::string& text);

}  // namespace rapport

#include "load/read_csv.hpp"

#include "load/check_utf8.hpp"
#include "load/file_access.hpp"
#include "load/yaml_source.hpp"

namespace rapport {
namespace {

// The first line's separator: ';' where it has one (Swedish exports, whose figures hold decimal
// commas), else a tab (a table copied from a spreadsheet or a PDF), else ','.
char detect_separator(const std::string& text) {
  size_t semicolons = 0, commas = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (c == '\n' && !quoted) break;
    else if (!quoted && c == ';') ++semicolons;
    else if (!quoted && c == ',') ++commas;
    else if (!quoted && c == '\t') ++tabs;
  }
  if (semicolons > 0) return ';';
  if (tabs > 0) return '\t';
  return commas > 0 ? ',' : ';';
}

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

class CsvParser {
 public:
  CsvParser(const std::string& path, const std::string& text) : path_(path), text_(text) {
    if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) i_ = 3;  // a byte-order mark from spreadsheet exports
    separator_ = detect_separator(text_.substr(i_));
  }

  std::vector<CsvRecord> parse(Diagnostics& diags) {
    std::vector<CsvRecord> records;
    while (i_ < text_.size()) {
      CsvRecord record{{}, here()};
      bool end_of_record = false;
      while (!end_of_record) {
        CsvField field{{}, here()};
        if (!read_field(field, diags)) return records;
        record.fields.push_back(std::move(field));
        end_of_record = i_ >= text_.size() || text_[i_] == '\n';
        advance();  // past the separator or the newline
      }
      bool blank = record.fields.size() == 1 && record.fields[0].text.empty();
      if (!blank) records.push_back(std::move(record));
    }
    return records;
  }

 private:
  SourcePos here() const { return {path_, line_, col_}; }

  void advance() {
    if (i_ >= text_.size()) return;
    if (text_[i_] == '\n') {
      ++line_;
      col_ = 1;
    } else if (!continuation_byte(text_[i_])) {
      ++col_;
    }
    ++i_;  // columns count characters: continuation bytes of UTF-8 do not advance them
  }

  bool at_field_end() const { return i_ >= text_.size() || text_[i_] == separator_ || text_[i_] == '\n'; }

  bool read_field(CsvField& field, Diagnostics& diags) {
    if (i_ < text_.size() && text_[i_] == '"') {
      SourcePos open = here();
      advance();
      for (;;) {
        if (i_ >= text_.size()) {
          diags.error(open, "a quoted field is never closed", "end the field with a \" before the separator");
          return false;
        }
        if (text_[i_] == '"') {
          advance();
          if (i_ < text_.size() && text_[i_] == '"') {
            field.text += '"';
            advance();
            continue;
          }
          break;
        }
        field.text += text_[i_];
        advance();
      }
      if (i_ < text_.size() && text_[i_] == '\r') advance();
      if (!at_field_end()) {
        diags.error(here(), "unexpected text after a closing quote", "put the whole field inside the quotes");
        return false;
      }
      return true;
    }
    while (!at_field_end()) {
      if (text_[i_] != '\r') field.text += text_[i_];
      advance();
    }
    return true;
  }

  const std::string& path_;
  const std::string& text_;
  size_t i_ = 0;
  int line_ = 1, col_ = 1;
  char separator_ = ';';
};

}  // namespace

std::vector<CsvRecord> parse_csv(const std::string& path, const std::string& text) {
  Diagnostics diags;
  check_utf8(path, text, diags);
  throw_if_errors(diags);
  auto records = CsvParser(path, text).parse(diags);
  throw_if_errors(diags);
  return records;
}

std::vector<CsvRecord> read_csv(const std::string& path) { return parse_csv(path, read_text_file(path, max_text_bytes)); }

}  // namespace rapport

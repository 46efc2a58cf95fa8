#pragma once
// Problems found in a user's input. They are kept apart from internal bugs (plain exceptions):
// an input problem ends with exit status 2 and a `file:line:col: message` line per problem.
#include <stdexcept>
#include <string>
#include <vector>

namespace rapport {

// 1-based line and column; 0 means "not known" (the position is then printed without them).
struct SourcePos {
  std::string file;
  int line = 0;
  int col = 0;
};

enum class Severity { error, warning, note };

struct Diagnostic {
  Severity severity = Severity::error;
  SourcePos pos;
  std::string message;
  std::string hint;

  // "file:line:col: error: message" plus an indented "hint: …" line when there is a hint.
  std::string format() const;
};

class Diagnostics {
 public:
  void error(SourcePos pos, std::string message, std::string hint = {});
  void warning(SourcePos pos, std::string message, std::string hint = {});
  // Information a careful reader wants (a rounding difference in a ledger), never a failure.
  void note(SourcePos pos, std::string message, std::string hint = {});
  void append(const Diagnostics& other);

  bool has_errors() const;
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::string format() const;
  // Only the diagnostics at least as severe as `least` (error < warning < note).
  std::string format(Severity least) const;

 private:
  std::vector<Diagnostic> items_;
};

// Thrown when input cannot be used; carries every problem found so far.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostics diagnostics);
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
};

// Throws InputError when `diagnostics` holds an error.
void throw_if_errors(const Diagnostics& diagnostics);

// Throws an InputError holding just this one error.
[[noreturn]] void throw_input_error(const SourcePos& at, const std::string& message, const std::string& hint);

// `text` in single quotes for a message, cut to the start of its first line (80 characters at
// most, then "…"): an error must never print a whole file (a password file, a binary, a
// 400-digit figure).
std::string quote_excerpt(const std::string& text);

}  // namespace rapport

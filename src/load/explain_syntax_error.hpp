#pragma once
#include <string>

#include "diag/diagnostic.hpp"

namespace rapport {

// yaml-cpp's message for a syntax error ("illegal map value", "end of map not found") names
// the parser's state, not the author's mistake. This looks at the lines around the error
// (0-based `line` of `text`) for the two mistakes authors make most: a tab in the
// indentation, and a colon followed by a space inside an unquoted value ("section: Mål: X").
// Returns the message and hint to report, and the place (0-based) when it is not the parser's.
struct SyntaxExplanation {
  std::string message, hint;
  int line = -1, column = -1;
};
SyntaxExplanation explain_syntax_error(const std::string& text, int line, const std::string& parser_message);

}  // namespace rapport

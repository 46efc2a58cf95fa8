#include "load/check_utf8.hpp"

#include <cstdio>

namespace rapport {
namespace {

// The length of the well-formed UTF-8 sequence at `i` (Unicode Table 3-7), or 0. Overlong forms,
// encoded surrogates and code points above U+10FFFF are refused here: GLib would otherwise
// replace them later with U+FFFD, far from any position the author could find.
size_t sequence_length(const std::string& text, size_t i) {
  auto at = [&](size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  unsigned byte = at(0);
  if (byte < 0x80) return 1;
  size_t length = 0;
  unsigned low = 0x80, high = 0xBF;  // the range allowed for the second byte
  if (byte >= 0xC2 && byte <= 0xDF) length = 2;
  else if (byte >= 0xE0 && byte <= 0xEF) {
    length = 3;
    if (byte == 0xE0) low = 0xA0;
    if (byte == 0xED) high = 0x9F;
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    length = 4;
    if (byte == 0xF0) low = 0x90;
    if (byte == 0xF4) high = 0x8F;
  }
  if (length == 0 || i + length > text.size()) return 0;
  if (at(1) < low || at(1) > high) return 0;
  for (size_t k = 2; k < length; ++k)
    if ((at(k) & 0xC0) != 0x80) return 0;
  return length;
}

// NUL cuts a value short in C libraries; other C0 controls are invisible in an editor.
bool is_forbidden_control(unsigned char byte) { return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r'; }

}  // namespace

void check_utf8(const std::string& path, const std::string& text, Diagnostics& diags) {
  int line = 1, col = 1;
  for (size_t i = 0; i < text.size();) {
    size_t length = sequence_length(text, i);
    if (length == 0) {
      diags.error({path, line, col}, "the file is not valid UTF-8",
                  "save the file as UTF-8 (most editors offer this under \"Save as\")");
      return;
    }
    auto byte = static_cast<unsigned char>(text[i]);
    if (is_forbidden_control(byte)) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", byte);
      diags.error({path, line, col}, std::string("the file holds the control character ") + code,
                  "remove it; it is invisible in most editors (search for it, or retype the line)");
      return;
    }
    if (byte == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += length;
  }
}

}  // namespace rapport

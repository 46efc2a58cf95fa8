// A tokenizer for the little PostScript a CMap is, and the two mapping sections read from it.
#include "pdfcheck/read_cmap.hpp"

#include <cctype>
#include <vector>

namespace rapport::pdfcheck {
namespace {

constexpr size_t kMaxMappings = 1 << 20;

struct Token {
  enum Kind { hex, open, close, word } kind;
  std::string text;  // the bytes of a hex string; the word itself otherwise
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::vector<Token> tokens_of(const std::string& s) {
  std::vector<Token> out;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '%') {
      while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
    } else if (c == '<' && i + 1 < s.size() && s[i + 1] != '<') {
      std::string bytes;
      int high = -1;
      for (++i; i < s.size() && s[i] != '>'; ++i) {
        int v = hex_value(s[i]);
        if (v < 0) continue;
        if (high < 0) high = v;
        else bytes += static_cast<char>(high * 16 + v), high = -1;
      }
      if (high >= 0) bytes += static_cast<char>(high * 16);
      ++i;
      out.push_back({Token::hex, bytes});
    } else if (c == '[' || c == ']') {
      out.push_back({c == '[' ? Token::open : Token::close, std::string(1, c)});
      ++i;
    } else if (std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '>') {
      ++i;
    } else {
      size_t start = i;
      while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '<' && s[i] != '[' &&
             s[i] != ']' && s[i] != '%')
        ++i;
      if (i == start) ++i;
      out.push_back({Token::word, s.substr(start, i - start)});
    }
  }
  return out;
}

uint32_t code_of(const std::string& bytes) {
  uint32_t code = 0;
  for (size_t i = 0; i < bytes.size() && i < 4; ++i) code = (code << 8) | static_cast<unsigned char>(bytes[i]);
  return code;
}

// The UTF-16BE destination `base` advanced by `n` in its last byte (ISO 32000-1 9.10.3).
std::string advanced(std::string base, uint32_t n) {
  if (base.empty()) return base;
  unsigned last = static_cast<unsigned char>(base.back()) + n;
  base.back() = static_cast<char>(last & 0xFF);
  if (base.size() >= 2) base[base.size() - 2] = static_cast<char>((static_cast<unsigned char>(base[base.size() - 2]) + (last >> 8)) & 0xFF);
  return base;
}

void add(ToUnicodeMap& map, uint32_t code, std::string text) {
  if (map.codes.size() >= kMaxMappings) {
    map.truncated = true;
    return;
  }
  map.codes[code] = std::move(text);
}

// From `i` just past "beginbfrange": <lo> <hi> <dst> or <lo> <hi> [<dst> ...], up to endbfrange.
size_t read_ranges(const std::vector<Token>& t, size_t i, ToUnicodeMap& map) {
  while (i + 2 < t.size() && t[i].kind == Token::hex && t[i + 1].kind == Token::hex) {
    uint32_t lo = code_of(t[i].text), hi = code_of(t[i + 1].text);
    if (hi < lo || hi - lo >= kMaxMappings) {
      map.truncated = true;
      hi = lo;
    }
    if (t[i + 2].kind == Token::hex) {
      for (uint32_t n = 0; n <= hi - lo; ++n) add(map, lo + n, advanced(t[i + 2].text, n));
      i += 3;
    } else if (t[i + 2].kind == Token::open) {
      i += 3;
      for (uint32_t code = lo; i < t.size() && t[i].kind == Token::hex; ++i, ++code)
        if (code <= hi) add(map, code, t[i].text);
      if (i < t.size() && t[i].kind == Token::close) ++i;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

ToUnicodeMap read_to_unicode(const std::string& cmap) {
  ToUnicodeMap map;
  auto t = tokens_of(cmap);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != Token::word) continue;
    if (t[i].text == "beginbfchar") {
      for (++i; i + 1 < t.size() && t[i].kind == Token::hex && t[i + 1].kind == Token::hex; i += 2)
        add(map, code_of(t[i].text), t[i + 1].text);
    } else if (t[i].text == "beginbfrange") {
      i = read_ranges(t, i + 1, map);
    }
  }
  return map;
}

bool is_real_unicode(const std::string& utf16) {
  if (utf16.size() < 2 || utf16.size() % 2 != 0) return false;
  for (size_t i = 0; i + 1 < utf16.size(); i += 2) {
    unsigned unit = (static_cast<unsigned char>(utf16[i]) << 8) | static_cast<unsigned char>(utf16[i + 1]);
    if (unit == 0x0000 || unit == 0xFEFF || unit == 0xFFFE || unit == 0xFFFD) return false;
  }
  return true;
}

}  // namespace rapport::pdfcheck

#include "load/check_utf8.hpp"

namespace rapport {

void check_utf8(const std::string& path, const std::string& text, Diagnostics& diags) {
  int line = 1, col = 1;
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k)
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!valid) {
      diags.error({path, line, col}, "the file is not valid UTF-8",
                  "save the file as UTF-8 (most editors offer this under \"Save as\")");
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

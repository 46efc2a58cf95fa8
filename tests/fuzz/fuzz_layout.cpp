// Harness (b): bytes as a layout file → load_style (extends, vocabularies, every value).
// load_style has only a path-based entry point, so the bytes go to a per-process temp file.
#include <cstddef>
#include <cstdint>

#include "diag/diagnostic.hpp"
#include "fuzz_support.hpp"
#include "style/load_style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rapport::fuzz::TempLayout file(rapport::fuzz::as_text(data, size));
  try {
    rapport::Diagnostics warnings;
    rapport::load_style(file.path(), warnings);
  } catch (const rapport::InputError& e) {
    rapport::fuzz::input_problem(e);
  }
  return 0;
}

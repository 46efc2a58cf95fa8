// Harness (c): bytes as a ledger CSV file → parse_csv.
#include <cstddef>
#include <cstdint>

#include "diag/diagnostic.hpp"
#include "fuzz_support.hpp"
#include "load/read_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    rapport::parse_csv("fuzz.csv", rapport::fuzz::as_text(data, size));
  } catch (const rapport::InputError& e) {
    rapport::fuzz::input_problem(e);
  }
  return 0;
}

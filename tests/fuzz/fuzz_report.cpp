// Harness (a): bytes as a report file → YAML → model → computed tables. Input problems are
// InputError or diagnostics; anything else (a crash, a sanitizer report, another exception,
// a hang) is a finding.
#include <cstddef>
#include <cstdint>

#include "diag/diagnostic.hpp"
#include "finance/compute_tables.hpp"
#include "fuzz_support.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    rapport::YamlSource source = rapport::parse_yaml("fuzz.yaml", rapport::fuzz::as_text(data, size));
    rapport::Diagnostics diags;
    rapport::Report report = rapport::build_report(source, diags);
    // prepare_report computes even when the model has errors (it reports them all at once),
    // so a half-read model must be safe to compute too.
    rapport::compute_tables(report, diags);
  } catch (const rapport::InputError& e) {
    rapport::fuzz::input_problem(e);
  }
  return 0;
}

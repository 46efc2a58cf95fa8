// Harness (d): bytes as a report → the whole pipeline to frames, as prepare_report and
// run_pipeline do it (load, model, resolve against the layout, compute, lay out), without
// writing a PDF. The report is loaded against the shipped `default` layout; when the input
// holds a line `#---layout---`, what follows it is a layout file of its own (write
// `extends: default` first and state only what differs), so page geometry is fuzzed too.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "diag/diagnostic.hpp"
#include "finance/compute_tables.hpp"
#include "fuzz_support.hpp"
#include "layout/lay_out_document.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "model/resolve_with_layout.hpp"
#include "style/load_style.hpp"
#include "text/font_registry.hpp"
#include "text/hyphenate.hpp"

namespace {

// Loading fonts, the default layout and its dictionary takes far longer than one input, so
// they are made once per process and only read afterwards (libFuzzer's one allowed shortcut).
struct Shared {
  rapport::FontRegistry fonts{rapport::default_font_list()};
  rapport::Style default_style = rapport::load_style(rapport::resolve_layout_path("default"));
  rapport::Hyphenator default_hyphenator{default_style.hyphenation};
};

const Shared& shared() {
  static const Shared instance;
  return instance;
}

bool same_rules(const rapport::HyphenationRules& a, const rapport::HyphenationRules& b) {
  return a.dictionary == b.dictionary && a.min_word == b.min_word && a.left == b.left && a.right == b.right;
}

void run(const rapport::fuzz::ReportAndLayout& input) {
  const Shared& fixed = shared();
  rapport::YamlSource source = rapport::parse_yaml("fuzz.yaml", input.report);
  rapport::Diagnostics diags;
  rapport::Report report = rapport::build_report(source, diags);

  std::unique_ptr<rapport::Style> own_style;
  if (input.has_layout) {
    rapport::fuzz::TempLayout file(input.layout);
    own_style = std::make_unique<rapport::Style>(rapport::load_style(file.path(), diags));
  }
  const rapport::Style& style = own_style ? *own_style : fixed.default_style;

  rapport::resolve_with_layout(report, style, fixed.fonts.families(), diags);
  rapport::compute_tables(report, diags);
  rapport::throw_if_errors(diags);

  // A layout's own dictionary or limits get a hyphenator of their own for this input.
  std::unique_ptr<rapport::Hyphenator> own_hyphenator;
  const rapport::Hyphenator* hyphenator = nullptr;
  if (style.hyphenate) {
    if (same_rules(style.hyphenation, fixed.default_style.hyphenation)) {
      hyphenator = &fixed.default_hyphenator;
    } else {
      own_hyphenator = std::make_unique<rapport::Hyphenator>(style.hyphenation);
      hyphenator = own_hyphenator.get();
    }
  }
  rapport::LayoutOptions options;
  rapport::lay_out_document(report, style, fixed.fonts, hyphenator, options, diags);
  rapport::throw_if_errors(diags);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    run(rapport::fuzz::split_report_and_layout(rapport::fuzz::as_text(data, size)));
  } catch (const rapport::InputError& e) {
    rapport::fuzz::input_problem(e);
  }
  return 0;
}

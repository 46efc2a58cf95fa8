// Runs the rules. Each is one function over a Context (read_pdf.hpp), in the file of its
// area (rules.hpp); a rule that throws becomes an "unreadable" finding under its name, so one
// broken structure does not keep the other rules from judging the file.
#include "pdfcheck/check_pdf.hpp"

#include <qpdf/QPDFExc.hh>

#include <exception>

#include "pdfcheck/rules.hpp"

namespace rapport::pdfcheck {
namespace {

struct Rule {
  const char* name;
  void (*check)(Context&);
};

constexpr Rule kRules[] = {
    // the file and the document
    {"file-structure", check_file_structure},
    {"not-encrypted", check_not_encrypted},
    {"trailer-id", check_trailer_id},
    {"stream-syntax", check_stream_syntax},
    {"stream-keys", check_stream_keys},
    {"stream-filters", check_stream_filters},
    {"xobjects", check_xobjects},
    {"lang", check_lang},
    {"mark-info", check_mark_info},
    {"display-doc-title", check_display_doc_title},
    {"actions", check_actions},
    {"additional-actions", check_additional_actions},
    {"embedded-files", check_embedded_files},
    {"optional-content", check_optional_content},
    // metadata
    {"xmp", check_xmp},
    {"xmp-well-formed", check_xmp_well_formed},
    {"xmp-extension-schemas", check_xmp_extension_schemas},
    {"xmp-info-sync", check_xmp_info_sync},
    {"output-intent", check_output_intent},
    // fonts
    {"fonts-embedded", check_fonts_embedded},
    {"cid-to-gid-map", check_cid_to_gid_map},
    {"cid-system-info", check_cid_system_info},
    {"to-unicode", check_to_unicode},
    {"glyph-widths", check_glyph_widths},
    // the structure tree
    {"struct-tree", check_struct_tree},
    {"role-map", check_role_map},
    {"figure-alt", check_figure_alt},
    {"figure-bbox", check_figure_bbox},
    {"headings", check_headings},
    {"th-scope", check_th_scope},
    {"table-structure", check_table_structure},
    {"table-spans", check_table_spans},
    {"table-columns", check_table_columns},
    {"list-structure", check_list_structure},
    {"toc-structure", check_toc_structure},
    {"link-structure", check_link_structure},
    {"note-id", check_note_ids},
    // content and the parent tree
    {"tagged-content", check_tagged_content},
    {"mcid-parent-tree", check_mcid_parent_tree},
    {"mcid-claims", check_mcid_claims},
    {"parent-tree", check_parent_tree},
    // annotations
    {"link-annotations", check_link_annotations},
    {"annotation-print", check_annotation_print},
    {"annotation-contents", check_annotation_contents},
    {"annotation-appearance", check_annotation_appearance},
    {"annotation-types", check_annotation_types},
    {"tabs", check_tabs},
};

void run_rules(QPDF& pdf, const std::string& path, const std::string& expected_lang, Findings& findings) {
  Context context(pdf, path, expected_lang, findings);
  for (const Rule& rule : kRules) {
    try {
      rule.check(context);
    } catch (const std::exception& e) {
      findings.push_back({"unreadable", std::string(rule.name) + ": " + e.what()});
    }
  }
}

}  // namespace

std::vector<std::string> rule_names() {
  std::vector<std::string> names;
  for (const Rule& rule : kRules) names.emplace_back(rule.name);
  return names;
}

std::vector<Finding> check_pdf(const std::string& path, const std::string& expected_lang) {
  Findings findings;
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);  // a damaged file is judged by the rules, not by stderr noise
    pdf.processFile(path.c_str());
    // Warnings while opening mean qpdf repaired the file (a bad xref, say): a strict reader might not.
    for (const auto& warning : pdf.getWarnings()) findings.push_back({"unreadable", std::string("qpdf repaired: ") + warning.what()});
    run_rules(pdf, path, expected_lang, findings);
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password)
      findings.push_back({"not-encrypted", path + ": encrypted with a user password; nothing else was checked"});
    else
      findings.push_back({"unreadable", e.what()});
  } catch (const std::exception& e) {
    findings.push_back({"unreadable", path + ": " + e.what()});
  }
  return findings;
}

}  // namespace rapport::pdfcheck

#pragma once
// The rules, one function each, grouped by the file that holds them. check_pdf.cpp runs them in
// the order of its table; each reports under its own name only.
#include "pdfcheck/read_pdf.hpp"

namespace rapport::pdfcheck {

// check_document.cpp: the catalog and the trailer
void check_not_encrypted(Context& c);
void check_trailer_id(Context& c);
void check_lang(Context& c);
void check_mark_info(Context& c);
void check_display_doc_title(Context& c);
void check_output_intent(Context& c);
void check_actions(Context& c);
void check_additional_actions(Context& c);
void check_embedded_files(Context& c);
void check_optional_content(Context& c);

// check_structure.cpp: the structure tree's shape
void check_struct_tree(Context& c);
void check_role_map(Context& c);
void check_headings(Context& c);
void check_table_structure(Context& c);
void check_list_structure(Context& c);
void check_toc_structure(Context& c);

// check_elements.cpp: what single elements must carry
void check_figure_alt(Context& c);
void check_figure_bbox(Context& c);
void check_th_scope(Context& c);
void check_table_spans(Context& c);
void check_table_columns(Context& c);
void check_link_structure(Context& c);
void check_note_ids(Context& c);

// check_marked_content.cpp: content, MCIDs and the parent tree
void check_tagged_content(Context& c);
void check_mcid_parent_tree(Context& c);
void check_mcid_claims(Context& c);
void check_parent_tree(Context& c);

// check_annotations.cpp
void check_link_annotations(Context& c);
void check_annotation_print(Context& c);
void check_annotation_contents(Context& c);
void check_annotation_appearance(Context& c);
void check_annotation_types(Context& c);
void check_tabs(Context& c);

// check_streams.cpp: the file's bytes and its streams
void check_file_structure(Context& c);
void check_stream_syntax(Context& c);
void check_stream_keys(Context& c);
void check_stream_filters(Context& c);
void check_xobjects(Context& c);

// check_fonts.cpp
void check_fonts_embedded(Context& c);
void check_cid_to_gid_map(Context& c);
void check_cid_system_info(Context& c);
void check_to_unicode(Context& c);
void check_glyph_widths(Context& c);

// check_metadata.cpp
void check_xmp(Context& c);
void check_xmp_well_formed(Context& c);
void check_xmp_extension_schemas(Context& c);
void check_xmp_info_sync(Context& c);

}  // namespace rapport::pdfcheck

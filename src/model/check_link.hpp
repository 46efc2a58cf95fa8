#pragma once
#include <string>

#include "diag/diagnostic.hpp"
#include "model/report.hpp"

namespace rapport {

// Links may go to the web (http, https), to an address (mailto) or to a section of the
// document (#id). Anything else — file:, javascript:, smb:, data:, a relative path — would
// let a PDF reach into the reader's machine or network, so it is an error at `pos`.
void check_link_target(const std::string& url, const SourcePos& pos, Diagnostics& diags);

// The words of a link to #id may print what the layout finds for the target: {page}, {number}
// and {title}. Any other {field} there is an error at `pos`.
void check_reference_fields(const RichText& text, const SourcePos& pos, Diagnostics& diags);

}  // namespace rapport

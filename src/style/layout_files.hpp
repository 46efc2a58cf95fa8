#pragma once
// The files a layout names — its base (extends:), vocabularies (statuses:), logo and
// hyphenation dictionary — resolved against the layout file that names them and checked
// against the render's FileAccess, each at the key that names it.
#include <string>

#include "load/file_access.hpp"
#include "load/yaml_source.hpp"

namespace rapport {

// A layout or vocabulary is named by a bare name (a shipped file) or by a path.
bool names_a_file(const std::string& name_or_file);

// Where the layout `name_or_file` is, named in the file `named_by` (empty: on the command line,
// relative to the current folder) at `named_at`; throws InputError when `access` refuses it.
// A path is relative to `named_by`. A bare name is NAME.yaml beside `report`, else a shipped
// layout; with no `report` (a layout's extends:) only a shipped one, so a municipality's
// timra.yaml may extend the shipped timra. None found: an error listing the paths tried.
std::string locate_layout(const std::string& name_or_file, const std::string& named_by, const SourcePos& named_at,
                          const FileAccess& access, const std::string& report = "");

// How `check` and `render` name the layout they used: a shipped one as layouts/NAME.yaml,
// any other by the path it was found at.
std::string layout_display_name(const std::string& path);

// Rewrites, in this one layout file's tree (before it is merged with its base), the paths of
// the vocabularies, the logo and the dictionary to be relative to no folder at all, so they
// keep meaning the same file once merged; refused paths go to `diags` at their keys.
void anchor_layout_paths(YamlSource& source, const FileAccess& access, Diagnostics& diags);

}  // namespace rapport

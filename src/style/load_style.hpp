#pragma once
#include <string>

#include "load/data_directory.hpp"
#include "load/file_access.hpp"
#include "style/style.hpp"

namespace rapport {

// `name_or_file` is a layout name (layouts/NAME.yaml) or a path to a layout file.
std::string resolve_layout_path(const std::string& name_or_file);

// Reads and validates a layout file and the vocabularies it names; throws InputError listing
// every problem. Warnings (a colour with poor contrast) go to `warnings`.
// Every file the layout chain names must be allowed by `access`; without it, the layout's own
// folder (and the shipped files) may be read.
Style load_style(const std::string& path, const FileAccess& access, Diagnostics& warnings);
Style load_style(const std::string& path, Diagnostics& warnings);
Style load_style(const std::string& path);

}  // namespace rapport

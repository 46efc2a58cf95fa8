#pragma once
// Stage 1 of the pipeline: a YAML file read into yaml-cpp nodes that keep their positions.
// Nothing here knows what a report or a layout is.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>

#include "diag/diagnostic.hpp"

namespace rapport {

struct YamlSource {
  std::string path;
  std::string text;
  YAML::Node root;
};

// The 1-based position of `node` in `source`; line 0 when yaml-cpp has no mark for it.
SourcePos position_of(const YamlSource& source, const YAML::Node& node);

// Reads a whole regular file of at most `limit` bytes (load/file_access.hpp); throws InputError
// naming the file when it cannot be read, is not a regular file or is larger.
std::string read_text_file(const std::string& path, std::uintmax_t limit = UINTMAX_MAX);

// Parses `text` (read from `path`). Throws InputError for invalid UTF-8, YAML syntax errors,
// an empty document and duplicate keys (every duplicate is reported, not just the first).
YamlSource parse_yaml(std::string path, std::string text);
YamlSource load_yaml_file(const std::string& path);  // at most 20 MB

}  // namespace rapport

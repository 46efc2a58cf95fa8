#pragma once
// Stage 1 of the pipeline: a YAML file read into yaml-cpp nodes that keep their positions.
// Nothing here knows what a report or a layout is.
#include <yaml-cpp/yaml.h>

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

// Reads a whole file; throws InputError naming the file when it cannot be read.
std::string read_text_file(const std::string& path);

// Parses `text` (read from `path`). Throws InputError for invalid UTF-8, YAML syntax errors,
// an empty document and duplicate keys (every duplicate is reported, not just the first).
YamlSource parse_yaml(std::string path, std::string text);
YamlSource load_yaml_file(const std::string& path);

}  // namespace rapport

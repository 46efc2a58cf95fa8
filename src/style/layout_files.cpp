#include "style/layout_files.hpp"

#include "style/load_style.hpp"
#include "style/load_vocabulary.hpp"

namespace rapport {
namespace {

// The value under `key`, as a handle that writes through to the tree (a non-const operator[]
// would add an empty entry for a missing key).
YAML::Node child(const YAML::Node& map, const std::string& key) {
  if (map.IsMap())
    for (const auto& pair : map)
      if (pair.first.IsScalar() && pair.first.Scalar() == key) return pair.second;
  return YAML::Node(YAML::NodeType::Undefined);
}

bool is_text(const YAML::Node& node) { return node.IsDefined() && node.IsScalar() && !node.Scalar().empty(); }

// Checks the file and rewrites the node to its resolved path; a refusal goes to `diags`.
void anchor(YAML::Node node, const std::string& path, const YamlSource& source, const FileAccess& access,
            Diagnostics& diags, bool must_exist) {
  node = path;
  if (!must_exist && !std::filesystem::exists(path) && access.allows(path)) return;
  try {
    check_readable(access, path, position_of(source, node));
  } catch (const InputError& e) {
    diags.append(e.diagnostics());
  }
}

void anchor_logo(const YAML::Node& furniture, const YamlSource& source, const FileAccess& access, Diagnostics& diags) {
  YAML::Node file = child(child(furniture, "logo"), "file");
  if (!is_text(file)) return;
  std::string path = relative_to_file(source.path, file.Scalar());
  SourcePos at = position_of(source, file);
  // A missing logo is reported where the layout is read, as "the logo file … does not exist".
  anchor(file, path, source, access, diags, false);
  if (diags.has_errors() || !std::filesystem::is_regular_file(path)) return;
  try {
    check_image_size(path, at);
  } catch (const InputError& e) {
    diags.append(e.diagnostics());
  }
}

}  // namespace

bool names_a_file(const std::string& name_or_file) {
  return name_or_file.find('/') != std::string::npos || name_or_file.ends_with(".yaml");
}

std::string locate_layout(const std::string& name_or_file, const std::string& named_by, const SourcePos& named_at,
                          const FileAccess& access) {
  std::string path = names_a_file(name_or_file) && !named_by.empty() ? relative_to_file(named_by, name_or_file)
                                                                       : resolve_layout_path(name_or_file);
  check_readable(access, path, named_at.line ? named_at : SourcePos{path, 0, 0});
  return path;
}

void anchor_layout_paths(YamlSource& source, const FileAccess& access, Diagnostics& diags) {
  const YAML::Node& root = source.root;
  if (!root.IsMap()) return;
  if (YAML::Node statuses = child(root, "statuses"); statuses.IsSequence())
    for (YAML::Node item : statuses)
      if (is_text(item) && names_a_file(item.Scalar()))
        anchor(item, relative_to_file(source.path, item.Scalar()), source, access, diags, true);
  // The dictionary is read only when hyphenation is on; a missing one is reported then.
  if (YAML::Node dictionary = child(child(root, "typography"), "dictionary"); is_text(dictionary))
    anchor(dictionary, relative_to_file(source.path, dictionary.Scalar()), source, access, diags, false);
  anchor_logo(child(root, "page_furniture"), source, access, diags);
}

}  // namespace rapport

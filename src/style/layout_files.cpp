#include "style/layout_files.hpp"

#include <algorithm>

#include "diag/suggest.hpp"
#include "load/data_directory.hpp"

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

std::filesystem::path shipped_layouts() { return std::filesystem::path(data_directory()) / "layouts"; }

std::vector<std::string> shipped_layout_names() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(shipped_layouts(), error))
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

// `beside`: the report's folder was looked in, so a file there is a way out.
[[noreturn]] void no_such_layout(const std::string& name, const std::vector<std::string>& tried, bool beside,
                                 const SourcePos& named_at) {
  std::string looked;
  for (size_t i = 0; i < tried.size(); ++i) looked += (i ? (i + 1 == tried.size() ? " and " : ", ") : "") + tried[i];
  auto shipped = shipped_layout_names();
  std::string guess = closest_match(name, shipped);
  throw_input_error(named_at, "no layout named '" + name + "': looked for " + looked,
                    (guess.empty() ? std::string() : "did you mean '" + guess + "'? ") + "shipped layouts are " +
                        join_choices(shipped) + (beside ? "; or put " + name + ".yaml beside the report" : ""));
}

// A bare name: beside the report first, so a municipality's own layout folder needs no paths.
std::string locate_bare_name(const std::string& name, const SourcePos& named_at, const FileAccess& access,
                             const std::string& report) {
  std::vector<std::string> tried;
  if (!report.empty()) tried.push_back(relative_to_file(report, name + ".yaml"));
  tried.push_back(resolve_layout_path(name));
  for (const auto& path : tried)
    if (std::filesystem::exists(path)) {
      check_readable(access, path, named_at.line ? named_at : SourcePos{path, 0, 0});
      return path;
    }
  no_such_layout(name, tried, !report.empty(), named_at);
}

}  // namespace

bool names_a_file(const std::string& name_or_file) {
  return name_or_file.find('/') != std::string::npos || name_or_file.ends_with(".yaml");
}

std::string locate_layout(const std::string& name_or_file, const std::string& named_by, const SourcePos& named_at,
                          const FileAccess& access, const std::string& report) {
  if (!names_a_file(name_or_file)) return locate_bare_name(name_or_file, named_at, access, report);
  std::string path = named_by.empty() ? name_or_file : relative_to_file(named_by, name_or_file);
  check_readable(access, path, named_at.line ? named_at : SourcePos{path, 0, 0});
  return path;
}

std::string layout_display_name(const std::string& path) {
  std::error_code error;
  auto file = std::filesystem::weakly_canonical(std::filesystem::absolute(path, error), error);
  auto shipped = std::filesystem::weakly_canonical(std::filesystem::absolute(shipped_layouts(), error), error);
  auto inside = file.lexically_relative(shipped);
  if (!inside.empty() && *inside.begin() != "..") return ("layouts" / inside).generic_string();
  return path;
}

void anchor_layout_paths(YamlSource& source, const FileAccess& access, Diagnostics& diags) {
  const YAML::Node& root = source.root;
  if (!root.IsMap()) return;
  if (YAML::Node statuses = child(root, "statuses"); statuses.IsSequence())
    for (YAML::Node item : statuses)
      if (is_text(item) && names_a_file(item.Scalar()))
        anchor(item, relative_to_file(source.path, item.Scalar()), source, access, diags, true);
  // The dictionary and word list are read only when hyphenation is on; a missing one is reported then.
  for (const char* key : {"dictionary", "words"})
    if (YAML::Node file = child(child(root, "typography"), key); is_text(file))
      anchor(file, relative_to_file(source.path, file.Scalar()), source, access, diags, false);
  anchor_logo(child(root, "page_furniture"), source, access, diags);
}

}  // namespace rapport

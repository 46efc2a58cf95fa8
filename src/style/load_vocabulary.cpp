#include "style/load_vocabulary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "diag/suggest.hpp"
#include "load/node_reader.hpp"
#include "style/load_style.hpp"
#include "style/read_style_values.hpp"

namespace rapport {
namespace {

constexpr double minimum_contrast = 3.0;

double linear(double channel) {
  return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

}  // namespace

std::string vocabulary_path(const std::string& name_or_file) {
  bool is_file = name_or_file.find('/') != std::string::npos || name_or_file.ends_with(".yaml");
  if (is_file) return name_or_file;
  return (std::filesystem::path(data_directory()) / "layouts" / "vocabularies" / (name_or_file + ".yaml")).string();
}

std::string shipped_vocabulary_with(const std::string& id) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  auto shipped = std::filesystem::path(data_directory()) / "layouts" / "vocabularies";
  for (const auto& entry : std::filesystem::directory_iterator(shipped, error))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());  // the same answer on every machine
  for (const auto& file : files) {
    Diagnostics ignored;
    try {
      for (const auto& status : load_vocabulary(file.string(), ignored))
        if (status.id == id) return file.stem().string();
    } catch (const InputError&) {
      // A broken shipped vocabulary is reported where a layout names it, not in this hint.
    }
  }
  return "";
}

namespace {

std::string hex(const Color& c) {
  char buffer[8];
  auto byte = [](double v) { return static_cast<int>(std::lround(v * 255)); };
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buffer;
}

}  // namespace

const std::vector<std::string>& status_shapes() {
  static const std::vector<std::string> shapes = {
      "circle-arrow-up", "circle-arrow-right", "circle-arrow-down", "arrow-up",          "arrow-right",
      "arrow-down",      "arrow-up-outline",   "arrow-right-outline", "arrow-down-outline", "arrow-up-thin",
      "arrow-right-thin", "arrow-down-thin",   "check",             "cross",             "circle",
      "ring",            "square",             "dash",              "check-bare",        "square-check",
      "square-dash",     "square-cross"};
  return shapes;
}

double contrast_on_white(const Color& c) {
  double luminance = 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
  return 1.05 / (luminance + 0.05);
}

std::vector<StatusStyle> load_vocabulary(const std::string& name_or_file, Diagnostics& warnings) {
  YamlSource source = load_yaml_file(vocabulary_path(name_or_file));
  Diagnostics diags;
  NodeReader reader(source, diags);
  std::vector<StatusStyle> statuses;
  std::vector<SourcePos> positions;
  MapFields top(reader, source.root, "the vocabulary", {"name", "statuses"});
  std::string name = reader.text(top.require("name"), "'name'").value_or(name_or_file);
  YAML::Node list = top.require("statuses");
  if (list.IsDefined() && reader.expect_sequence(list, "'statuses'")) {
    for (const auto& item : list) {
      MapFields f(reader, item, "a status", {"id", "label", "shape", "color", "alt"});
      if (!f.valid()) continue;
      StatusStyle status;
      status.vocabulary = name;
      status.id = reader.text(f.require("id"), "'id'").value_or("");
      status.label = reader.text(f.require("label"), "'label'").value_or("");
      status.alt = f.has("alt") ? reader.text(f.get("alt"), "'alt'").value_or("") : status.label;
      YAML::Node shape = f.require("shape");
      status.shape = reader.text(shape, "'shape'").value_or("");
      const auto& shapes = status_shapes();
      if (shape.IsDefined() && std::find(shapes.begin(), shapes.end(), status.shape) == shapes.end()) {
        std::string guess = closest_match(status.shape, shapes);
        diags.error(reader.pos(shape), "unknown icon shape '" + status.shape + "'",
                    guess.empty() ? "shapes are " + join_choices(shapes) : "did you mean '" + guess + "'?");
      }
      YAML::Node color = f.require("color");
      status.color = read_color(reader, color, "'color'");
      for (size_t k = 0; k < statuses.size(); ++k) {
        if (statuses[k].id == status.id)
          diags.error(reader.pos(item), "the status id '" + status.id + "' is listed twice",
                      "it is already used at line " + std::to_string(positions[k].line));
        else if (statuses[k].shape == status.shape && hex(statuses[k].color) == hex(status.color))
          diags.error(reader.pos(item), "'" + status.id + "' has the same colour and shape as '" + statuses[k].id + "'",
                      "give it another shape: colour must never be the only thing that tells statuses apart");
      }
      if (color.IsDefined() && !diags.has_errors() && contrast_on_white(status.color) < minimum_contrast) {
        char ratio[16];
        std::snprintf(ratio, sizeof ratio, "%.1f", contrast_on_white(status.color));
        warnings.warning(reader.pos(color), "the colour " + hex(status.color) + " has a contrast of only " + ratio +
                                                ":1 against white", "icons need at least 3:1 to be seen in print and on screen");
      }
      statuses.push_back(std::move(status));
      positions.push_back(reader.pos(item));
    }
  }
  throw_if_errors(diags);
  return statuses;
}

}  // namespace rapport

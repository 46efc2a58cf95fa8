#include "text/font_registry.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <filesystem>

#include "load/node_reader.hpp"
#include "style/load_style.hpp"

namespace rapport {
namespace {

std::vector<std::string> read_font_list(const std::string& list_path) {
  YamlSource source = load_yaml_file(list_path);
  Diagnostics diags;
  NodeReader reader(source, diags);
  std::vector<std::string> files;
  MapFields fields(reader, source.root, "the font list", {"files"});
  YAML::Node list = fields.require("files");
  if (list.IsDefined() && reader.expect_sequence(list, "'files'")) {
    auto base = std::filesystem::path(list_path).parent_path();
    for (const auto& item : list) {
      auto name = reader.text(item, "a font file");
      if (!name) continue;
      auto path = base / *name;  // absolute names stay as they are
      if (!std::filesystem::is_regular_file(path))
        diags.error(reader.pos(item), "the font file '" + path.string() + "' does not exist",
                    "run .ci/install-deps to install the font packages");
      files.push_back(path.string());
    }
  }
  throw_if_errors(diags);
  return files;
}

}  // namespace

std::string default_font_list() { return (std::filesystem::path(data_directory()) / "fonts" / "fonts.yaml").string(); }

FontRegistry::FontRegistry(const std::string& list_path) : files_(read_font_list(list_path)) {
  config_ = FcConfigCreate();
  for (const auto& file : files_)
    if (!FcConfigAppFontAddFile(config_, reinterpret_cast<const FcChar8*>(file.c_str())))
      throw std::runtime_error("fontconfig could not read the font file " + file);

  FcFontSet* set = FcConfigGetFonts(config_, FcSetApplication);
  for (int i = 0; set && i < set->nfont; ++i) {
    FcChar8* family = nullptr;
    if (FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch) {
      std::string name(reinterpret_cast<const char*>(family));
      if (std::find(families_.begin(), families_.end(), name) == families_.end()) families_.push_back(name);
    }
  }

  // Pango starts a thread that loads the system's fontconfig setup (every font directory and
  // rule file, ~28 M instructions) unless a configuration is already current; rapport never
  // uses it, so make the pinned one current. fontconfig keeps a reference, so this registry
  // may still be destroyed first.
  FcConfigSetCurrent(config_);
  font_map_ = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_), config_);
  context_ = pango_font_map_create_context(font_map_);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context_, FALSE);
  pango_context_set_language(context_, pango_language_from_string("sv-se"));
}

FontRegistry::~FontRegistry() {
  if (context_) g_object_unref(context_);
  if (font_map_) g_object_unref(font_map_);
  if (config_) FcConfigDestroy(config_);
}

bool FontRegistry::has_family(const std::string& family) const {
  return std::find(families_.begin(), families_.end(), family) != families_.end();
}

}  // namespace rapport

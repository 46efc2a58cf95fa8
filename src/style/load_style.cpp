#include "style/load_style.hpp"

#include <algorithm>
#include <filesystem>
#include <regex>

#include "load/node_reader.hpp"
#include "style/carry_accent.hpp"
#include "style/layout_files.hpp"
#include "style/load_vocabulary.hpp"
#include "style/read_style_values.hpp"

namespace rapport {

const StatusStyle* Style::status(const std::string& id) const {
  for (const auto& s : statuses)
    if (s.id == id) return &s;
  return nullptr;
}

const GoalLevel* Style::goal_level(const std::string& id) const {
  for (const auto& level : goal_levels)
    if (level.id == id) return &level;
  return nullptr;
}

std::vector<std::string> Style::status_ids() const {
  std::vector<std::string> ids;
  for (const auto& s : statuses)
    if (!s.id.starts_with("trend-")) ids.push_back(s.id);
  return ids;
}

const StatusStyle* Style::author_status(const std::string& id) const {
  return id.starts_with("trend-") ? nullptr : status(id);
}

namespace {

// What a layout's lengths may be: beyond these no page comes out right (0×0 pages, margins
// wider than the page and 100 km pages all once sent the layout engine into endless loops).
const LengthRange page_sizes{50, 2000, "mm"};
const LengthRange margins{0, 500, "mm"};
const LengthRange font_sizes{4, 100, "pt"};
const LengthRange spacing{0, 100, "mm"};
constexpr double min_text_width_mm = 30, min_text_height_mm = 40;

double read_line_height(NodeReader& reader, const YAML::Node& node) {
  auto value = reader.number(node, "'line_height'");
  if (value && (*value < 0.8 || *value > 3))
    reader.diags().error(reader.pos(node), "'line_height' must be between 0.8 and 3 (a multiple of the size), found " + node.Scalar());
  return value.value_or(1.25);
}

std::string read_text(NodeReader& reader, const YAML::Node& node, const std::string& what) {
  return reader.text(node, what).value_or("");
}

TextStyle read_text_style(NodeReader& reader, const YAML::Node& node, const std::string& what, TextStyle style) {
  MapFields f(reader, node, what,
              {"family", "size", "weight", "italic", "color", "line_height", "space_before", "space_after"});
  if (!f.valid()) return style;
  if (f.has("family")) style.family = read_text(reader, f.get("family"), "'family'");
  if (f.has("size")) style.size = read_length(reader, f.get("size"), "'size'", font_sizes);
  if (f.has("weight")) {
    std::string w = read_text(reader, f.get("weight"), "'weight'");
    if (w == "bold") style.weight = 700;
    else if (w == "regular") style.weight = 400;
    else reader.diags().error(reader.pos(f.get("weight")), "'weight' must be regular or bold, found " + quote_excerpt(w));
  }
  if (f.has("italic")) style.italic = reader.boolean(f.get("italic"), "'italic'").value_or(false);
  if (f.has("color")) style.color = read_color(reader, f.get("color"), "'color'");
  if (f.has("line_height")) style.line_height = read_line_height(reader, f.get("line_height"));
  if (f.has("space_before")) style.space_before = read_length(reader, f.get("space_before"), "'space_before'", spacing);
  if (f.has("space_after")) style.space_after = read_length(reader, f.get("space_after"), "'space_after'", spacing);
  return style;
}

void read_page(NodeReader& reader, const YAML::Node& node, PageStyle& page) {
  MapFields f(reader, node, "page", {"width", "height", "margins"});
  if (!f.valid()) return;
  page.width = read_length(reader, f.require("width"), "'width'", page_sizes);
  page.height = read_length(reader, f.require("height"), "'height'", page_sizes);
  MapFields m(reader, f.require("margins"), "margins", {"top", "bottom", "left", "right"});
  if (!m.valid()) return;
  page.top = read_length(reader, m.require("top"), "'top'", margins);
  page.bottom = read_length(reader, m.require("bottom"), "'bottom'", margins);
  page.left = read_length(reader, m.require("left"), "'left'", margins);
  page.right = read_length(reader, m.require("right"), "'right'", margins);
}

std::vector<const TextStyle*> all_text_styles(const Style& style) {
  std::vector<const TextStyle*> all = {&style.body,       &style.table,          &style.table_header,       &style.caption,
                                       &style.footer,     &style.toc_title,      &style.toc_entry,          &style.cover_municipality,
                                       &style.cover_title, &style.cover_subtitle, &style.cover_committee, &style.back_page,
                                       &style.assessment_label, &style.footnote, &style.figure_source};
  for (const auto& heading : style.headings) all.push_back(&heading);
  return all;
}

// The value under `key`, or an undefined node: a const operator[] on a missing key gives an
// invalid node, which throws at the first question asked of it.
YAML::Node value_of(const YAML::Node& map, const char* key) {
  if (map.IsDefined() && map.IsMap())
    for (const auto& pair : map)
      if (pair.first.IsScalar() && pair.first.Scalar() == key) return pair.second;
  return YAML::Node(YAML::NodeType::Undefined);
}

// Checked before anything is laid out, so that no page can be too small to hold a line: the
// layout engine relies on every line and table row fitting on an empty page.
void check_text_area(NodeReader& reader, const YAML::Node& page_node, const Style& style) {
  const PageStyle& page = style.page;
  // A layout that extends another gets a merged page mapping with no position of its own; the
  // margins it names keep theirs.
  auto at = [&](const char* margin) {
    YAML::Node leaf = value_of(value_of(page_node, "margins"), margin);
    return reader.pos(leaf.IsDefined() && leaf.Mark().line >= 0 ? leaf : page_node);
  };
  constexpr double mm = 72.0 / 25.4;
  if (page.content_width() < min_text_width_mm * mm)
    reader.diags().error(at("left"), "the margins leave a text area " + std::to_string(static_cast<int>(page.content_width() / mm)) +
                                                    " mm wide; it must be at least " + std::to_string(static_cast<int>(min_text_width_mm)) + " mm",
                         "make the left and right margins smaller, or the page wider");
  double tallest = 0;
  for (const TextStyle* text : all_text_styles(style)) tallest = std::max(tallest, text->size * text->line_height);
  if (page.content_height() < std::max(min_text_height_mm * mm, 3 * tallest))
    reader.diags().error(at("top"), "the margins leave a text area " + std::to_string(static_cast<int>(page.content_height() / mm)) +
                                                    " mm high; it must be at least " + std::to_string(static_cast<int>(min_text_height_mm)) +
                                                    " mm and hold three lines of the largest text",
                         "make the top and bottom margins smaller, the page taller, or the largest text smaller");
}

void read_text_styles(NodeReader& reader, const YAML::Node& node, Style& style) {
  const std::vector<std::string> keys = {"body",     "heading1",     "heading2",      "heading3",
                                         "heading4", "table",        "table_header",  "caption",
                                         "footer",   "toc_title",    "toc_entry",     "cover_municipality",
                                         "cover_title", "cover_subtitle", "cover_committee", "back_page",
                                         "assessment_label", "footnote", "figure_source"};
  MapFields f(reader, node, "text", keys);
  if (!f.valid()) return;
  // Every style starts from body, so a layout only states what differs.
  style.body = read_text_style(reader, f.require("body"), "'body'", style.body);
  auto derived = [&](const std::string& key) {
    return f.has(key) ? read_text_style(reader, f.get(key), "'" + key + "'", style.body) : style.body;
  };
  for (size_t i = 0; i < style.headings.size(); ++i) style.headings[i] = derived("heading" + std::to_string(i + 1));
  style.table = derived("table");
  style.table_header = f.has("table_header") ? read_text_style(reader, f.get("table_header"), "'table_header'", style.table) : style.table;
  style.caption = derived("caption");
  style.footer = derived("footer");
  style.toc_title = derived("toc_title");
  style.toc_entry = derived("toc_entry");
  style.cover_municipality = derived("cover_municipality");
  style.cover_title = derived("cover_title");
  style.cover_subtitle = derived("cover_subtitle");
  style.cover_committee = derived("cover_committee");
  style.back_page = derived("back_page");
  style.assessment_label = derived("assessment_label");
  style.footnote = derived("footnote");
  style.figure_source = derived("figure_source");
}

void read_footnotes(NodeReader& reader, const YAML::Node& node, Style& style) {
  MapFields f(reader, node, "footnotes", {"numbering", "indent"});
  if (!f.valid()) return;
  if (YAML::Node numbering = f.require("numbering"); numbering.IsDefined()) {
    std::string how = read_text(reader, numbering, "'numbering'");
    if (how != "document" && how != "chapter")
      reader.diags().error(reader.pos(numbering), "unknown footnote numbering '" + how + "'",
                           "write 'numbering: document' (1, 2, 3 through the report) or 'numbering: chapter' (from 1 in each level-1 section)");
    style.footnotes_per_chapter = how == "chapter";
  }
  style.footnote_indent = read_length(reader, f.require("indent"), "'indent'", {0, 30, "mm"});
}

// `tables: {row_rules: rows | groups | none}`: where hairlines part a table's body rows.
void read_row_rules(NodeReader& reader, const YAML::Node& node, Style& style) {
  std::string where = read_text(reader, node, "'row_rules'");
  if (where == "rows") style.row_rules = Style::RowRules::rows;
  else if (where == "groups") style.row_rules = Style::RowRules::groups;
  else if (where == "none") style.row_rules = Style::RowRules::none;
  else
    reader.diags().error(reader.pos(node), "unknown row_rules '" + where + "'",
                         "write 'row_rules: rows' (a rule under every row), 'groups' (only where a group ends) or 'none'");
}

// `figures: {label, caption, title}`: how figures are numbered and captioned. The caption
// template must name {number} and {caption}, or figures would lose their number or words.
void read_figures(NodeReader& reader, const YAML::Node& node, Style& style) {
  MapFields f(reader, node, "figures", {"label", "caption", "title"});
  if (!f.valid()) return;
  style.figure_label = read_text(reader, f.require("label"), "'label'");
  if (YAML::Node caption = f.require("caption"); caption.IsDefined()) {
    style.figure_caption = read_text(reader, caption, "'caption'");
    for (const char* field : {"{number}", "{caption}"})
      if (style.figure_caption.find(field) == std::string::npos)
        reader.diags().error(reader.pos(caption), std::string("the figure caption template has no ") + field,
                             "write for example caption: \"{label} {number}. {caption}\"");
  }
  style.figures_default_title = read_text(reader, f.require("title"), "'title'");
}

// An author's status of another vocabulary already in `style` drawn just like `status`. Trend
// icons stand only in trend columns, where nothing else is drawn, so they may repeat one.
const StatusStyle* same_icon(const Style& style, const StatusStyle& status) {
  if (status.id.starts_with("trend-")) return nullptr;
  for (const auto& other : style.statuses)
    if (!other.id.starts_with("trend-") && other.shape == status.shape && other.color.r == status.color.r &&
        other.color.g == status.color.g && other.color.b == status.color.b)
      return &other;
  return nullptr;
}

void read_vocabularies(NodeReader& reader, const YAML::Node& node, Style& style, Diagnostics& warnings) {
  if (!reader.expect_sequence(node, "'statuses'")) return;
  for (const auto& item : node) {
    auto name = reader.text(item, "a vocabulary name");
    if (!name) continue;
    try {
      for (auto& status : load_vocabulary(*name, warnings)) {
        if (const StatusStyle* clash = style.status(status.id))
          reader.diags().error(reader.pos(item), "the status id '" + status.id + "' is in both '" + clash->vocabulary +
                                                     "' and '" + status.vocabulary + "'",
                               "a document's statuses must have distinct ids");
        else if (const StatusStyle* same = same_icon(style, status))
          reader.diags().error(reader.pos(item), "'" + status.id + "' (" + status.vocabulary + ") has the same icon as '" +
                                                     same->id + "' (" + same->vocabulary + ")",
                               "statuses of one document need distinct icons, or a reader cannot tell them apart; "
                               "give one of them another shape or colour");
        style.statuses.push_back(std::move(status));
      }
      style.vocabularies.push_back(*name);
    } catch (const InputError& e) {
      reader.diags().append(e.diagnostics());
    }
  }
}

RunningLine read_running_line(NodeReader& reader, const YAML::Node& node, const std::string& what) {
  RunningLine line;
  MapFields f(reader, node, what, {"left", "center", "right"});
  if (!f.valid()) return line;
  if (f.has("left")) line.left = read_text(reader, f.get("left"), "'left'");
  if (f.has("center")) line.center = read_text(reader, f.get("center"), "'center'");
  if (f.has("right")) line.right = read_text(reader, f.get("right"), "'right'");
  return line;
}

void read_page_furniture(NodeReader& reader, const YAML::Node& node, Style& style, Diagnostics& warnings) {
  MapFields f(reader, node, "page_furniture",
              {"cover", "cover_title_at", "logo", "back_page", "header", "footer", "watermark", "signoff"});
  if (!f.valid()) return;
  style.has_cover = reader.boolean(f.require("cover"), "'cover'").value_or(true);
  if (YAML::Node at = f.require("cover_title_at"); at.IsDefined()) {
    auto share = reader.number(at, "'cover_title_at'");
    if (share && (*share < 0.1 || *share > 0.8))
      reader.diags().error(reader.pos(at), "'cover_title_at' must be between 0.1 and 0.8 (a share of the page height)");
    style.cover_title_at = share.value_or(0.36);
  }
  style.has_back_page = reader.boolean(f.require("back_page"), "'back_page'").value_or(true);
  if (YAML::Node signoff = f.require("signoff"); signoff.IsDefined()) {
    std::string place = read_text(reader, signoff, "'signoff'");
    if (place != "end" && place != "none")
      reader.diags().error(reader.pos(signoff), "unknown place for the sign-off block '" + place + "'",
                           "use end (after the content) or none");
    style.signoff_at_end = place == "end";
  }
  if (YAML::Node logo = f.get("logo"); logo.IsDefined() && !logo.IsNull()) {
    MapFields l(reader, logo, "logo", {"file", "width", "alt"});
    if (l.valid()) {
      // Relative to the layout file that names it, so a municipality's layout folder travels whole.
      // Already resolved against the layout file that names it (anchor_layout_paths).
      std::string file = read_text(reader, l.require("file"), "'file'");
      auto path = std::filesystem::path(file);
      if (!file.empty() && !std::filesystem::is_regular_file(path))
        reader.diags().error(reader.pos(l.get("file")), "the logo file '" + path.string() + "' does not exist");
      style.logo = path.string();
      if (path.extension() == ".svg" && std::filesystem::is_regular_file(path) && read_text_file(path.string()).find("<text") != std::string::npos)
        warnings.warning(reader.pos(l.get("file")), "the logo has SVG text, which would be set in whatever fonts a machine has",
                         "convert the lettering to outlines (paths) in the drawing program");
      style.logo_width = read_length(reader, l.require("width"), "'width'", {5, 300, "mm"});
      if (YAML::Node alt = l.get("alt"); alt.IsDefined()) style.logo_alt = read_text(reader, alt, "'alt'");
      style.logo_pos = reader.pos(logo);
    }
  }
  style.running_header = read_running_line(reader, f.require("header"), "header");
  style.running_footer = read_running_line(reader, f.require("footer"), "footer");
  MapFields watermark(reader, f.require("watermark"), "watermark", {"text", "color"});
  if (watermark.valid()) {
    style.watermark = read_text(reader, watermark.require("text"), "'text'");
    style.watermark_color = read_color(reader, watermark.require("color"), "'color'");
  }
}

// A goal heading template may use only {label}, {number} and {title}.
std::string read_goal_heading(NodeReader& reader, const YAML::Node& node, const std::string& what) {
  std::string text = read_text(reader, node, what);
  static const std::regex field(R"(\{([^}]*)\})");
  for (std::sregex_iterator it(text.begin(), text.end(), field), end; it != end; ++it)
    if (std::string name = (*it)[1]; name != "label" && name != "number" && name != "title")
      reader.diags().error(reader.pos(node), "unknown field {" + name + "} in " + what, "goal headings may use {label}, {number} and {title}");
  return text;
}

void read_goal_levels(NodeReader& reader, const YAML::Node& node, Style& style) {
  MapFields goals(reader, node, "goals", {"heading", "heading_unnumbered", "overview", "levels"});
  if (!goals.valid()) return;
  style.goal_heading = read_goal_heading(reader, goals.require("heading"), "'heading'");
  style.goal_heading_unnumbered = read_goal_heading(reader, goals.require("heading_unnumbered"), "'heading_unnumbered'");
  MapFields overview(reader, goals.require("overview"), "overview", {"level", "goal", "status"});
  if (overview.valid()) {
    style.overview_level = read_text(reader, overview.require("level"), "'level'");
    style.overview_goal = read_text(reader, overview.require("goal"), "'goal'");
    style.overview_status = read_text(reader, overview.require("status"), "'status'");
  }
  YAML::Node levels = goals.require("levels");
  if (!levels.IsDefined() || !reader.expect_sequence(levels, "'levels'")) return;
  for (const auto& item : levels) {
    MapFields f(reader, item, "a goal level", {"id", "label", "numbered"});
    if (!f.valid()) continue;
    GoalLevel level;
    level.id = read_text(reader, f.require("id"), "'id'");
    level.label = read_text(reader, f.require("label"), "'label'");
    if (f.has("numbered")) level.numbered = reader.boolean(f.get("numbered"), "'numbered'").value_or(false);
    style.goal_levels.push_back(std::move(level));
  }
}

}  // namespace

std::string resolve_layout_path(const std::string& name_or_file) {
  bool is_file = name_or_file.find('/') != std::string::npos || name_or_file.ends_with(".yaml");
  if (is_file) return name_or_file;
  return (std::filesystem::path(data_directory()) / "layouts" / (name_or_file + ".yaml")).string();
}

namespace {

// `charts: {palette: [colour, …]}`: at least two colours, so two series never share a fill.
void read_charts(NodeReader& reader, const YAML::Node& node, Style& style) {
  MapFields f(reader, node, "charts", {"palette"});
  if (!f.valid()) return;
  YAML::Node palette = f.require("palette");
  if (!palette.IsDefined() || !reader.expect_sequence(palette, "'palette'")) return;
  if (palette.size() < 2) {
    reader.diags().error(reader.pos(palette), "a chart palette needs at least two colours", "list colours such as [\"#0072b2\", \"#e69f00\"]");
    return;
  }
  style.chart_palette.clear();
  for (const auto& colour : palette) style.chart_palette.push_back(read_color(reader, colour, "a palette colour"));
}

Style read_style(const YamlSource& source, Diagnostics& warnings);

// `over` laid onto `base`: mappings merge key by key, anything else in `over` replaces.
YAML::Node merged(const YAML::Node& base, const YAML::Node& over) {
  if (!base.IsMap() || !over.IsMap()) return over;
  YAML::Node out(YAML::NodeType::Map);
  const YAML::Node& overrides = over;
  const YAML::Node& bases = base;
  for (const auto& pair : base) {
    YAML::Node replacement = overrides[pair.first.Scalar()];
    out.force_insert(pair.first, replacement.IsDefined() ? merged(pair.second, replacement) : pair.second);
  }
  for (const auto& pair : over)
    if (pair.first.Scalar() != "extends" && !bases[pair.first.Scalar()].IsDefined()) out.force_insert(pair.first, pair.second);
  return out;
}

constexpr int max_extends_depth = 8;

// The layout file's tree with everything it extends merged underneath. Each base is read on
// its own first, so a problem in a base is reported in the base's file.
struct LayoutChain {
  const FileAccess& access;
  Diagnostics& warnings;
  std::vector<std::string> files;
};

YamlSource resolved_layout_source(const std::string& path, LayoutChain& chain, int depth) {
  YamlSource source = load_yaml_file(path);
  chain.files.push_back(path);
  Diagnostics diags;
  anchor_layout_paths(source, chain.access, diags);
  throw_if_errors(diags);
  const YAML::Node& root = source.root;
  if (!root.IsMap() || !root["extends"].IsDefined()) return source;
  NodeReader reader(source, diags);
  YAML::Node extends = root["extends"];
  std::string base_name = reader.text(extends, "'extends'").value_or("");
  if (depth >= max_extends_depth) {
    diags.error(reader.pos(extends), "layouts extend each other in a loop, or more than 8 deep");
    throw InputError(diags);
  }
  throw_if_errors(diags);
  // A path is relative to the layout that names it; a bare name is a shipped layout.
  std::string base_path = locate_layout(base_name, path, reader.pos(extends), chain.access);
  YamlSource base = resolved_layout_source(base_path, chain, depth + 1);
  read_style(base, chain.warnings);  // the base must be a valid layout by itself
  OwnColours own = own_colours(source.root);
  std::string base_accent = accent_of(base.root);
  source.root = merged(base.root, source.root);
  carry_accent(own, base_accent, source.root);
  return source;
}

}  // namespace

Style load_style(const std::string& path) {
  Diagnostics warnings;
  return load_style(path, warnings);
}

Style load_style(const std::string& path, Diagnostics& warnings) {
  return load_style(path, FileAccess::for_report(path, {}), warnings);
}

Style load_style(const std::string& path, const FileAccess& access, Diagnostics& warnings) {
  LayoutChain chain{access, warnings, {}};
  Style style = read_style(resolved_layout_source(path, chain, 0), warnings);
  style.path = path;
  style.files = std::move(chain.files);
  for (const auto& name : style.vocabularies) style.files.push_back(vocabulary_path(name));
  return style;
}

namespace {

Style read_style(const YamlSource& source, Diagnostics& warnings) {
  Diagnostics diags;
  NodeReader reader(source, diags);
  Style style;
  MapFields f(reader, source.root, "the layout",
              {"name", "extends", "page", "text", "colors", "lists", "headings", "toc", "tables", "statuses", "goals",
               "typography", "page_furniture", "numbers", "footnotes", "figures", "charts"});
  if (f.valid()) {
    style.name = read_text(reader, f.require("name"), "'name'");
    read_page(reader, f.require("page"), style.page);
    read_text_styles(reader, f.require("text"), style);
    if (f.has("page") && f.has("text")) check_text_area(reader, f.get("page"), style);
    MapFields colors(reader, f.require("colors"), "colors", {"accent", "rule", "table_header_fill", "table_group_fill"});
    if (colors.valid()) {
      style.accent = read_color(reader, colors.require("accent"), "'accent'");
      style.rule = read_color(reader, colors.require("rule"), "'rule'");
      style.table_header_fill = read_color(reader, colors.require("table_header_fill"), "'table_header_fill'");
      style.table_group_fill = read_color(reader, colors.require("table_group_fill"), "'table_group_fill'");
    }
    MapFields lists(reader, f.require("lists"), "lists", {"indent", "bullet"});
    if (lists.valid()) {
      style.list_indent = read_length(reader, lists.require("indent"), "'indent'", {0, 50, "mm"});
      style.bullet = read_text(reader, lists.require("bullet"), "'bullet'");
    }
    MapFields headings(reader, f.require("headings"), "headings", {"new_page_level", "numbered"});
    if (headings.valid()) {
      style.new_page_level = static_cast<int>(reader.integer(headings.require("new_page_level"), "'new_page_level'", 0, 4).value_or(1));
      style.numbered_levels = static_cast<int>(reader.integer(headings.require("numbered"), "'numbered'", 0, 4).value_or(0));
    }
    MapFields toc(reader, f.require("toc"), "toc", {"title", "depth"});
    if (toc.valid()) {
      style.toc_default_title = read_text(reader, toc.require("title"), "'title'");
      style.toc_depth = static_cast<int>(reader.integer(toc.require("depth"), "'depth'", 1, 4).value_or(3));
    }
    MapFields tables(reader, f.require("tables"), "tables", {"missing", "cell_padding", "zebra", "continued", "row_rules", "row_rule_color"});
    if (tables.valid()) {
      style.missing_mark = read_text(reader, tables.require("missing"), "'missing'");
      if (YAML::Node continued = tables.get("continued"); continued.IsDefined())
        style.continued = read_text(reader, continued, "'continued'");
      style.cell_padding = read_length(reader, tables.require("cell_padding"), "'cell_padding'", {0, 10, "mm"});
      YAML::Node zebra = tables.require("zebra");
      style.zebra = zebra.IsDefined() && !(is_plain_scalar(zebra) && zebra.Scalar() == "false");
      if (style.zebra) style.zebra_fill = read_color(reader, zebra, "'zebra'");
      if (YAML::Node rules = tables.get("row_rules"); rules.IsDefined()) read_row_rules(reader, rules, style);
      if (YAML::Node color = tables.get("row_rule_color"); color.IsDefined()) style.row_rule = read_color(reader, color, "'row_rule_color'");
    }
    MapFields typography(reader, f.require("typography"), "typography",
                         {"hyphenate", "dictionary", "words", "exceptions", "min_word", "left", "right", "justify"});
    if (typography.valid()) {
      style.hyphenate = reader.boolean(typography.require("hyphenate"), "'hyphenate'").value_or(true);
      style.justify = reader.boolean(typography.require("justify"), "'justify'").value_or(false);
      HyphenationRules& rules = style.hyphenation;
      rules.dictionary = read_text(reader, typography.require("dictionary"), "'dictionary'");
      rules.min_word = static_cast<int>(reader.integer(typography.require("min_word"), "'min_word'", 2, 40).value_or(6));
      rules.left = static_cast<int>(reader.integer(typography.require("left"), "'left'", 1, 10).value_or(3));
      rules.right = static_cast<int>(reader.integer(typography.require("right"), "'right'", 1, 10).value_or(3));
      if (typography.has("words")) rules.words = read_text(reader, typography.get("words"), "'words'");
      if (YAML::Node exceptions = typography.get("exceptions"); exceptions.IsDefined() && reader.expect_sequence(exceptions, "'exceptions'"))
        for (const auto& word : exceptions) rules.exceptions.push_back(read_text(reader, word, "an exception"));
    }
    read_page_furniture(reader, f.require("page_furniture"), style, warnings);
    MapFields numbers(reader, f.require("numbers"), "numbers", {"group", "decimal", "minus"});
    if (numbers.valid()) {
      style.numbers.group_separator = read_text(reader, numbers.require("group"), "'group'");
      style.numbers.decimal_separator = read_text(reader, numbers.require("decimal"), "'decimal'");
      style.numbers.minus = read_text(reader, numbers.require("minus"), "'minus'");
    }
    read_footnotes(reader, f.require("footnotes"), style);
    if (f.has("figures")) read_figures(reader, f.get("figures"), style);
    if (YAML::Node charts = f.get("charts"); charts.IsDefined()) read_charts(reader, charts, style);
    read_vocabularies(reader, f.require("statuses"), style, warnings);
    read_goal_levels(reader, f.require("goals"), style);
  }
  throw_if_errors(diags);
  return style;
}

}  // namespace
}  // namespace rapport

#include "model/build_report.hpp"

#include <regex>

#include "diag/suggest.hpp"
#include "model/build_context.hpp"
#include "model/check_link.hpp"
#include "model/format_keys.hpp"
#include "model/read_figure.hpp"

namespace rapport {
namespace {

constexpr int max_heading_level = 4;

const std::vector<std::string>& block_kinds = format_keys("block");

void collect_references(BuildContext& ctx, const std::vector<Prose>& prose) {
  for (const auto& p : prose) {
    check_reference_fields(p.text, p.pos, ctx.reader.diags());
    for (const auto& span : p.text)
      if (!span.link.empty() && span.link[0] == '#') ctx.references.push_back({span.link.substr(1), p.pos});
    for (const auto& item : p.items) collect_references(ctx, item.content);
  }
}

std::vector<Prose> read_markdown(BuildContext& ctx, const YAML::Node& node, const std::string& what) {
  auto text = ctx.reader.text(node, what);
  if (!text) return {};
  auto prose = parse_footnoted_markdown(*text, text_origin(ctx.reader.source(), node), ctx.reader.diags(), ctx.footnotes);
  collect_references(ctx, prose);
  return prose;
}

// ----- blocks and sections -----

Facts read_facts(BuildContext& ctx, const YAML::Node& node) {
  Facts facts;
  if (!ctx.reader.expect_sequence(node, "'facts'")) return facts;
  for (const auto& item : node) {
    if (!item.IsMap() || item.size() != 1) {
      ctx.reader.wrong_type(item, "a fact", "one 'Label: value' line");
      continue;
    }
    auto pair = *item.begin();
    auto value = ctx.reader.text(pair.second, "the value of '" + pair.first.Scalar() + "'");
    facts.items.push_back({pair.first.Scalar(), value.value_or(""), ctx.reader.pos(item)});
  }
  return facts;
}

Assessment read_assessment(BuildContext& ctx, const YAML::Node& node) {
  Assessment assessment;
  assessment.pos = ctx.reader.pos(node);
  MapFields fields(ctx.reader, node, "assessment", format_keys("assessment"));
  if (!fields.valid()) return assessment;
  YAML::Node status = fields.require("status");
  assessment.status = text_or_empty(ctx, status, "'status'");
  assessment.status_pos = ctx.reader.pos(status);
  assessment.label = text_or_empty(ctx, fields.get("label"), "'label'");
  if (YAML::Node text = fields.get("text"); text.IsDefined()) assessment.text = read_markdown(ctx, text, "'text'");
  return assessment;
}


OverviewBlock read_overview(BuildContext& ctx, const YAML::Node& node) {
  OverviewBlock overview;
  overview.title = read_block_title(ctx, node, "overview");
  overview.pos = ctx.reader.pos(node);
  return overview;
}

LegendBlock read_legend(BuildContext& ctx, const YAML::Node& node) {
  LegendBlock legend;
  legend.pos = ctx.reader.pos(node);
  if (node.IsNull()) return legend;
  MapFields fields(ctx.reader, node, "legend", format_keys("legend"));
  legend.title = title_or_empty(ctx, fields.get("title"), "'title'");
  if (YAML::Node all = fields.get("all"); all.IsDefined()) legend.all = ctx.reader.boolean(all, "'all'").value_or(false);
  return legend;
}

TocBlock read_toc(BuildContext& ctx, const YAML::Node& node) {
  TocBlock toc;
  toc.pos = ctx.reader.pos(node);
  if (node.IsNull()) return toc;
  MapFields fields(ctx.reader, node, "toc", format_keys("toc"));
  toc.title = title_or_empty(ctx, fields.get("title"), "'title'");
  if (YAML::Node depth = fields.get("depth"); depth.IsDefined())
    toc.depth = static_cast<int>(ctx.reader.integer(depth, "'depth'", 1, max_heading_level).value_or(0));
  return toc;
}

std::vector<Block> read_content(BuildContext& ctx, const YAML::Node& node, int level);

std::unique_ptr<Section> read_section(BuildContext& ctx, const YAML::Node& node, int level) {
  auto section = std::make_unique<Section>();
  section->pos = ctx.reader.pos(node);
  section->level = level;
  MapFields fields(ctx.reader, node, "section", format_keys("section"));
  section->title = title_or_empty(ctx, fields.get("section"), "a section's heading");
  if (fields.has("section")) section->title_pos = text_origin(ctx.reader.source(), fields.get("section")).first_char;
  section->heading = section->title;
  if (YAML::Node goal = fields.get("goal"); goal.IsDefined()) {
    section->goal = text_or_empty(ctx, goal, "'goal'");
    section->goal_pos = ctx.reader.pos(goal);
  }
  if (YAML::Node number = fields.get("number"); number.IsDefined()) {
    section->number = text_or_empty(ctx, number, "'number'");
    section->number_pos = ctx.reader.pos(number);
    if (!fields.has("goal"))
      ctx.reader.diags().error(section->number_pos, "'number' is for goal sections", "add goal: with the goal's level, or leave the number out");
  }
  if (level > max_heading_level)
    ctx.reader.diags().error(section->pos, "sections nest at most 4 levels deep; this one is at level " + std::to_string(level),
                             "move it up a level, or write it as a paragraph with **strong** text");
  if (YAML::Node id = fields.get("id"); id.IsDefined()) section->id = read_block_id(ctx, id);
  if (section->id.empty()) section->id = "section-" + std::to_string(++ctx.generated_ids);
  if (YAML::Node toc = fields.get("toc"); toc.IsDefined())
    section->in_toc = ctx.reader.boolean(toc, "'toc'").value_or(true);
  section->landscape = read_orientation(ctx, fields.get("orientation"));
  if (YAML::Node content = fields.get("content"); content.IsDefined()) section->content = read_content(ctx, content, level + 1);
  return section;
}

std::optional<Block> read_block(BuildContext& ctx, const YAML::Node& node, int level) {
  if (node.IsScalar()) {
    if (node.Scalar() == "toc") return TocBlock{{}, 0, ctx.reader.pos(node)};
    if (node.Scalar() == "pagebreak") return PageBreak{};
    if (node.Scalar() == "officials") return OfficialsBlock{};
    if (node.Scalar() == "legend") return LegendBlock{{}, false, ctx.reader.pos(node)};
    if (node.Scalar() == "overview") return OverviewBlock{{}, ctx.reader.pos(node)};
    if (node.Scalar() == "figures") return FiguresBlock{{}, ctx.reader.pos(node)};
    std::string guess = closest_match(node.Scalar(), {"toc", "pagebreak", "officials", "legend", "overview", "figures"});
    ctx.reader.diags().error(ctx.reader.pos(node), "unknown block '" + node.Scalar() + "'",
                             guess.empty() ? "a block is a mapping such as 'text: …', or one of the words toc, pagebreak, officials, legend, overview, figures"
                                           : "did you mean '" + guess + "'?");
    return std::nullopt;
  }
  if (!node.IsMap() || node.size() == 0) {
    ctx.reader.wrong_type(node, "a block", "a mapping such as 'text: …' or 'section: …'");
    return std::nullopt;
  }
  if (node["section"].IsDefined()) return Block{read_section(ctx, node, level)};
  const std::string key = node.begin()->first.Scalar();
  if (node.size() != 1) {
    auto second = std::next(node.begin())->first.Scalar();
    ctx.reader.diags().error(ctx.reader.pos(std::next(node.begin())->first),
                             "a block has one kind, but this one has both '" + key + "' and '" + second + "'",
                             "start each block on its own line with '- '");
    return std::nullopt;
  }
  const YAML::Node value = node.begin()->second;
  if (key == "text") return TextBlock{read_markdown(ctx, value, "'text'")};
  if (key == "assessment") return read_assessment(ctx, value);
  if (key == "facts") return read_facts(ctx, value);
  if (key == "table") return read_table(ctx, value);
  if (key == "chart") return read_chart(ctx, value);
  if (key == "address") return AddressBlock{read_text_list(ctx, value, "'address'"), ctx.reader.pos(value)};
  if (key == "toc") return read_toc(ctx, value);
  if (key == "pagebreak") return PageBreak{};
  if (key == "legend") return read_legend(ctx, value);
  if (key == "overview") return read_overview(ctx, value);
  if (key == "figure") return read_figure(ctx, value);
  if (key == "figures") return read_figures(ctx, value);
  std::string guess = closest_match(key, block_kinds);
  ctx.reader.diags().error(ctx.reader.pos(node.begin()->first), "unknown block '" + key + "'",
                           guess.empty() ? "blocks are " + join_choices(block_kinds) : "did you mean '" + guess + "'?");
  return std::nullopt;
}

std::vector<Block> read_content(BuildContext& ctx, const YAML::Node& node, int level) {
  std::vector<Block> blocks;
  if (!ctx.reader.expect_sequence(node, "'content'")) return blocks;
  for (const auto& item : node)
    if (auto block = read_block(ctx, item, level)) blocks.push_back(std::move(*block));
  return blocks;
}

void check_references(BuildContext& ctx) {
  std::vector<std::string> known(ctx.ids.begin(), ctx.ids.end());
  for (const auto& ref : ctx.references) {
    if (ctx.ids.count(ref.id)) continue;
    std::string guess = closest_match(ref.id, known);
    bool footnote = ref.id.starts_with("^");
    std::string fix = footnote ? "define the footnote: [" + ref.id + "]: …" : "give the section or table an 'id: " + ref.id + "'";
    ctx.reader.diags().error(ref.pos, "the link target '#" + ref.id + "' is not the id of any " + (footnote ? "footnote" : "section or table"),
                             guess.empty() ? fix : "did you mean '#" + guess + "'?");
  }
}

}  // namespace

Report build_report(const YamlSource& source, Diagnostics& diags) {
  return build_report(source, FileAccess::for_report(source.path, {}), diags);
}

Report build_report(const YamlSource& source, const FileAccess& access, Diagnostics& diags) {
  Report report;
  report.path = source.path;
  BuildContext ctx{NodeReader(source, diags), {}, 0, {}, {}, {}, &access};
  MapFields top(ctx.reader, source.root, "the report", format_keys("report"));
  if (!top.valid()) return report;
  if (YAML::Node version = top.require("version"); version.IsDefined()) {
    auto v = ctx.reader.integer(version, "'version'", 0, 1000000);
    if (v && *v != 1)
      diags.error(ctx.reader.pos(version), "unsupported format version " + std::to_string(*v),
                  "this rapport reads version 1");
  }
  if (YAML::Node document = top.require("document"); document.IsDefined()) report.info = read_document(ctx, document);
  if (YAML::Node content = top.require("content"); content.IsDefined()) report.content = read_content(ctx, content, 1);
  check_footnotes(ctx.footnotes, diags, report.footnotes);
  for (const auto& note : report.footnotes) {
    collect_references(ctx, {Prose{.text = note.text, .items = {}, .pos = note.pos}});
    ctx.ids.insert("^" + note.id);  // a page reference may name a footnote: [not {number}](#^id)
  }
  check_references(ctx);
  report.data_files = std::move(ctx.data_files);
  report.pictures = std::move(ctx.pictures);
  return report;
}

Report load_report(const std::string& path) {
  YamlSource source = load_yaml_file(path);
  Diagnostics diags;
  Report report = build_report(source, diags);
  throw_if_errors(diags);
  return report;
}

}  // namespace rapport

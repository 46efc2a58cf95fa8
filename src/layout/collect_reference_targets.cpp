#include "layout/collect_reference_targets.hpp"

namespace rapport {
namespace {

bool refers_to_a_page(const RichText& text) {  // {page}: what only pagination can tell
  for (const auto& span : text)
    if (span.link.starts_with("#") && span.text.find("{page}") != std::string::npos) return true;
  return false;
}

bool refers_to_a_page(const std::vector<Prose>& prose) {
  for (const auto& p : prose) {
    if (refers_to_a_page(p.text)) return true;
    for (const auto& item : p.items)
      if (refers_to_a_page(item.content)) return true;
  }
  return false;
}

bool refers_to_a_page(const Table& table) {
  for (const auto& row : table.rows)
    for (const auto& cell : row.cells)
      if (refers_to_a_page(cell.rich)) return true;
  return false;
}

void collect(const std::vector<Block>& content, ReferenceTargets& out) {
  for (const auto& block : content) {
    if (const auto* section = std::get_if<std::unique_ptr<Section>>(&block)) {
      out.targets[(*section)->id] = {(*section)->number, (*section)->title};
      collect((*section)->content, out);
    } else if (const auto* table = std::get_if<Table>(&block)) {
      if (!table->id.empty()) out.targets[table->id] = {"", table->caption};
      out.used = out.used || refers_to_a_page(*table);
    } else if (const auto* figure = std::get_if<Figure>(&block)) {
      if (!figure->id.empty()) out.targets[figure->id] = {std::to_string(figure->number), figure->caption};
    } else if (const auto* text = std::get_if<TextBlock>(&block)) {
      out.used = out.used || refers_to_a_page(text->prose);
    } else if (const auto* assessment = std::get_if<Assessment>(&block)) {
      out.used = out.used || refers_to_a_page(assessment->text);
    }
  }
}

}  // namespace

ReferenceTargets collect_reference_targets(const Report& report) {
  ReferenceTargets out;
  collect(report.content, out);
  for (const auto& footnote : report.footnotes) out.used = out.used || refers_to_a_page(footnote.text);
  for (const auto& note : report.notes)
    out.targets.emplace(note.anchor, ReferenceTarget{std::to_string(note.number), ""});
  return out;
}

}  // namespace rapport

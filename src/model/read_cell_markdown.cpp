#include "model/read_cell_markdown.hpp"

#include "model/check_link.hpp"

namespace rapport {

void read_cell_markdown(BuildContext& ctx, Cell& cell, const TextOrigin& origin) {
  // Most cells ("17 % (2018)", "Saknas") hold no mark at all: they need no parse.
  if (cell.kind != Cell::Kind::text || cell.text.find_first_of("*_[`") == std::string::npos) return;
  Diagnostics found;
  std::vector<Prose> prose = parse_markdown(cell.text, origin, found);
  if (prose.size() != 1 || prose[0].is_list) return;
  ctx.reader.diags().append(found);  // a link to file: or an empty target is still an error
  cell.rich = std::move(prose[0].text);
  check_reference_fields(cell.rich, cell.pos, ctx.reader.diags());
  for (const auto& span : cell.rich)
    if (!span.link.empty() && span.link[0] == '#') ctx.references.push_back({span.link.substr(1), cell.pos});
}

}  // namespace rapport

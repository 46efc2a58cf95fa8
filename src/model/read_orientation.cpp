#include "diag/suggest.hpp"
#include "model/build_context.hpp"

namespace rapport {

bool read_orientation(BuildContext& ctx, const YAML::Node& node) {
  if (!node.IsDefined()) return false;
  auto word = ctx.reader.text(node, "'orientation'");
  if (!word || *word == "portrait" || *word == "landscape") return word && *word == "landscape";
  // A misspelling is pointed at the word it was meant for; anything else gets both choices.
  std::string guess = closest_match(*word, {"portrait", "landscape"});
  ctx.reader.diags().error(ctx.reader.pos(node), "unknown orientation " + quote_excerpt(*word),
                           guess.empty() ? "write 'orientation: portrait' or 'orientation: landscape'"
                                         : "did you mean 'orientation: " + guess + "'?");
  return false;
}

}  // namespace rapport

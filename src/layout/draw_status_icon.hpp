#pragma once
#include <vector>

#include "frames/frame.hpp"
#include "style/style.hpp"

namespace rapport {

// A status icon as vector paths: a disc in the status colour with a white symbol whose shape
// also carries the meaning, so colour is never the only cue. (x, y) is the top-left corner.
// The items form a Figure whose alternative text is the status's.
std::vector<Item> draw_status_icon(const StatusStyle& status, double x, double y, double size);

}  // namespace rapport

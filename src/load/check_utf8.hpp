#pragma once
#include <string>

#include "diag/diagnostic.hpp"

namespace rapport {

// Reports the first byte that is not valid UTF-8. yaml-cpp and CSV files would otherwise
// pass such bytes through and the renderer would draw garbage.
void check_utf8(const std::string& path, const std::string& text, Diagnostics& diags);

}  // namespace rapport

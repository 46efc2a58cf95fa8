#pragma once
#include <functional>
#include <string>

namespace rapport {

// Calls `write` with a temporary path next to `path` and renames it over `path` only when
// `write` returns normally; an earlier file at `path` stays untouched on any failure.
void write_atomically(const std::string& path, const std::function<void(const std::string& temporary)>& write);

}  // namespace rapport

#pragma once
#include <functional>
#include <string>

namespace rapport {

// Calls `write` with a temporary path next to `path` and renames it over `path` only when
// `write` returns normally; an earlier file at `path` stays untouched on any failure. The
// folder must exist (the commands create the folders they promise to, and no others).
void write_atomically(const std::string& path, const std::function<void(const std::string& temporary)>& write);

// Makes SIGINT, SIGTERM and SIGHUP remove every temporary write_atomically has in progress
// before the process dies of the signal as it would have. Call once, early in main.
void remove_temporaries_on_signals();

}  // namespace rapport

#pragma once
// A batch's reports, each rendered in a child process of its own: a report that crashes, hangs
// or eats memory takes down only itself, never the batch.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

class SharedResources;

struct ReportTask {
  std::string input, output;
};

// What became of one report; `status` as for the exit status (0 rendered, 2 bad input, 1 other).
struct ReportOutcome {
  int status = 0;
  std::string committee;
  size_t pages = 0;
  std::string problem;  // diagnostics ready to print, ending in a newline; empty when rendered
};

struct ChildSettings {
  std::string layout;
  bool final = false;
  std::vector<std::string> roots;   // --root
  unsigned jobs = 1;                // children at once
  unsigned timeout_seconds = 300;   // a child still running after this is killed
  unsigned memory_mib = 4096;       // the child's address space (RLIMIT_AS)
};

// Renders tasks[order[0]], tasks[order[1]], … each in a child forked for it, at most
// settings.jobs at once, and calls `done(index, outcome, milliseconds)` in the parent as each
// ends, in the order they end. Each child starts with a copy of `shared` (what the parent has
// loaded into it, it need not load again). Must be called before the process has any thread,
// Pango, fontconfig or GLib state: the children are forked copies of it and build their own.
void run_in_children(const std::vector<ReportTask>& tasks, const std::vector<size_t>& order, const ChildSettings& settings,
                     SharedResources& shared, const std::function<void(size_t, const ReportOutcome&, long long)>& done);

// The child's message to its parent: four length-prefixed fields ("6:failed,"), so that any
// text travels as it is and a message cut short is told from a whole one.
std::string encode_outcome(const ReportOutcome& outcome);
// nullopt for anything but a whole, well-formed message.
std::optional<ReportOutcome> decode_outcome(const std::string& message);

// "SIGSEGV" for SIGSEGV; "signal N" for one without a name here.
std::string signal_name(int signal);

}  // namespace rapport

#pragma once
// A batch's reports, rendered by a pool of worker processes: a report that crashes, hangs or
// eats memory takes down only its worker, which is replaced, never the batch nor another report.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
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
  unsigned jobs = 1;                // worker processes
  unsigned timeout_seconds = 300;   // a worker still on one report after this is killed
  unsigned memory_mib = 4096;       // each worker's address space (RLIMIT_AS)
};

// Renders tasks[order[0]], tasks[order[1]], … in settings.jobs worker processes, each report
// handed to the next worker free, and calls `done(index, outcome, milliseconds)` in the parent as
// each ends, in the order they end; the milliseconds run from hand-out to reply. A worker starts
// with a copy of `shared` and builds its fonts once, keeping both for every report it renders; one
// that dies or overruns is killed, its report alone failed, and a fresh one forked for the rest.
// Must be called before the process has any thread, Pango, fontconfig or GLib state: the workers
// are forked copies of it (also later, as replacements) and build their own.
void run_in_children(const std::vector<ReportTask>& tasks, const std::vector<size_t>& order, const ChildSettings& settings,
                     SharedResources& shared, const std::function<void(size_t, const ReportOutcome&, long long)>& done);

// The child's message to its parent: four length-prefixed fields ("6:failed,"), so that any
// text travels as it is and a message cut short is told from a whole one.
std::string encode_outcome(const ReportOutcome& outcome);
// nullopt for anything but a whole, well-formed message.
std::optional<ReportOutcome> decode_outcome(const std::string& message);

// A worker's reply for one report: the outcome's message, then whether the worker retires after
// it (when the report ran out of memory, the worker's heap may be in pieces), each a field as
// above, so that the parent tells a reply still arriving from a whole one and from garbage.
std::string encode_reply(const ReportOutcome& outcome, bool last);
struct Reply {
  enum class State { partial, whole, garbled };
  State state = State::partial;
  ReportOutcome outcome;  // when whole
  bool last = false;      // when whole: the worker exits after it
};
Reply decode_reply(std::string_view received);

// "SIGSEGV" for SIGSEGV; "signal N" for one without a name here.
std::string signal_name(int signal);

}  // namespace rapport

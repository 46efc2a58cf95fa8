#pragma once
// `rapport batch`: every report found under the given paths rendered in parallel by a pool of
// worker processes, so that one broken input, crash or hang never stops the others.
#include <iosfwd>
#include <string>
#include <vector>

namespace rapport {

struct BatchOptions {
  std::vector<std::string> paths;  // report files and directories to search
  std::string output_directory;
  unsigned jobs = 0;  // worker processes; 0: the number of cores
  std::string layout;
  std::vector<std::string> roots;  // --root: folders beyond each report's own it may read from
  bool final = false;
  bool terminal = false;  // draw a progress bar rather than plain lines
  std::string volume;        // also bind every report into this PDF (empty: none)
  std::string volume_title;  // empty: the first report's title
  unsigned timeout_seconds = 300;  // a report still rendering after this is stopped and failed
  unsigned memory_mib = 4096;      // each worker's address space
};

// Returns the exit status: 0 when every report rendered, 2 when any input was bad, 1 for any
// other failure; always after every report has been tried.
int run_batch(const BatchOptions& options, std::ostream& log);

// The report files under `paths`, in the order given; a directory is searched, recursively and
// through directory symlinks (each directory once), for .yaml/.yml files whose top-level mapping
// has a `document` key, taken in name order. A YAML file that cannot be read, or does not parse
// but mentions `document` near a line's start, is taken too: rendering it reports its error. A
// file found twice counts once, where it first appears, so `kommunstyrelsen.yaml DIR` puts
// Kommunstyrelsen first in a volume.
// The .yaml files a directory holds that are not reports go to `skipped`, when given.
// Throws InputError for a missing path or a directory with none.
std::vector<std::string> find_reports(const std::vector<std::string>& paths, std::vector<std::string>* skipped = nullptr);

// Whether a YAML file's text (a byte-order mark allowed) is a report by the rule above.
bool is_report_text(const std::string& text);

}  // namespace rapport

#pragma once
// `rapport batch`: every report found under the given paths rendered in parallel, one broken
// input never stopping the others.
#include <iosfwd>
#include <string>
#include <vector>

namespace rapport {

struct BatchOptions {
  std::vector<std::string> paths;  // report files and directories to search
  std::string output_directory;
  unsigned jobs = 0;  // 0: the number of cores
  std::string layout;
  std::vector<std::string> roots;  // --root: folders beyond each report's own it may read from
  bool final = false;
  bool terminal = false;  // draw a progress bar rather than plain lines
  std::string volume;        // also bind every report into this PDF (empty: none)
  std::string volume_title;  // empty: the first report's title
};

// Returns the exit status: 0 when every report rendered, 2 when any input was bad, 1 for any
// other failure; always after every report has been tried.
int run_batch(const BatchOptions& options, std::ostream& log);

// The report files under `paths`, in the order given; a directory is searched, recursively, for
// YAML files with a `document:` key, taken in name order. A file found twice counts once, where
// it first appears, so `kommunstyrelsen.yaml DIR` puts Kommunstyrelsen first in a volume.
// Throws InputError for a missing path or a directory with none.
std::vector<std::string> find_reports(const std::vector<std::string>& paths);

}  // namespace rapport

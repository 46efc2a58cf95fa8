#pragma once
// `rapport batch --volume`: every report bound into one PDF.
#include <string>
#include <vector>

#include "app/run_pipeline.hpp"

namespace rapport {

struct VolumeRequest {
  std::vector<std::string> reports;  // in the order they are bound
  std::string output;
  std::string layout;  // the volume's cover and contents (and each report's, when given)
  std::string title;   // empty: the first report's title
  bool final = false;
  unsigned jobs = 1;  // workers that lay out the parts
  std::vector<std::string> roots = {};  // --root
};

// Lays out and writes the volume atomically (and, final, its manifest); returns its page count. Throws InputError when
// a report is bad, std::runtime_error for other failures.
size_t write_volume(const VolumeRequest& request, SharedResources& shared, Diagnostics& warnings);

}  // namespace rapport

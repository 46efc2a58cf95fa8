#pragma once
// Drawings that recur page after page (the draft watermark's outline, a logo drawn as a path)
// written once, as form XObjects the pages refer to, rather than into every page's content.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "export/pdf_file.hpp"
#include "export/structure.hpp"
#include "frames/frame.hpp"

namespace rapport {

class PdfForms {
 public:
  explicit PdfForms(PdfFile& file) : file_(file) {}

  // The resource name of a form drawing `path`, written the first time an equal path is asked
  // for (the watermark, copied onto every page, is compared by its operations, not written out
  // again); `draw` gives the new path's operators (in the page's own user space) and bounds.
  std::string resource(const PathItem& path, const std::function<std::pair<std::string, Box>()>& draw);

  // "/Fm1 30 0 R …" for an /XObject resource dictionary, in the order the forms were first used.
  std::string entries() const;

 private:
  struct Form {
    PathItem path;
    std::string name;
    ObjectId id;
  };
  PdfFile& file_;
  std::vector<Form> forms_;
};

}  // namespace rapport

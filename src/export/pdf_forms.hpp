#pragma once
// Drawings that recur page after page (the draft watermark's outline, a logo drawn as a path)
// written once, as form XObjects the pages refer to, rather than into every page's content.
#include <functional>
#include <map>
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

  // The resource name of a form drawing `content` (operators in the page's own user space)
  // within `bounds`; written the first time the same content is asked for.
  std::string resource(const std::string& content, const Box& bounds);

  // The same for a path: a path equal to one asked for before (the watermark, copied onto
  // every page) is known without writing out its operators again; `draw` gives the operators
  // and bounds of one that is new.
  std::string resource(const PathItem& path, const std::function<std::pair<std::string, Box>()>& draw);

  // "/Fm1 30 0 R …" for an /XObject resource dictionary.
  std::string entries() const;

 private:
  PdfFile& file_;
  std::map<std::string, std::pair<std::string, ObjectId>> forms_;  // content → name, object
  std::vector<std::pair<PathItem, std::string>> paths_;             // path → name
};

}  // namespace rapport

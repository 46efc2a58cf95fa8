// Reads every page's content stream, and the form XObjects it paints, for what the rules need:
// painting outside marked content, the MCIDs each stream uses (and whether their sequences
// show any text), and every string each font shows.
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <exception>
#include <utility>

#include "pdfcheck/read_pdf.hpp"

namespace rapport::pdfcheck {
namespace {

bool is_painting_operator(const std::string& op) {
  static const std::set<std::string, std::less<>> painting = {
      "Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI"};
  return painting.count(op) > 0;
}

bool is_text_operator(const std::string& op) { return op == "Tj" || op == "TJ" || op == "'" || op == "\""; }

// One content stream being scanned: where it is (for details), the resources its names
// refer to, and where its MCIDs go.
struct ScanTarget {
  std::string where;
  Handle resources;
  bool covered = false;  // a form XObject: its Do was judged instead
  size_t mcid_use = 0;   // index into ContentScan::mcid_uses
  int depth = 0;
};

class MarkedContentScanner final : public QPDFObjectHandle::ParserCallbacks {
 public:
  MarkedContentScanner(ContentScan& scan, ScanTarget target, std::set<QPDFObjGen>& open_forms)
      : scan_(scan), target_(std::move(target)), open_forms_(open_forms) {}

  using ParserCallbacks::handleObject;
  void handleObject(Handle object, size_t offset, size_t /*length*/) override {
    if (!object.isOperator()) {
      operands_.push_back(object);
      return;
    }
    on_operator(object.getOperatorValue(), offset);
    operands_.clear();
  }

  void handleEOF() override {
    if (untagged_ > 0)
      problem(first_untagged_ + " is outside marked content (" + std::to_string(untagged_) + " painting operator" +
              (untagged_ == 1 ? "" : "s") + " in all)");
    if (unmatched_emc_ > 0) problem(std::to_string(unmatched_emc_) + " EMC without a BMC or BDC");
    if (!open_.empty()) problem(std::to_string(open_.size()) + " marked-content sequence(s) never closed");
  }

 private:
  // What one BMC/BDC opened: an artifact, a sequence with an MCID, or neither (a /Span, say).
  struct Sequence {
    bool artifact = false;
    std::optional<long long> mcid;
  };

  McidUse& use() { return scan_.mcid_uses[target_.mcid_use]; }

  void on_operator(const std::string& op, size_t offset) {
    if (op == "BMC" || op == "BDC") return begin(op == "BDC");
    if (op == "EMC") {
      if (open_.empty())
        ++unmatched_emc_;
      else
        open_.pop_back();
      return;
    }
    if (op == "q") fonts_.push_back(font_);
    if (op == "Q" && !fonts_.empty()) font_ = fonts_.back(), fonts_.pop_back();
    if (op == "Tf" && !operands_.empty()) font_ = entry(entry(target_.resources, "/Font"), name_of(operands_.front()).value_or(""));
    if (is_text_operator(op)) show_text();
    if (is_painting_operator(op)) {
      if (!tagged() && untagged_++ == 0) first_untagged_ = "'" + op + "' at offset " + std::to_string(offset);
      if (op == "Do") paint_xobject();
    }
  }

  bool tagged() const {
    return target_.covered ||
           std::any_of(open_.begin(), open_.end(), [](const Sequence& s) { return s.artifact || s.mcid; });
  }

  void begin(bool with_properties) {
    Sequence sequence;
    if (!operands_.empty()) sequence.artifact = name_of(operands_.front()) == "/Artifact";
    if (with_properties && operands_.size() >= 2) {
      Handle properties = operands_[1];
      // A name refers to the resources' /Properties; a dictionary is given inline.
      if (properties.isName()) properties = entry(entry(target_.resources, "/Properties"), properties.getName());
      if (auto mcid = integer_of(entry(properties, "/MCID"))) {
        sequence.mcid = *mcid;
        if (!use().mcids.insert(*mcid).second) use().repeated.push_back(*mcid);
      }
    }
    open_.push_back(sequence);
  }

  // The strings of Tj, ', " and TJ: recorded for the font checks, and counted as the text of
  // the marked content around them.
  void show_text() {
    std::vector<std::string> strings;
    for (auto operand : operands_) {
      if (operand.isString()) strings.push_back(operand.getStringValue());
      if (operand.isArray())
        for (auto item : operand.getArrayAsVector())
          if (item.isString()) strings.push_back(item.getStringValue());
    }
    bool any = std::any_of(strings.begin(), strings.end(), [](const std::string& s) { return !s.empty(); });
    if (any)
      for (const auto& sequence : open_)
        if (sequence.mcid) use().with_text.insert(*sequence.mcid);
    if (!font_.isDictionary() || !font_.isIndirect()) return;
    auto& font_use = scan_.fonts[font_.getObjGen()];
    if (font_use.where.empty()) font_use = {font_, target_.where, {}};
    for (auto& s : strings) font_use.strings.insert(std::move(s));
  }

  void paint_xobject() {
    if (operands_.empty() || !operands_.back().isName()) return;
    std::string name = operands_.back().getName();
    Handle xobject = entry(entry(target_.resources, "/XObject"), name);
    if (!xobject.isStream() || !has_name(xobject, "/Subtype", "/Form")) return;
    std::string where = target_.where + ", form XObject " + name + " (" + object_id(xobject) + ")";
    if (target_.depth >= kMaxDepth) return problem("form XObjects nested deeper than " + std::to_string(kMaxDepth));
    if (xobject.isIndirect() && !open_forms_.insert(xobject.getObjGen()).second)
      return problem("form XObject " + name + " paints itself");

    // Everything a form paints belongs to the sequence around its Do, which was judged just now;
    // the form is still read for the MCIDs it uses and for its own BMC/EMC balance.
    ScanTarget form{where, entry(xobject, "/Resources"), true, target_.mcid_use, target_.depth + 1};
    if (!form.resources.isDictionary()) form.resources = target_.resources;  // pre-1.2 forms inherit
    // A form with its own /StructParents lists its MCIDs' parents under that key, and the
    // structure elements point at them with an MCR whose /Stm is the form.
    if (auto key = integer_of(entry(xobject, "/StructParents")); key && xobject.isIndirect()) {
      scan_.mcid_uses.push_back({where, xobject.getObjGen(), *key, {}, {}, {}});
      form.mcid_use = scan_.mcid_uses.size() - 1;
    }
    try {
      MarkedContentScanner inner(scan_, form, open_forms_);
      inner.font_ = font_;
      xobject.parseAsContents(&inner);
    } catch (const std::exception& e) {
      scan_.tagging_problems.push_back(where + ": the content stream cannot be parsed: " + e.what());
    }
    if (xobject.isIndirect()) open_forms_.erase(xobject.getObjGen());
  }

  void problem(const std::string& what) { scan_.tagging_problems.push_back(target_.where + ": " + what); }

  ContentScan& scan_;
  ScanTarget target_;
  std::set<QPDFObjGen>& open_forms_;
  std::vector<Handle> operands_;
  std::vector<Sequence> open_;
  Handle font_ = Handle::newNull();
  std::vector<Handle> fonts_;  // saved by q, restored by Q
  size_t untagged_ = 0;
  size_t unmatched_emc_ = 0;
  std::string first_untagged_;
};

}  // namespace

ContentScan scan_content(const std::vector<QPDFPageObjectHelper>& pages) {
  ContentScan scan;
  for (size_t i = 0; i < pages.size(); ++i) {
    QPDFPageObjectHelper page = pages[i];
    std::string where = page_label(i);
    Handle page_object = page.getObjectHandle();
    scan.mcid_uses.push_back(
        {where, page_object.getObjGen(), integer_of(entry(page_object, "/StructParents")), {}, {}, {}});
    if (entry(page_object, "/Contents").isNull()) continue;  // a blank page paints nothing
    ScanTarget target{where, page.getAttribute("/Resources", false), false, scan.mcid_uses.size() - 1, 0};
    std::set<QPDFObjGen> open_forms;
    try {
      MarkedContentScanner scanner(scan, target, open_forms);
      page.parseContents(&scanner);
    } catch (const std::exception& e) {
      scan.tagging_problems.push_back(where + ": the content stream cannot be parsed: " + e.what());
    }
  }
  return scan;
}

}  // namespace rapport::pdfcheck

#include "export/write_pdf.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "export/atomic_output.hpp"
#include "export/pdf_file.hpp"
#include "export/pdf_metadata.hpp"
#include "export/write_page_content.hpp"
#include "export/write_structure_tree.hpp"

namespace rapport {
namespace {

// What the document's closing objects need to know of the pages written.
struct DocumentWriter {
  DocumentWriter(PdfFile& f, const DocumentFrames& d) : file(f), document(d), page_tree(f.reserve()), resources(f.reserve()) {}

  PdfFile& file;
  const DocumentFrames& document;
  ObjectId page_tree, resources;
  PdfFonts fonts{file};
  PdfImages images{file};
  PdfForms forms{file};
  ContentMarks marks;
  StructureRecorder recorder{marks};
  std::vector<PlacedAnchor> anchors;
  WrittenPages written;
  ObjectId link_appearance = 0;

  void write_page(const Page& page, size_t index) {
    double width = document.width_of(page), height = document.height_of(page);
    PdfResources shared{fonts, images, forms};
    PageContext ctx{shared, recorder, marks, anchors};
    size_t links_before = recorder.record().links.size();
    std::string content = write_page_content(page, height, index, ctx);
    ObjectId page_id = file.reserve();
    ObjectId content_id = file.stream("", content);
    std::string annots;
    if (recorder.record().links.size() > links_before) {
      if (!link_appearance) link_appearance = write_empty_appearance(file);
      PageLinks where{page_id, height, document.page_count()};
      for (ObjectId id : write_link_annotations(file, recorder.record().links, links_before, where, link_appearance)) {
        annots += pdf_ref(id) + " ";
        written.annotations.push_back(id);
      }
      annots = " /Annots [" + annots.substr(0, annots.size() - 1) + "]";
    }
    std::string box = "[0 0 " + pdf_number(width) + " " + pdf_number(height) + "]";
    // /Tabs /S: PDF/UA asks that the tab order follow the structure.
    file.object(page_id, "<< /Type /Page /Parent " + pdf_ref(page_tree) + " /MediaBox " + box + " /Resources " + pdf_ref(resources) +
                             " /Contents " + pdf_ref(content_id) + " /StructParents " + std::to_string(index) + " /Tabs /S" + annots +
                             " >>");
    written.pages.push_back(page_id);
    written.heights.push_back(height);
  }

  void write_resources() {
    std::string fonts_entries = fonts.write_all();
    std::string xobjects = images.entries() + " " + forms.entries();
    file.object(resources, "<< /Font << " + fonts_entries + " >> /XObject << " + xobjects + " >> >>");
  }

  void write_page_tree() {
    std::string kids;
    for (ObjectId id : written.pages) kids += pdf_ref(id) + " ";
    if (!kids.empty()) kids.pop_back();
    file.object(page_tree, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(written.pages.size()) + " >>");
  }

  // The named destinations, in the byte order of their names as a name tree wants them.
  ObjectId write_destinations() {
    std::map<std::string, const PlacedAnchor*> by_name;
    for (const auto& anchor : anchors) by_name.emplace(anchor.name, &anchor);
    std::string names;
    for (const auto& [name, anchor] : by_name) {
      names += pdf_byte_string(name) + " [" + pdf_ref(written.pages.at(anchor->page)) + " /XYZ " + pdf_number(anchor->x) + " " +
               pdf_number(written.heights.at(anchor->page) - anchor->y) + " null] ";
    }
    if (!names.empty()) names.pop_back();
    return file.object("<< /Names [" + names + "] >>");
  }

  ObjectId write_outline();
};

// One outline item and the items below it, written depth first. Level-1 items are open.
struct OutlineNode {
  const OutlineEntry* entry = nullptr;
  std::vector<OutlineNode> kids;
  ObjectId id = 0;
};

int visible_count(const OutlineNode& node, bool open) {
  int count = 0;
  for (const auto& kid : node.kids) count += 1 + (open && kid.entry->level == 1 ? visible_count(kid, true) : 0);
  return count;
}

void reserve_ids(PdfFile& file, OutlineNode& node) {
  for (auto& kid : node.kids) {
    kid.id = file.reserve();
    reserve_ids(file, kid);
  }
}

void write_items(PdfFile& file, const OutlineNode& parent) {
  for (size_t i = 0; i < parent.kids.size(); ++i) {
    const OutlineNode& node = parent.kids[i];
    std::string body = "<< /Title " + pdf_text_string(node.entry->title) + " /Parent " + pdf_ref(parent.id) + " /Dest " +
                       pdf_byte_string(node.entry->anchor);
    if (i > 0) body += " /Prev " + pdf_ref(parent.kids[i - 1].id);
    if (i + 1 < parent.kids.size()) body += " /Next " + pdf_ref(parent.kids[i + 1].id);
    if (!node.kids.empty()) {
      bool open = node.entry->level == 1;
      int count = open ? visible_count(node, true) : static_cast<int>(node.kids.size());
      body += " /First " + pdf_ref(node.kids.front().id) + " /Last " + pdf_ref(node.kids.back().id) + " /Count " +
              std::to_string(open ? count : -count);
    }
    file.object(node.id, body + " >>");
    write_items(file, node);
  }
}

ObjectId DocumentWriter::write_outline() {
  OutlineNode root;
  // path[k]: the latest item at depth k; an entry goes under the latest item one level up (or
  // the deepest there is, when levels are skipped). Pushing a kid moves only its earlier
  // siblings, which are off the path by then.
  std::vector<OutlineNode*> path = {&root};
  for (const auto& entry : document.outline) {
    size_t level = static_cast<size_t>(std::max(1, entry.level));
    while (path.size() > level) path.pop_back();
    OutlineNode* parent = path.back();
    parent->kids.push_back({&entry, {}, 0});
    path.push_back(&parent->kids.back());
  }
  if (root.kids.empty()) return 0;
  root.id = file.reserve();
  reserve_ids(file, root);
  write_items(file, root);
  file.object(root.id, "<< /Type /Outlines /First " + pdf_ref(root.kids.front().id) + " /Last " + pdf_ref(root.kids.back().id) +
                           " /Count " + std::to_string(visible_count(root, true)) + " >>");
  return root.id;
}

void write_document(const DocumentFrames& document, const std::string& path) {
  PdfFile file(path);
  DocumentWriter writer(file, document);
  size_t index = 0;
  for_each_page(document, [&](const Page& page) { writer.write_page(page, index++); });
  StructureRecord structure = writer.recorder.finish();
  writer.write_resources();
  writer.write_page_tree();
  ObjectId tree = write_structure_tree(file, structure, writer.written);
  ObjectId destinations = writer.write_destinations();
  ObjectId outline = writer.write_outline();
  std::string catalog = "<< /Type /Catalog /Pages " + pdf_ref(writer.page_tree) + " /StructTreeRoot " + pdf_ref(tree) +
                        " /Names << /Dests " + pdf_ref(destinations) + " >> ";
  if (outline) catalog += "/Outlines " + pdf_ref(outline) + " /PageMode /UseOutlines ";
  catalog += write_catalog_metadata(file, document.metadata) + " >>";
  ObjectId root = file.object(catalog);
  file.finish(root, write_info(file, document.metadata));
}

}  // namespace

void write_pdf(const DocumentFrames& document, const std::string& path,
               const std::function<void(const std::string& temporary)>& before_rename) {
  write_atomically(path, [&](const std::string& temporary) {
    write_document(document, temporary);
    if (before_rename) before_rename(temporary);
  });
}

}  // namespace rapport

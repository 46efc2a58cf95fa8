// The catalog and the trailer: encryption, the document ID, language, marking, the title
// shown, the output intent's ICC profile, actions, embedded files and optional content.
#include <cstdint>

#include "pdfcheck/rules.hpp"

namespace rapport::pdfcheck {
namespace {

uint32_t big_endian_32(const std::string& data, size_t at) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(data[at + i]);
  return value;
}

// What is wrong with an ICC profile's header for a PDF/A output intent (PDF/A-2 6.2.3), or nothing.
std::optional<std::string> icc_problem(const std::string& data, long long n) {
  if (data.size() < 128) return "is " + std::to_string(data.size()) + " bytes, shorter than an ICC header";
  if (big_endian_32(data, 0) != data.size())
    return "says it is " + std::to_string(big_endian_32(data, 0)) + " bytes but has " + std::to_string(data.size());
  if (data.compare(36, 4, "acsp") != 0) return "has no 'acsp' signature at offset 36";
  if (static_cast<unsigned char>(data[8]) > 4) return "is ICC version " + std::to_string(static_cast<int>(static_cast<unsigned char>(data[8]))) + ", newer than 4";
  std::string device_class = data.substr(12, 4);
  if (device_class != "mntr" && device_class != "prtr")
    return "has the device class '" + device_class + "', not an output class (mntr or prtr)";
  std::string space = data.substr(16, 4);
  long long components = space == "RGB " ? 3 : space == "GRAY" ? 1 : space == "CMYK" ? 4 : 0;
  if (components == 0) return "has the colour space '" + space + "', not RGB, GRAY or CMYK";
  if (components != n)
    return "has the colour space '" + space + "' but /N " + std::to_string(n);
  return std::nullopt;
}

// Actions PDF/A-2 6.5.1 forbids, and named actions other than page navigation.
std::optional<std::string> forbidden_action(Handle action) {
  static const std::set<std::string> forbidden = {"/JavaScript", "/Launch",      "/Sound", "/Movie",
                                                  "/ResetForm",  "/ImportData",  "/Hide",  "/SetOCGState",
                                                  "/Rendition",  "/Trans",       "/GoTo3DView"};
  static const std::set<std::string> named = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"};
  auto type = name_of(entry(action, "/S"));
  if (type && forbidden.count(*type)) return "a " + without_slash(*type) + " action";
  if (type == "/Named" && !named.count(name_of(entry(action, "/N")).value_or("")))
    return "a Named action " + name_of(entry(action, "/N")).value_or("(without /N)");
  return std::nullopt;
}

// An action and the ones its /Next chains to.
void judge_actions(Handle action, const std::string& where, int depth, std::vector<std::string>& problems) {
  if (!action.isDictionary() || depth > kMaxDepth) return;
  if (auto problem = forbidden_action(action)) problems.push_back(where + ": " + *problem);
  for (auto next : items_of(action.getKey("/Next"))) judge_actions(next, where + " /Next", depth + 1, problems);
}

void judge_additional_actions(Handle aa, const std::string& where, std::vector<std::string>& problems) {
  if (!aa.isDictionary()) return;
  for (auto [trigger, action] : aa.getDictAsMap()) judge_actions(action, where + " /AA " + trigger, 0, problems);
}

void judge_outlines(Handle item, int depth, std::set<QPDFObjGen>& seen, std::vector<std::string>& problems) {
  for (; item.isDictionary() && depth < kMaxDepth; item = item.getKey("/Next")) {
    if (item.isIndirect() && !seen.insert(item.getObjGen()).second) return;
    judge_actions(item.getKey("/A"), "outline item " + object_id(item), 0, problems);
    judge_outlines(item.getKey("/First"), depth + 1, seen, problems);
  }
}

}  // namespace

void check_not_encrypted(Context& c) {
  if (c.pdf.isEncrypted()) c.add("not-encrypted", "the trailer has /Encrypt");
}

// PDF/A-2 6.1.3: the trailer has an /ID of two strings.
void check_trailer_id(Context& c) {
  Handle id = entry(c.pdf.getTrailer(), "/ID");
  if (id.isNull()) return c.add("trailer-id", "the trailer has no /ID");
  if (!id.isArray() || id.getArrayNItems() != 2) return c.add("trailer-id", "the trailer /ID is not an array of two items");
  for (auto item : id.getArrayAsVector())
    if (!item.isString()) return c.add("trailer-id", "an item of the trailer /ID is not a string");
}

// PDF/UA-1 7.2, Matterhorn 11-001: the document's natural language.
void check_lang(Context& c) {
  Handle lang = entry(c.catalog, "/Lang");
  if (lang.isNull()) return c.add("lang", "the Catalog has no /Lang");
  auto value = text_of(lang);
  if (!value) return c.add("lang", "the Catalog /Lang is not a string");
  if (*value != c.expected_lang) c.add("lang", "the Catalog /Lang is '" + *value + "', expected '" + c.expected_lang + "'");
}

// PDF/A-2 6.7.2.2 and Matterhorn 06-001/01-002: /MarkInfo /Marked true, /Suspects not true.
void check_mark_info(Context& c) {
  Handle mark_info = entry(c.catalog, "/MarkInfo");
  if (!mark_info.isDictionary()) return c.add("mark-info", "the Catalog has no /MarkInfo dictionary");
  if (!is_true(mark_info.getKey("/Marked"))) c.add("mark-info", "/MarkInfo /Marked is not true");
  if (is_true(mark_info.getKey("/Suspects"))) c.add("mark-info", "/MarkInfo /Suspects is true");
}

// PDF/UA-1 7.1, Matterhorn 07-001: the title bar shows dc:title, not the file name.
void check_display_doc_title(Context& c) {
  Handle preferences = entry(c.catalog, "/ViewerPreferences");
  if (!preferences.isDictionary()) return c.add("display-doc-title", "the Catalog has no /ViewerPreferences dictionary");
  if (!is_true(preferences.getKey("/DisplayDocTitle")))
    c.add("display-doc-title", "/ViewerPreferences /DisplayDocTitle is not true");
}

// PDF/A-2 6.2.3: a GTS_PDFA1 output intent whose profile is a valid output ICC profile; with
// several, all share one profile object.
void check_output_intent(Context& c) {
  Handle intents = entry(c.catalog, "/OutputIntents");
  if (!intents.isArray()) return c.add("output-intent", "the Catalog has no /OutputIntents array");
  std::vector<QPDFObjGen> profiles;
  for (auto intent : intents.getArrayAsVector()) {
    Handle profile = entry(intent, "/DestOutputProfile");
    if (profile.isStream()) profiles.push_back(profile.isIndirect() ? profile.getObjGen() : QPDFObjGen());
  }
  for (const auto& profile : profiles)
    if (profile != profiles.front() || !profile.isIndirect())
      return c.add("output-intent", "the output intents do not share one indirect /DestOutputProfile object");
  for (auto intent : intents.getArrayAsVector()) {
    if (!has_name(intent, "/S", "/GTS_PDFA1")) continue;
    Handle profile = entry(intent, "/DestOutputProfile");
    if (!profile.isStream()) return c.add("output-intent", "the GTS_PDFA1 OutputIntent has no /DestOutputProfile stream");
    auto n = integer_of(entry(profile, "/N"));
    if (n != 3) c.add("output-intent", "the /DestOutputProfile (" + object_id(profile) + ") does not have /N 3");
    std::string error;
    auto data = decoded_data(c.pdf, profile, error);
    if (!data) return c.add("output-intent", "the /DestOutputProfile cannot be read: " + error);
    if (auto problem = icc_problem(*data, n.value_or(0)))
      c.add("output-intent", "the /DestOutputProfile (" + object_id(profile) + ") " + *problem);
    return;
  }
  c.add("output-intent", "no /OutputIntents entry has /S /GTS_PDFA1");
}

// PDF/A-2 6.5.1 and 6.10: no forbidden actions anywhere a reader would run them, no JavaScript.
void check_actions(Context& c) {
  std::vector<std::string> problems;
  if (!entry(entry(c.catalog, "/Names"), "/JavaScript").isNull())
    problems.push_back("the Catalog /Names has a /JavaScript name tree");
  judge_actions(entry(c.catalog, "/OpenAction"), "the Catalog /OpenAction", 0, problems);
  for (const auto& annotation : c.annotations()) {
    judge_actions(entry(annotation.object, "/A"), annotation.where + " /A", 0, problems);
    judge_additional_actions(entry(annotation.object, "/AA"), annotation.where, problems);
  }
  std::set<QPDFObjGen> seen;
  judge_outlines(entry(entry(c.catalog, "/Outlines"), "/First"), 0, seen, problems);
  c.add_all("actions", problems);
}

// PDF/A-2 6.5.2 and 6.4.1: no additional actions on the Catalog, pages or form fields.
void check_additional_actions(Context& c) {
  std::vector<std::string> problems;
  if (!entry(c.catalog, "/AA").isNull()) problems.push_back("the Catalog has /AA");
  for (size_t i = 0; i < c.pages.size(); ++i)
    if (!entry(c.pages[i].getObjectHandle(), "/AA").isNull()) problems.push_back(page_label(i) + " has /AA");
  for (const auto& annotation : c.annotations())
    if (annotation.subtype == "/Widget" && !entry(annotation.object, "/AA").isNull())
      problems.push_back(annotation.where + " has /AA");
  c.add_all("additional-actions", problems);
}

// PDF/A-2 6.8: an embedded file must itself be PDF/A, which only a full validator can judge;
// rapport embeds none, so any embedded file is reported.
void check_embedded_files(Context& c) {
  std::vector<std::string> problems;
  if (!entry(entry(c.catalog, "/Names"), "/EmbeddedFiles").isNull())
    problems.push_back("the Catalog /Names has an /EmbeddedFiles name tree");
  for (const auto& annotation : c.annotations())
    if (annotation.subtype == "/FileAttachment" || !entry(entry(annotation.object, "/FS"), "/EF").isNull())
      problems.push_back(annotation.where + " embeds a file");
  c.add_all("embedded-files", problems);
}

// PDF/A-2 6.9: each optional-content configuration has a unique /Name and no /AS.
void check_optional_content(Context& c) {
  Handle properties = entry(c.catalog, "/OCProperties");
  if (properties.isNull()) return;
  std::vector<Handle> configs = {entry(properties, "/D")};
  for (auto config : items_of(entry(properties, "/Configs"))) configs.push_back(config);
  std::set<std::string> names;
  for (auto config : configs) {
    std::string where = "optional content configuration " + object_id(config);
    auto name = text_of(entry(config, "/Name"));
    if (!name) c.add("optional-content", where + " has no /Name");
    else if (!names.insert(*name).second) c.add("optional-content", where + ": the /Name '" + *name + "' is used twice");
    if (!entry(config, "/AS").isNull()) c.add("optional-content", where + " has /AS");
  }
}

}  // namespace rapport::pdfcheck

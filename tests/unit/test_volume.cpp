// rapport batch --volume: every committee's report bound into one PDF, numbered through.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <qpdf/QPDF.hh>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "app/run_batch.hpp"
#include "model/build_report.hpp"
#include "test_support.hpp"

using namespace rapport::test;

namespace {

struct Volume {
  std::string pdf;
  std::vector<std::string> pages;
  std::string log;
};

// The eight Timrå committees of August 2021, Kommunstyrelsen first, bound once for all cases.
const Volume& timra_volume() {
  static const Volume volume = [] {
    Volume v;
    std::string dir = temp_dir();
    std::string in = source_dir() + "/input/timra/2021-08";
    v.pdf = dir + "/volym.pdf";
    auto result = run_rapport("batch " + shell_quote(in + "/kommunstyrelsen.yaml") + " " + shell_quote(in) + " -o " +
                              shell_quote(dir + "/out") + " --layout timra --volume " + shell_quote(v.pdf));
    v.log = result.output;
    REQUIRE_MESSAGE(result.status == 0, result.output);
    v.pages = pdf_pages_text(v.pdf);
    return v;
  }();
  return volume;
}

struct Entry {
  std::string title;
  int page = 0;
  bool part = false;  // a committee, not a section
};

// A table of contents as pdftotext -layout prints it, from page `first` on while pages
// still say "Innehållsförteckning"; entries that are not indented are the volume's parts.
std::vector<Entry> contents_entries(const Volume& v, int first = 2) {
  std::vector<Entry> entries;
  static const std::regex entry(R"(^(\s*)(\S.*?)\s+(\d+)\s*$)");
  for (int page = first; page <= first + 1; ++page) {
    std::istringstream lines(
        run_command("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + shell_quote(v.pdf) + " -").output);
    std::string line;
    while (std::getline(lines, line)) {
      std::smatch m;
      if (line.find(" (") != std::string::npos || !std::regex_match(line, m, entry)) continue;
      entries.push_back({collapse_spaces(m[2]), std::stoi(m[3]), m[1].length() == 0});
    }
    if (v.pages[static_cast<size_t>(page)].find("Innehållsförteckning") == std::string::npos) break;
  }
  return entries;
}

const std::vector<std::string> committees = {"Kommunstyrelsen",      "Barn- och utbildningsnämnden", "Bygg- och miljönämnden",
                                             "Kultur- och tekniknämnden", "Överförmyndarnämnden", "Revisionen",
                                             "Socialnämnden",        "Valnämnden"};

}  // namespace

TEST_CASE("the volume's contents list every committee in order, each at the page where its part starts") {
  const Volume& v = timra_volume();
  std::vector<std::string> parts;
  for (const auto& e : contents_entries(v)) {
    if (!e.part) continue;
    parts.push_back(e.title);
    REQUIRE(e.page >= 1);
    REQUIRE(static_cast<size_t>(e.page) <= v.pages.size());
    const std::string& cover = v.pages[static_cast<size_t>(e.page) - 1];
    CHECK_MESSAGE(cover.find(e.title) != std::string::npos, e.title << " does not start on page " << e.page);
    CHECK_MESSAGE(cover.find("Januari–augusti 2021") != std::string::npos, "page " << e.page << " is not a cover");
  }
  CHECK(parts == committees);
}

TEST_CASE("every section in the volume's contents is on the page its number says") {
  const Volume& v = timra_volume();
  size_t sections = 0;
  for (const auto& e : contents_entries(v)) {
    if (e.part) continue;
    ++sections;
    REQUIRE(static_cast<size_t>(e.page) <= v.pages.size());
    std::string on_page = collapse_spaces(v.pages[static_cast<size_t>(e.page) - 1]);
    CHECK_MESSAGE(on_page.find(e.title) != std::string::npos, "'" << e.title << "' is not on page " << e.page);
  }
  CHECK(sections >= 3 * committees.size());
}

TEST_CASE("pages are numbered through the volume, and each report's own contents use those numbers") {
  const Volume& v = timra_volume();
  std::string total = "(" + std::to_string(v.pages.size()) + ")";
  size_t numbered = 0;
  static const std::regex footer(R"((\d+) \((\d+)\))");
  for (size_t i = 0; i < v.pages.size(); ++i) {
    std::smatch m;
    if (!std::regex_search(v.pages[i], m, footer)) continue;
    ++numbered;
    CHECK_MESSAGE(m[1].str() == std::to_string(i + 1), "page " << i + 1 << " says " << m[0].str());
    CHECK(m[2].str() == std::to_string(v.pages.size()));
  }
  CHECK(numbered > v.pages.size() * 3 / 4);
  // Kommunstyrelsen's own contents (the page after its cover) agrees with the volume's.
  auto entries = contents_entries(v);
  REQUIRE(entries.size() > 3);
  REQUIRE(entries[0].title == "Kommunstyrelsen");
  REQUIRE(v.pages[static_cast<size_t>(entries[0].page)].find("Innehållsförteckning") != std::string::npos);
  auto own = contents_entries(v, entries[0].page + 1);  // the page after the part's cover
  for (size_t k = 1; k < entries.size() && !entries[k].part; ++k) {
    bool listed = std::any_of(own.begin(), own.end(), [&](const Entry& e) { return e.title == entries[k].title && e.page == entries[k].page; });
    CHECK_MESSAGE(listed, entries[k].title << " " << entries[k].page);
  }
}

TEST_CASE("the volume's outline is nested by committee, and every link has a destination of its own") {
  const Volume& v = timra_volume();
  auto json = nlohmann::json::parse(run_command("qpdf --json --json-key=outlines " + shell_quote(v.pdf)).output);
  std::vector<std::string> top;
  for (const auto& item : json["outlines"]) {
    top.push_back(item["title"].get<std::string>());
    int start = item["destpageposfrom1"].get<int>();
    for (const auto& kid : item["kids"]) CHECK(kid["destpageposfrom1"].get<int>() >= start);
  }
  std::vector<std::string> expected = {"Innehållsförteckning"};
  expected.insert(expected.end(), committees.begin(), committees.end());
  CHECK(top == expected);
  CHECK(json["outlines"][1]["kids"].size() >= 5);

  auto dests = run_command("pdfinfo -dests " + shell_quote(v.pdf)).output;
  auto targets = link_destinations(v.pdf);
  for (const auto& target : targets) CHECK_MESSAGE(dests.find("\"" + target + "\"") != std::string::npos, target);
  CHECK(targets.size() > 100);
  // Several committees have a section "Ekonomi"; each part has its own destination for it.
  CHECK(dests.find("\"part1-") != std::string::npos);
  CHECK(dests.find("\"part8-") != std::string::npos);
}

TEST_CASE("the volume's author names each office and the municipality once, and its keywords are its reports'") {
  const Volume& v = timra_volume();
  QPDF pdf;
  pdf.processFile(v.pdf.c_str());
  QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
  // In the order the parts are bound; Valnämnden's office, Kommunledningskontoret, already named.
  const std::string author = "Kommunledningskontoret, Barn- och utbildningsförvaltningen, Bygg- och miljöförvaltningen, "
                             "Kultur- och teknikförvaltningen, Överförmyndarenheten, Kommunens förtroendevalda revisorer, "
                             "Socialförvaltningen, Timrå kommun";
  const std::string keywords = "delårsrapport, Kommunstyrelsen, Timrå kommun, 2021, Barn- och utbildningsnämnden, "
                               "Bygg- och miljönämnden, Kultur- och tekniknämnden, Överförmyndarnämnden, Revisionen, "
                               "revisorerna, Socialnämnden, Valnämnden, valen 2022";
  CHECK(info.getKey("/Author").getUTF8Value() == author);
  REQUIRE(info.getKey("/Keywords").isString());
  CHECK(info.getKey("/Keywords").getUTF8Value() == keywords);
  // The XMP packet says the same.
  auto data = pdf.getRoot().getKey("/Metadata").getStreamData();
  std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  CHECK(xmp.find("<dc:creator><rdf:Seq><rdf:li>" + author + "</rdf:li></rdf:Seq></dc:creator>") != std::string::npos);
  CHECK(xmp.find("<pdf:Keywords>" + keywords + "</pdf:Keywords>") != std::string::npos);
}

TEST_CASE("the volume passes qpdf --check and is the same bytes at -j 1 and -j 2") {
  const Volume& v = timra_volume();
  CHECK(run_command("qpdf --check " + shell_quote(v.pdf)).status == 0);
  std::string dir = temp_dir();
  std::string in = source_dir() + "/input/timra/2021-08";
  auto result = run_rapport("batch " + shell_quote(in + "/kommunstyrelsen.yaml") + " " + shell_quote(in) + " -o " +
                            shell_quote(dir + "/out") + " --layout timra -j 1 --volume " + shell_quote(dir + "/v.pdf"));
  REQUIRE(result.status == 0);
  CHECK(read_file(dir + "/v.pdf") == read_file(v.pdf));
}

TEST_CASE("no volume is written when a report fails, and an earlier volume is left untouched") {
  std::string dir = temp_dir();
  std::string in = dir + "/in";
  std::filesystem::create_directories(in);
  write_file(in + "/a.yaml", report_preamble() + "  - section: Ekonomi\n    content:\n      - text: Allt enligt plan.\n");
  write_file(in + "/b.yaml", report_preamble() + "  - sektion: Ekonomi\n");
  write_file(dir + "/v.pdf", "earlier");
  auto result = run_rapport("batch " + shell_quote(in) + " -o " + shell_quote(dir + "/out") + " --volume " + shell_quote(dir + "/v.pdf"));
  CHECK(result.status == 2);
  CHECK(result.output.find("b.yaml:") != std::string::npos);
  CHECK(result.output.find("the volume " + dir + "/v.pdf was not written, since a report failed") != std::string::npos);
  CHECK(read_file(dir + "/v.pdf") == "earlier");
  CHECK(std::filesystem::exists(dir + "/out/a.pdf"));
}

TEST_CASE("a volume that would overwrite a report's PDF is refused before anything is rendered") {
  std::string dir = temp_dir();
  std::string in = dir + "/in";
  std::filesystem::create_directories(in);
  write_file(in + "/a.yaml", report_preamble() + "  - section: Ekonomi\n    content:\n      - text: Allt enligt plan.\n");
  auto result = run_rapport("batch " + shell_quote(in) + " -o " + shell_quote(dir + "/out") + " --volume " +
                            shell_quote(dir + "/out/a.pdf"));
  CHECK(result.status == 2);
  CHECK(result.output.find("the volume would overwrite a report's own PDF") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/out/a.pdf"));
  auto orphan = run_rapport("batch " + shell_quote(in) + " -o " + shell_quote(dir + "/out") + " --volume-title X");
  CHECK(orphan.status == 2);
  CHECK(orphan.output.find("--volume-title needs --volume") != std::string::npos);
}

TEST_CASE("a final volume is checked like its reports, and has a manifest naming every part's inputs") {
  std::string dir = temp_dir();
  std::string ks = example_report(), memo = source_dir() + "/input/timra/tjansteskrivelse-samverkan-2020.yaml";
  auto result = run_rapport("batch " + shell_quote(ks) + " " + shell_quote(memo) + " -o " + shell_quote(dir + "/out") +
                            " --final --volume " + shell_quote(dir + "/v.pdf"));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  std::string manifest = read_file(dir + "/v.manifest.json");
  // Named relative to the first report's folder, never by a path of the machine.
  CHECK(manifest.find("\"kommunstyrelsen-delarsrapport-2021.yaml\", \"sha256\"") != std::string::npos);
  CHECK(manifest.find("\"tjansteskrivelse-samverkan-2020.yaml\", \"sha256\"") != std::string::npos);
  CHECK(manifest.find(source_dir()) == std::string::npos);
  CHECK(manifest.find("layouts/timra.yaml\"") != std::string::npos);
  CHECK(std::filesystem::exists(dir + "/out/kommunstyrelsen-delarsrapport-2021.manifest.json"));
  auto pages = pdf_pages_text(dir + "/v.pdf");
  std::string text;
  for (const auto& page : pages) text += page;
  CHECK(text.find("UTKAST") == std::string::npos);  // no draft mark, and none drawn as text either
  CHECK(text.find("Godkänd av Kommunstyrelsen 2020-12-07, § 262") != std::string::npos);
}

TEST_CASE("every bundled report renders final") {
  std::string dir = temp_dir();
  auto reports = rapport::find_reports({source_dir() + "/input"});
  CHECK(reports.size() >= 11);  // the eight committees of August 2021, two more examples, the specimen
  for (size_t i = 0; i < reports.size(); ++i) {
    auto result = run_rapport("render " + shell_quote(reports[i]) + " --final -o " + shell_quote(dir + "/" + std::to_string(i) + ".pdf"));
    CHECK_MESSAGE(result.status == 0, reports[i] << ":\n" << result.output);
  }
}

TEST_CASE("each committee of August 2021 was adopted at a meeting of its own, before Kommunstyrelsen's") {
  std::vector<std::string> paragraphs, chairs, series;
  for (const auto& path : rapport::find_reports({source_dir() + "/input/timra/2021-08"})) {
    const rapport::Report report = rapport::load_report(path);
    const rapport::DocumentInfo& info = report.info;
    REQUIRE_MESSAGE(info.decision, path);
    const rapport::Decision& d = *info.decision;
    CAPTURE(path);
    CHECK(d.body == info.committee);
    CHECK(d.meeting >= info.date);  // ISO dates compare as text
    if (info.committee == "Kommunstyrelsen") {
      CHECK(d.meeting == "2021-10-04");
      continue;
    }
    CHECK(d.meeting.starts_with("2021-09-"));
    // The chair signs: the official whose role is the committee's chair.
    REQUIRE(!info.officials.empty());
    CHECK(info.officials.front().role.find("ordförande") != std::string::npos);
    CHECK(d.approved_by == info.officials.front().name + ", ordförande");
    paragraphs.push_back(info.committee.substr(0, 3) + d.paragraph);
    chairs.push_back(d.approved_by);
    series.push_back(info.case_number.substr(0, info.case_number.find('/')));
  }
  CHECK(paragraphs.size() == 7);
  for (auto* list : {&chairs, &series}) {
    std::sort(list->begin(), list->end());
    CHECK(std::adjacent_find(list->begin(), list->end()) == list->end());
  }
  CHECK(std::find(series.begin(), series.end(), "KS") == series.end());
}

TEST_CASE("the municipality's signed-off volume renders, each part with its own sign-off") {
  std::string dir = temp_dir();
  std::string in = source_dir() + "/input/timra/2021-08";
  auto result = run_rapport("batch " + shell_quote(in + "/kommunstyrelsen.yaml") + " " + shell_quote(in) + " -o " +
                            shell_quote(dir + "/out") + " --final --volume " + shell_quote(dir + "/volym.pdf"));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  CHECK(std::filesystem::exists(dir + "/volym.manifest.json"));
  for (const auto& report : rapport::find_reports({in}))
    CHECK(std::filesystem::exists(dir + "/out/" + std::filesystem::path(report).stem().string() + ".manifest.json"));
  std::string text;
  for (const auto& page : pdf_pages_text(dir + "/volym.pdf")) text += page;
  CHECK(text.find("UTKAST") == std::string::npos);
  for (const auto& committee : committees)
    CHECK_MESSAGE(text.find("Godkänd av " + committee + " 2021-") != std::string::npos, committee);
  auto check = run_command(std::string(RAPPORT_PDFCHECK) + " " + shell_quote(dir + "/volym.pdf"));
  CHECK_MESSAGE(check.status == 0, check.output);
}

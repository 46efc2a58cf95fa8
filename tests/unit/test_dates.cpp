// Every date key holds a day of the calendar (issue 13): a date written right that does not
// exist says so, naming what is wrong, rather than calling the format wrong.
#include <doctest/doctest.h>

#include "diag/diagnostic.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "test_support.hpp"

using namespace rapport;

namespace {

// report_preamble() with a paragraph of content, so that only the date can be wrong.
std::string report() { return test::report_preamble() + "  - text: Ett stycke.\n"; }

std::string diagnose(const std::string& document_lines) {
  std::string text = report();
  text.insert(text.find("content:"), document_lines);
  Diagnostics diags;
  build_report(parse_yaml("r.yaml", text), diags);
  return diags.format();
}

std::string with_date(const std::string& date) {
  std::string text = report();
  text.replace(text.find("2021-09-21"), 10, date);
  Diagnostics diags;
  build_report(parse_yaml("r.yaml", text), diags);
  return diags.format();
}

}  // namespace

TEST_CASE("dates: a day that does not exist is named so, at the date") {
  CHECK(with_date("2021-02-30") == "r.yaml:7:9: error: 'date' 2021-02-30 is not a day: February 2021 has 28 days\n");
  CHECK(with_date("2021-02-29") == "r.yaml:7:9: error: 'date' 2021-02-29 is not a day: February 2021 has 28 days\n");
  CHECK(with_date("2100-02-29") == "r.yaml:7:9: error: 'date' 2100-02-29 is not a day: February 2100 has 28 days\n");
  CHECK(with_date("2021-04-31") == "r.yaml:7:9: error: 'date' 2021-04-31 is not a day: April has 30 days\n");
  CHECK(with_date("2021-01-00") == "r.yaml:7:9: error: 'date' 2021-01-00 is not a day: January has 31 days\n");
  CHECK(with_date("2021-13-01") == "r.yaml:7:9: error: 'date' 2021-13-01 is not a day: a year has months 01 to 12\n");
  CHECK(with_date("2021-00-10") == "r.yaml:7:9: error: 'date' 2021-00-10 is not a day: a year has months 01 to 12\n");
  for (const char* day : {"2020-02-29", "2000-02-29", "2021-12-31", "2021-01-01"}) CHECK_MESSAGE(with_date(day).empty(), day);
  // A date written another way is still a matter of the format.
  CHECK(with_date("21-09-2021") == "r.yaml:7:9: error: 'date' must be a date written YYYY-MM-DD, found '21-09-2021'\n");
  CHECK(with_date("\"2021-9-21\"") == "r.yaml:7:9: error: 'date' must be a date written YYYY-MM-DD, found '2021-9-21'\n");
}

TEST_CASE("dates: the decision's dates are checked the same way") {
  CHECK(diagnose("  decision: {meeting: 2021-02-30}\n") ==
        "r.yaml:8:23: error: 'meeting' 2021-02-30 is not a day: February 2021 has 28 days\n"
        "  hint: the date of the meeting that adopted the report, e.g. meeting: 2021-10-04\n");
  CHECK(diagnose("  decision: {approved_by: A B, approved_on: 2022-06-31}\n") ==
        "r.yaml:8:45: error: 'approved_on' 2022-06-31 is not a day: June has 30 days\n"
        "  hint: the day the report was approved, e.g. approved_on: 2022-01-07\n");
}

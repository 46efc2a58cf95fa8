// The JSON Schema that editors use for completion must accept exactly the keys the loader
// accepts, part by part.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "model/format_keys.hpp"
#include "test_support.hpp"

using namespace rapport;
using json = nlohmann::json;

namespace {

json schema() { return json::parse(test::read_file(test::source_dir() + "/input/rapport.schema.json")); }

std::set<std::string> property_names(const json& object) {
  std::set<std::string> names;
  for (const auto& [key, value] : object.at("properties").items()) names.insert(key);
  return names;
}

std::set<std::string> as_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

// The keys a definition allows: its own properties, or those of every object among its
// alternatives (a row is a list or one of several one-key mappings; toc may also be null).
// Every object form must forbid other keys.
std::set<std::string> allowed_keys(const json& definition) {
  std::vector<json> forms;
  if (definition.contains("properties")) forms.push_back(definition);
  else
    for (const auto& alternative : definition.at("oneOf"))
      if (alternative.contains("properties")) forms.push_back(alternative);
  std::set<std::string> keys;
  for (const auto& form : forms) {
    CHECK(form.at("additionalProperties") == false);
    for (const auto& name : property_names(form)) keys.insert(name);
  }
  return keys;
}

}  // namespace

TEST_CASE("schema and loader accept the same keys in every part of the format") {
  json s = schema();
  CHECK(property_names(s) == as_set(format_keys("report")));
  for (const auto& [part, keys] : all_format_keys()) {
    if (part == "report" || part == "block") continue;
    INFO("part: " << part);
    REQUIRE(s["definitions"].contains(part));
    CHECK(allowed_keys(s["definitions"][part]) == as_set(keys));
  }
}

TEST_CASE("schema and loader know the same blocks") {
  json s = schema();
  std::set<std::string> blocks;
  for (const auto& alternative : s["definitions"]["block"]["oneOf"]) {
    if (alternative.contains("enum"))
      for (const auto& word : alternative["enum"]) blocks.insert(word.get<std::string>());
    else if (alternative.contains("$ref"))
      blocks.insert(alternative["$ref"].get<std::string>().substr(std::string("#/definitions/").size()));
    else
      for (const auto& key : alternative["required"]) blocks.insert(key.get<std::string>());
  }
  CHECK(blocks == as_set(format_keys("block")));
}

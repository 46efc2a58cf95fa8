// The JSON Schema that editors use for completion must accept exactly the keys the loader
// accepts, part by part.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <filesystem>
#include <regex>
#include <sstream>
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

namespace {

// Where in the schema a property or definition has no description: an editor would show
// nothing when the author hovers over it.
void undescribed(const json& node, const std::string& path, std::vector<std::string>& out) {
  if (!node.is_object()) return;
  if (node.contains("properties"))
    for (const auto& [key, value] : node["properties"].items()) {
      if (value.is_object() && !value.contains("description")) out.push_back(path + "." + key);
      undescribed(value, path + "." + key, out);
    }
  for (const char* alternatives : {"oneOf", "anyOf"})
    if (node.contains(alternatives))
      for (const auto& alternative : node[alternatives]) undescribed(alternative, path, out);
  if (node.contains("items")) undescribed(node["items"], path + "[]", out);
}

std::set<std::string> shipped_statuses() {
  std::set<std::string> ids;
  for (const auto& file : std::filesystem::directory_iterator(test::source_dir() + "/layouts/vocabularies")) {
    if (file.path().stem() == "trend") continue;  // computed trends, not statuses an author writes
    std::istringstream in(test::read_file(file.path().string()));
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_search(line, m, std::regex("^\\s*-?\\s*id:\\s*([a-z0-9-]+)"))) ids.insert(m[1]);
    }
  }
  return ids;
}

}  // namespace

TEST_CASE("the schema describes every key and block, for an editor to show") {
  json s = schema();
  std::vector<std::string> missing;
  undescribed(s, "", missing);
  for (const auto& [name, definition] : s["definitions"].items()) {
    if (!definition.contains("description")) missing.push_back("definition " + name);
    undescribed(definition, name, missing);
  }
  CHECK_MESSAGE(missing.empty(), "no description: " << [&] {
    std::string all;
    for (const auto& m : missing) all += m + " ";
    return all;
  }());
}

TEST_CASE("the schema offers the shipped vocabularies' statuses, and still allows a layout's own") {
  json s = schema();
  json status = s["definitions"]["assessment"]["properties"]["status"];
  REQUIRE(status.contains("anyOf"));
  std::set<std::string> offered;
  for (const auto& id : status["anyOf"][0]["enum"]) offered.insert(id.get<std::string>());
  CHECK(offered == shipped_statuses());
  CHECK(offered.count("bidrar-till-malet"));
  CHECK(status["anyOf"][1]["type"] == "string");
}

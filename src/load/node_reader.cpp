#include "load/node_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "diag/suggest.hpp"

namespace rapport {

std::string describe_node(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return quote_excerpt(node.Scalar());
    default: return "nothing";
  }
}

bool is_plain_scalar(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "?"; }

void NodeReader::wrong_type(const YAML::Node& node, const std::string& what, const std::string& expected) {
  // An absent value was already reported as missing by whoever required it.
  if (!node.IsDefined()) return;
  diags_.error(pos(node), what + " must be " + expected + ", found " + describe_node(node));
}

bool NodeReader::expect_map(const YAML::Node& node, const std::string& what) {
  if (node.IsMap()) return true;
  wrong_type(node, what, "a mapping (key: value lines)");
  return false;
}

bool NodeReader::expect_sequence(const YAML::Node& node, const std::string& what) {
  if (node.IsSequence()) return true;
  wrong_type(node, what, "a list (lines starting with '- ')");
  return false;
}

namespace {
size_t count_chars(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
}  // namespace

std::optional<std::string> NodeReader::text(const YAML::Node& node, const std::string& what, size_t max_chars) {
  if (!node.IsScalar() || (is_plain_scalar(node) && node.Scalar() == "~")) {
    wrong_type(node, what, "text");
    return std::nullopt;
  }
  if (size_t length = count_chars(node.Scalar()); length > max_chars) {
    diags_.error(pos(node), what + " is " + std::to_string(length) + " characters long; the limit is " + std::to_string(max_chars),
                 max_chars == max_title_chars ? "shorten it; a long explanation belongs in the text below"
                                              : "split the text into several blocks");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<long long> NodeReader::integer(const YAML::Node& node, const std::string& what, long long min,
                                             long long max) {
  if (is_plain_scalar(node)) {
    const std::string& s = node.Scalar();
    long long value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size()) {
      if (value >= min && value <= max) return value;
      diags_.error(pos(node), what + " must be between " + std::to_string(min) + " and " + std::to_string(max) +
                                  ", found " + quote_excerpt(s));
      return std::nullopt;
    }
  }
  wrong_type(node, what, "a whole number");
  return std::nullopt;
}

std::optional<double> NodeReader::number(const YAML::Node& node, const std::string& what) {
  if (is_plain_scalar(node)) {
    const std::string& s = node.Scalar();
    double value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size() && std::isfinite(value)) return value;
  }
  wrong_type(node, what, "a number");
  return std::nullopt;
}

std::optional<bool> NodeReader::boolean(const YAML::Node& node, const std::string& what) {
  if (is_plain_scalar(node)) {
    const std::string& s = node.Scalar();
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
  }
  wrong_type(node, what, "true or false");
  return std::nullopt;
}

MapFields::MapFields(NodeReader& reader, const YAML::Node& map, std::string what, std::vector<std::string> allowed)
    : reader_(reader), map_(map), what_(std::move(what)) {
  valid_ = reader_.expect_map(map_, what_);
  if (!valid_) return;
  for (const auto& pair : map_) {
    if (!pair.first.IsScalar()) {
      reader_.diags().error(reader_.pos(pair.first), "keys in " + what_ + " must be plain words");
      continue;
    }
    const std::string& key = pair.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string guess = closest_match(key, allowed);
    if (!guess.empty()) guessed_.push_back(guess);
    reader_.diags().error(reader_.pos(pair.first), "unknown key '" + key + "' in " + what_,
                          guess.empty() ? "valid keys are " + join_choices(allowed) : "did you mean '" + guess + "'?");
  }
}

bool MapFields::has(const std::string& key) const { return valid_ && map_[key].IsDefined(); }

YAML::Node MapFields::get(const std::string& key) const {
  if (!valid_) return YAML::Node(YAML::NodeType::Undefined);
  // operator[] on a const node never inserts; for a missing key it returns an invalid node
  // on which even Type() throws, so hand out a valid undefined node instead.
  const YAML::Node& map = map_;
  YAML::Node value = map[key];
  return value.IsDefined() ? value : YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node MapFields::require(const std::string& key) {
  YAML::Node value = get(key);
  // A misspelled key is one mistake: its "did you mean" already names the missing key.
  bool misspelled = std::find(guessed_.begin(), guessed_.end(), key) != guessed_.end();
  if (valid_ && !value.IsDefined() && !misspelled)
    reader_.diags().error(reader_.pos(map_), "missing required key '" + key + "' in " + what_);
  return value;
}

}  // namespace rapport

#pragma once
// Typed reading of YAML nodes that reports every problem at the node's position and keeps
// going, so `rapport check` can list all problems at once.
#include <optional>
#include <string>
#include <vector>

#include "load/yaml_source.hpp"

namespace rapport {

// Limits on one text value, in characters: a whole `text:` block, and a line that is set as a
// title or heading (shaping a heading is costly and no real one comes near the limit).
constexpr size_t max_text_chars = 100000;
constexpr size_t max_title_chars = 300;

class NodeReader {
 public:
  NodeReader(const YamlSource& source, Diagnostics& diags) : source_(source), diags_(diags) {}

  SourcePos pos(const YAML::Node& node) const { return position_of(source_, node); }
  Diagnostics& diags() { return diags_; }
  const YamlSource& source() const { return source_; }

  // `what` names the value in messages, e.g. "'title' in document".
  bool expect_map(const YAML::Node& node, const std::string& what);
  bool expect_sequence(const YAML::Node& node, const std::string& what);
  std::optional<std::string> text(const YAML::Node& node, const std::string& what, size_t max_chars = max_text_chars);
  std::optional<long long> integer(const YAML::Node& node, const std::string& what, long long min, long long max);
  std::optional<double> number(const YAML::Node& node, const std::string& what);
  std::optional<bool> boolean(const YAML::Node& node, const std::string& what);
  void wrong_type(const YAML::Node& node, const std::string& what, const std::string& expected);

 private:
  const YamlSource& source_;
  Diagnostics& diags_;
};

// "a mapping", "a list", "text", "nothing": how a node is described in messages.
std::string describe_node(const YAML::Node& node);
// A plain (unquoted) scalar; quoted scalars are always text.
bool is_plain_scalar(const YAML::Node& node);

// One mapping whose allowed keys are declared up front; unknown keys are reported with a
// did-you-mean hint as soon as the mapping is opened.
class MapFields {
 public:
  MapFields(NodeReader& reader, const YAML::Node& map, std::string what, std::vector<std::string> allowed);

  bool valid() const { return valid_; }
  bool has(const std::string& key) const;
  // The value of `key`, or an undefined node when it is absent.
  YAML::Node get(const std::string& key) const;
  // Like get(), but a missing key is reported at the mapping's position.
  YAML::Node require(const std::string& key);

 private:
  NodeReader& reader_;
  YAML::Node map_;
  std::string what_;
  bool valid_ = false;
  std::vector<std::string> guessed_;  // the keys that unknown keys were taken for
};

}  // namespace rapport

#pragma once
// Every key input format 1 allows, by the part of the format it belongs to. The loader reads
// with these lists, and a test holds input/rapport.schema.json to them, so the schema editors
// use for completion never drifts from what rapport accepts.
#include <map>
#include <string>
#include <vector>

namespace rapport {

const std::vector<std::string>& format_keys(const std::string& part);

// part name → keys, for the schema test.
const std::map<std::string, std::vector<std::string>>& all_format_keys();

}  // namespace rapport

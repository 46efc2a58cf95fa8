#pragma once
#include "load/file_access.hpp"
#include "load/yaml_source.hpp"
#include "model/report.hpp"

namespace rapport {

// Validates a parsed report file and builds the model. Every problem is added to `diags`
// (the caller decides when to stop); the returned report holds what could be read.
// CSV files must be allowed by `access`; without it, by the report folder's policy.
Report build_report(const YamlSource& source, const FileAccess& access, Diagnostics& diags);
Report build_report(const YamlSource& source, Diagnostics& diags);

// Loads and validates a report file; throws InputError listing every problem.
Report load_report(const std::string& path);

}  // namespace rapport

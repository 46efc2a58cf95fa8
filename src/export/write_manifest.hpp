#pragma once
#include <string>
#include <vector>

namespace rapport {

// `OUT.pdf` → `OUT.manifest.json`.
std::string manifest_path_for(const std::string& pdf_path);

// Writes, atomically, the JSON manifest that ties a signed-off PDF to what produced it: the
// SHA-256 of the PDF, of every input file (report, CSV files, layouts, vocabularies, logo,
// fonts, colour profile) and the rapport version. Paths are written as given.
void write_manifest(const std::string& pdf_path, const std::vector<std::string>& inputs, const std::string& manifest_path);

// The SHA-256 of `bytes`, in lowercase hexadecimal.
std::string sha256_hex(const std::string& bytes);

}  // namespace rapport

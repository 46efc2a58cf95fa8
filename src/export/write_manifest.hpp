#pragma once
#include <string>
#include <vector>

#include "frames/frame.hpp"

namespace rapport {

// `OUT.pdf` → `OUT.manifest.json`.
std::string manifest_path_for(const std::string& pdf_path);

struct ManifestRequest {
  std::string pdf_file;  // the bytes to hash: the PDF's temporary, before it is renamed
  std::string pdf_name;  // what the manifest calls it: the file name beside the manifest
  std::vector<std::string> inputs;
  std::vector<std::string> input_digests;  // their SHA-256, in the same order
  std::string report_folder;  // inputs are named relative to it (manifest_name)
  std::string manifest_path;
};

// Writes, atomically, the JSON manifest that ties a signed-off PDF to what produced it: the
// SHA-256 of the PDF, of every input file (report, CSV files, layouts, vocabularies, logo,
// fonts, colour profile) and the rapport version.
void write_manifest(const ManifestRequest& request);

// How the manifest names `path`, never by a path of the machine that rendered it: relative to
// the project's data directory ("layouts/timra.yaml"), relative to the report's folder
// ("ekonomi.csv", "../gemensamt/logo.svg"), or by the Debian package that ships it
// ("hyphen-sv:/usr/share/hyphen/hyph_sv_SE.dic"; "system:/usr/share/…" for other system files).
std::string manifest_name(const std::string& path, const std::string& report_folder);

// The final PDF and its manifest, both or neither: the PDF is finished in a temporary, the
// manifest written (renamed into place) from it, and only then the PDF renamed over `pdf`.
void write_final_pdf(const DocumentFrames& document, const std::string& pdf, const std::vector<std::string>& inputs,
                     const std::string& report_folder);

// The SHA-256 of the file at `path`, in lowercase hexadecimal. OpenSSL's, which uses the
// processor's SHA instructions where it has them (about 1.5 GB/s here, where libqpdf's took
// 29 instructions a byte); read in pieces, so hashing never holds a font or the word list
// whole. Throws std::runtime_error when the file cannot be read.
std::string sha256_of_file(const std::string& path);

}  // namespace rapport

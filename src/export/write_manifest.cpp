#include "export/write_manifest.hpp"

#include <qpdf/QPDFCryptoProvider.hh>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "export/atomic_output.hpp"
#include "load/yaml_source.hpp"

namespace rapport {
namespace {

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", u);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string file_entry(const std::string& path) {
  return "{\"path\": " + json_string(path) + ", \"sha256\": \"" + sha256_hex(read_text_file(path)) + "\"}";
}

}  // namespace

std::string manifest_path_for(const std::string& pdf_path) {
  return std::filesystem::path(pdf_path).replace_extension(".manifest.json").string();
}

std::string sha256_hex(const std::string& bytes) {
  auto sha = QPDFCryptoProvider::getImpl();  // libqpdf's own crypto: no further dependency
  sha->SHA2_init(256);
  sha->SHA2_update(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  sha->SHA2_finalize();
  std::string digest = sha->SHA2_digest();
  std::string hex;
  char buffer[3];
  for (unsigned char byte : digest) {
    std::snprintf(buffer, sizeof buffer, "%02x", byte);
    hex += buffer;
  }
  return hex;
}

void write_manifest(const std::string& pdf_path, const std::vector<std::string>& inputs, const std::string& manifest_path) {
  std::string json = "{\n  \"rapport\": " + json_string(RAPPORT_VERSION) + ",\n";
  json += "  \"conformance\": [\"PDF/A-2a\", \"PDF/UA-1\"],\n";
  json += "  \"pdf\": " + file_entry(pdf_path) + ",\n  \"inputs\": [";
  for (size_t i = 0; i < inputs.size(); ++i) json += std::string(i ? "," : "") + "\n    " + file_entry(inputs[i]);
  json += "\n  ]\n}\n";
  write_atomically(manifest_path, [&](const std::string& temporary) {
    std::ofstream out(temporary, std::ios::binary);
    out << json;
    if (!out.flush()) throw std::runtime_error("cannot write " + temporary);
  });
}

}  // namespace rapport

#include "export/write_manifest.hpp"

#include <openssl/evp.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <stdexcept>
#include <vector>

#include "export/atomic_output.hpp"
#include "export/write_pdf.hpp"
#include "load/yaml_source.hpp"
#include "style/load_style.hpp"

namespace rapport {
namespace {

std::string hex_of(const unsigned char* digest, unsigned int size) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

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

std::string file_entry(const std::string& name, const std::string& sha256) {
  return "{\"path\": " + json_string(name) + ", \"sha256\": \"" + sha256 + "\"}";
}

// The SHA-256 of every input, in order.
std::vector<std::string> digests_of(const std::vector<std::string>& inputs) {
  std::vector<std::string> digests;
  for (const auto& input : inputs) digests.push_back(sha256_of_file(input));
  return digests;
}

// The system files the shipped layouts and font list use, by the Debian package that has them.
struct SystemPackage {
  const char* folder;
  const char* package;
};
constexpr SystemPackage system_packages[] = {
    {"/usr/share/hyphen/", "hyphen-sv"},
    {"/usr/share/hunspell/", "hunspell-sv"},
    {"/usr/share/color/icc/", "icc-profiles-free"},
    {"/usr/share/fonts/truetype/crosextra/", "fonts-crosextra-carlito"},
    {"/usr/share/fonts/truetype/open-sans/", "fonts-open-sans"},
    {"/usr/share/fonts/truetype/dejavu/", "fonts-dejavu-core"},
};

bool under(const std::filesystem::path& path, const std::filesystem::path& folder) {
  auto relative = path.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

std::string manifest_path_for(const std::string& pdf_path) {
  return std::filesystem::path(pdf_path).replace_extension(".manifest.json").string();
}

std::string sha256_of_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path + " to hash it");
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context || !EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr)) throw std::runtime_error("OpenSSL could not start a SHA-256");
  std::vector<char> piece(1 << 16);
  while (in) {
    in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
    if (in.gcount() > 0 && !EVP_DigestUpdate(context.get(), piece.data(), static_cast<size_t>(in.gcount())))
      throw std::runtime_error("OpenSSL could not compute a SHA-256");
  }
  if (in.bad()) throw std::runtime_error("cannot read " + path + " to hash it");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!EVP_DigestFinal_ex(context.get(), digest, &size)) throw std::runtime_error("OpenSSL could not compute a SHA-256");
  return hex_of(digest, size);
}

std::string manifest_name(const std::string& path, const std::string& report_folder) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path file = fs::weakly_canonical(fs::absolute(path, error), error);
  fs::path data = fs::weakly_canonical(fs::absolute(data_directory(), error), error);
  fs::path report = fs::weakly_canonical(fs::absolute(report_folder.empty() ? "." : report_folder, error), error);
  for (const auto& shipped : {"layouts", "fonts"})
    if (under(file, data / shipped)) return file.lexically_relative(data).generic_string();
  if (under(file, report)) return file.lexically_relative(report).generic_string();
  for (const auto& system : system_packages)
    if (file.generic_string().starts_with(system.folder)) return std::string(system.package) + ":" + file.generic_string();
  if (under(file, "/usr/share")) return "system:" + file.generic_string();
  return file.lexically_relative(report).generic_string();
}

void write_manifest(const ManifestRequest& request) {
  std::string json = "{\n  \"rapport\": " + json_string(RAPPORT_VERSION) + ",\n";
  json += "  \"conformance\": [\"PDF/A-2a\", \"PDF/UA-1\"],\n";
  json += "  \"pdf\": " + file_entry(request.pdf_name, sha256_of_file(request.pdf_file)) + ",\n  \"inputs\": [";
  for (size_t i = 0; i < request.inputs.size(); ++i)
    json += std::string(i ? "," : "") + "\n    " +
            file_entry(manifest_name(request.inputs[i], request.report_folder), request.input_digests.at(i));
  json += "\n  ]\n}\n";
  write_atomically(request.manifest_path, [&](const std::string& temporary) {
    std::ofstream out(temporary, std::ios::binary);
    out << json;
    if (!out.flush()) throw std::runtime_error("cannot write " + temporary);
  });
}

void write_final_pdf(const DocumentFrames& document, const std::string& pdf, const std::vector<std::string>& inputs,
                     const std::string& report_folder) {
  std::string name = std::filesystem::path(pdf).filename().string();
  // The inputs (fonts are megabytes) are hashed on a second thread while the PDF is drawn and
  // finished: the manifest then costs a final render almost nothing on a machine with two cores.
  auto digests = std::async(std::launch::async, digests_of, std::cref(inputs));
  write_pdf(document, pdf, [&](const std::string& temporary) {
    write_manifest({temporary, name, inputs, digests.get(), report_folder, manifest_path_for(pdf)});
  });
}

}  // namespace rapport

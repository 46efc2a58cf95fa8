#include "load/file_access.hpp"

#include <sys/stat.h>

#include <array>
#include <fstream>

#include "load/data_directory.hpp"

namespace rapport {
namespace fs = std::filesystem;
namespace {

fs::path canonical_folder(const fs::path& folder) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(fs::absolute(folder.empty() ? fs::path(".") : folder, error), error);
  return canonical.empty() ? folder : canonical;
}

// Component-wise, so /srv/report-old is not "under" /srv/report.
bool is_under(const fs::path& path, const fs::path& folder) {
  auto p = path.begin();
  for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
    if (f->empty() && std::next(f) == folder.end()) return true;  // a trailing slash
    if (p == path.end() || *p != *f) return false;
  }
  return true;
}

std::string megabytes(std::uintmax_t bytes) { return std::to_string((bytes + 1024 * 1024 - 1) / (1024 * 1024)) + " MB"; }

uint32_t big_endian(const unsigned char* p, size_t bytes) {
  uint32_t value = 0;
  for (size_t i = 0; i < bytes; ++i) value = value << 8 | p[i];
  return value;
}

// Width and height from the JPEG's first SOF marker; {0, 0} when there is none.
std::pair<uint32_t, uint32_t> jpeg_size(const std::string& head) {
  const auto* b = reinterpret_cast<const unsigned char*>(head.data());
  for (size_t i = 2; i + 9 < head.size();) {
    if (b[i] != 0xFF) return {0, 0};
    unsigned char marker = b[i + 1];
    size_t length = big_endian(b + i + 2, 2);
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) return {big_endian(b + i + 7, 2), big_endian(b + i + 5, 2)};
    i += 2 + length;
  }
  return {0, 0};
}

}  // namespace

FileAccess FileAccess::for_report(const std::string& report, const std::vector<std::string>& roots) {
  FileAccess access;
  access.roots_.push_back(canonical_folder(fs::path(report).parent_path()));
  for (const auto& root : roots) access.roots_.push_back(canonical_folder(root));
  access.always_ = always_readable_folders();
  return access;
}

bool FileAccess::allows(const std::string& path) const {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(fs::absolute(path, error), error);
  if (error) return false;
  for (const auto* folders : {&roots_, &always_})
    for (const auto& folder : *folders)
      if (is_under(canonical, folder)) return true;
  return false;
}

std::string FileAccess::describe_roots() const {
  std::string text;
  for (const auto& root : roots_) text += (text.empty() ? "" : " or ") + root.string();
  return text;
}

std::string FileAccess::key() const {
  std::string text;
  for (const auto& root : roots_) text += root.string() + "\n";
  return text;
}

std::vector<fs::path> always_readable_folders() {
  fs::path data = canonical_folder(data_directory());
  return {data / "layouts", data / "fonts", "/usr/share/hyphen", "/usr/share/hunspell", "/usr/share/color/icc"};
}

void check_readable(const FileAccess& access, const std::string& path, const SourcePos& named_at, std::uintmax_t limit) {
  if (!access.allows(path))
    throw_input_error(named_at, "'" + path + "' lies outside the folders a report may read",
           "files a report reads must lie under " + access.describe_roots() + "; use --root to widen it");
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (!fs::exists(status))
    throw_input_error({path, 0, 0}, "cannot read the file", "check the path and that the file is readable");
  if (!fs::is_regular_file(status))
    throw_input_error(named_at, "'" + path + "' is not a regular file", "name a file, not a folder, device or pipe");
  std::uintmax_t size = fs::file_size(path, error);
  if (!error && size > limit)
    throw_input_error(named_at, "'" + path + "' is " + megabytes(size) + "; rapport reads files of at most " + megabytes(limit),
           "split the file, or check that it is the file you meant");
}

std::string read_bounded_file(const std::string& path, std::uintmax_t limit) {
  // stat, not the path's name: a FIFO would block the open and a device never ends.
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode))
    throw_input_error({path, 0, 0}, "cannot read the file: it is not a regular file", "name a file, not a folder, device or pipe");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_input_error({path, 0, 0}, "cannot read the file", "check the path and that the file is readable");
  std::string content;
  std::array<char, 65536> buffer;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    content.append(buffer.data(), static_cast<size_t>(in.gcount()));
    if (content.size() > limit)
      throw_input_error({path, 0, 0}, "the file is larger than " + megabytes(limit), "rapport reads files of at most " + megabytes(limit));
  }
  if (in.bad()) throw_input_error({path, 0, 0}, "cannot read the file", "check the path and that the file is readable");
  return content;
}

void check_pixel_count(double width, double height, const std::string& path, const SourcePos& named_at) {
  if (width * height <= static_cast<double>(max_image_pixels)) return;
  throw_input_error(named_at,
         "the image '" + path + "' is " + std::to_string(static_cast<long long>(width)) + "×" +
             std::to_string(static_cast<long long>(height)) + " pixels, more than the 50 megapixels rapport decodes",
         "scale the image down; a logo needs a few hundred pixels, or use an SVG");
}

void check_image_size(const std::string& path, const SourcePos& named_at) {
  std::ifstream in(path, std::ios::binary);
  std::string head(65536, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  const auto* b = reinterpret_cast<const unsigned char*>(head.data());
  uint32_t width = 0, height = 0;
  if (head.size() >= 24 && head.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
    width = big_endian(b + 16, 4);  // IHDR is the first chunk: width and height at bytes 16–23
    height = big_endian(b + 20, 4);
  } else if (head.size() >= 4 && b[0] == 0xFF && b[1] == 0xD8) {
    std::tie(width, height) = jpeg_size(head);
  }
  check_pixel_count(width, height, path, named_at);
}

std::string relative_to_file(const std::string& named_by, const std::string& name) {
  fs::path path(name);
  if (path.is_absolute() || name.empty()) return name;
  return (fs::path(named_by).parent_path() / path).string();
}

}  // namespace rapport

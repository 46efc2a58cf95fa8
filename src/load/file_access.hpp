#pragma once
// Which files a render may read, and reading them within limits. As Typst's --root: a report
// reads only files under its root folder (the report's own folder, widened with --root), the
// shipped layouts/ and fonts/, and the few system folders the shipped layouts name.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace rapport {

// YAML files (reports, layouts, vocabularies, font lists) and CSV files.
inline constexpr std::uintmax_t max_text_bytes = 20u * 1024u * 1024u;
// Images are decoded whole into memory: 50 megapixels is ~200 MB, far beyond any logo.
inline constexpr std::uint64_t max_image_pixels = 50'000'000;
// No limit, for files rapport itself writes or ships (the PDF it hashes, fonts, the colour profile).
inline constexpr std::uintmax_t no_size_limit = UINTMAX_MAX;

// A value: each render carries its own in its context, nothing is global.
class FileAccess {
 public:
  // The root is the report's folder plus every folder in `roots` (--root).
  static FileAccess for_report(const std::string& report, const std::vector<std::string>& roots);

  bool allows(const std::string& path) const;
  // The root folders, for a hint ("files a report reads must lie under DIR").
  std::string describe_roots() const;
  // Two policies with the same key allow the same files (layouts are cached by it).
  std::string key() const;

 private:
  std::vector<std::filesystem::path> roots_;
  std::vector<std::filesystem::path> always_;
};

// Folders every render may read whatever its root: the shipped layouts/ and fonts/ under
// data_directory(), and the system folders the shipped layouts name — /usr/share/hyphen
// (Debian's hyphen-sv dictionary), /usr/share/hunspell (hunspell-sv's word list) and
// /usr/share/color/icc (icc-profiles-free's sRGB profile).
std::vector<std::filesystem::path> always_readable_folders();

// Throws InputError unless `path` lies under the policy's folders (compared after
// weakly_canonical, so a symlink out of the root is refused), is a regular file and holds at
// most `limit` bytes. A refusal is reported at `named_at`, the key that names the file; a
// file that does not exist as "cannot read the file" at the file itself.
void check_readable(const FileAccess& access, const std::string& path, const SourcePos& named_at,
                    std::uintmax_t limit = max_text_bytes);

// Reads a regular file, never more than `limit` + 1 bytes (so even a device that slipped
// through cannot fill the memory); throws InputError naming the file when it cannot be read,
// is not a regular file or is larger than `limit`.
std::string read_bounded_file(const std::string& path, std::uintmax_t limit);

// Throws InputError at `named_at` when the PNG or JPEG at `path` is larger than
// max_image_pixels, read from its header (PNG IHDR, JPEG SOF) before anything is decoded.
void check_image_size(const std::string& path, const SourcePos& named_at);
void check_pixel_count(double width, double height, const std::string& path, const SourcePos& named_at);

// `name` as written in the file `named_by`: a relative path is relative to that file's folder.
std::string relative_to_file(const std::string& named_by, const std::string& name);

}  // namespace rapport

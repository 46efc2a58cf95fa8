// Which files under the batch's paths are reports: decided by what a file is (its top-level
// YAML), not by how its text happens to be spelled.
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <utility>

#include "app/run_batch.hpp"
#include "diag/diagnostic.hpp"

namespace rapport {
namespace {

namespace fs = std::filesystem;

// Larger files are not parsed here, only looked at: the child that renders one parses it anyway,
// and a batch walking a data directory should not stall on a huge YAML dump.
constexpr std::uintmax_t largest_parsed = 20u << 20;
constexpr std::uintmax_t largest_looked_at = 1u << 20;

enum class Kind { report, other };

// The first `limit` bytes of a file of `size` bytes (as stat saw it; it may have changed since).
bool read_prefix(const fs::path& path, std::uintmax_t size, std::uintmax_t limit, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  auto wanted = static_cast<std::streamsize>(std::min(size, limit));
  text.resize(static_cast<size_t>(wanted));
  in.read(text.data(), wanted);
  if (in.bad()) return false;
  text.resize(static_cast<size_t>(in.gcount()));
  return true;
}

// `document` as a key near a line's start, however it is quoted or bracketed: what a report
// that does not parse still shows of itself.
bool mentions_document(const std::string& text) {
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    size_t key = text.find_first_not_of(" \t{,\"'\xEF\xBB\xBF", start);
    if (key < end && text.compare(key, 8, "document") == 0) return true;
    start = end + 1;
  }
  return false;
}

Kind classify_text(std::string text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  try {
    const YAML::Node root = YAML::Load(text);
    return root.IsMap() && root["document"] ? Kind::report : Kind::other;
  } catch (const YAML::Exception&) {
    // A broken report is still a report: its child names the error; skipping it would hide it.
    return mentions_document(text) ? Kind::report : Kind::other;
  }
}

// An unreadable YAML file counts as a report, so that the summary says it could not be read
// rather than the batch passing over it in silence.
Kind classify(const fs::path& path, std::uintmax_t size) {
  std::string text;
  if (size > largest_parsed)
    return !read_prefix(path, size, largest_looked_at, text) || mentions_document(text) ? Kind::report : Kind::other;
  if (!read_prefix(path, size, largest_parsed, text)) return Kind::report;
  return classify_text(std::move(text));
}

bool has_yaml_extension(const fs::path& path) { return path.extension() == ".yaml" || path.extension() == ".yml"; }

// Directories already walked, by (device, inode): directory symlinks are followed, and two that
// point at each other would otherwise be walked for ever.
using Visited = std::set<std::pair<dev_t, ino_t>>;

struct Found {
  std::vector<std::string> reports, skipped;
};

void walk(const fs::path& directory, Visited& visited, Found& found) {
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    const fs::path& path = it->path();
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) continue;  // a dangling symlink, or gone since listed
    if (S_ISDIR(info.st_mode)) {
      if (visited.emplace(info.st_dev, info.st_ino).second) walk(path, visited, found);
    } else if (S_ISREG(info.st_mode) && has_yaml_extension(path)) {
      bool report = classify(path, static_cast<std::uintmax_t>(info.st_size)) == Kind::report;
      (report ? found.reports : found.skipped).push_back(path.string());
    }
  }
}

Found reports_in(const std::string& directory) {
  Visited visited;
  struct stat info {};
  if (::stat(directory.c_str(), &info) == 0) visited.emplace(info.st_dev, info.st_ino);
  Found found;
  walk(directory, visited, found);
  std::sort(found.reports.begin(), found.reports.end());
  std::sort(found.skipped.begin(), found.skipped.end());
  return found;
}

std::vector<std::string> each_once(const std::vector<std::string>& reports) {
  std::vector<std::string> unique;
  for (const auto& report : reports) {
    auto same_file = [&](const std::string& other) {
      std::error_code error;
      return fs::equivalent(report, other, error) || report == other;
    };
    if (std::none_of(unique.begin(), unique.end(), same_file)) unique.push_back(report);
  }
  return unique;
}

}  // namespace

bool is_report_text(const std::string& text) { return classify_text(text) == Kind::report; }

std::vector<std::string> find_reports(const std::vector<std::string>& paths, std::vector<std::string>* skipped) {
  std::vector<std::string> reports;
  for (const auto& path : paths) {
    std::error_code error;
    if (!fs::exists(path, error)) throw_input_error({path, 0, 0}, "no such file or directory", "check the path");
    if (!fs::is_directory(path, error)) {
      reports.push_back(path);
      continue;
    }
    Found found = reports_in(path);
    if (found.reports.empty())
      throw_input_error({path, 0, 0}, "the directory holds no reports", "a report is a .yaml file with a document: key");
    reports.insert(reports.end(), found.reports.begin(), found.reports.end());
    if (skipped) skipped->insert(skipped->end(), found.skipped.begin(), found.skipped.end());
  }
  return each_once(reports);
}

}  // namespace rapport

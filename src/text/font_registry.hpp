#pragma once
// The fonts rapport may use: a private fontconfig configuration holding only the files that
// fonts/fonts.yaml names, and the Pango context every layout is shaped on.
#include <pango/pango.h>

extern "C" {
typedef struct _FcConfig FcConfig;
}

#include <string>
#include <vector>

namespace rapport {

class FontRegistry {
 public:
  // Reads fonts/fonts.yaml (`list_path`); throws InputError when a file is missing.
  explicit FontRegistry(const std::string& list_path);
  ~FontRegistry();
  FontRegistry(const FontRegistry&) = delete;
  FontRegistry& operator=(const FontRegistry&) = delete;

  // Shaping context with hinting off, so every backend breaks lines identically.
  PangoContext* context() const { return context_; }
  bool has_family(const std::string& family) const;
  const std::vector<std::string>& families() const { return families_; }
  const std::vector<std::string>& files() const { return files_; }

 private:
  FcConfig* config_ = nullptr;
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
  std::vector<std::string> files_;
  std::vector<std::string> families_;
};

// The default list: fonts/fonts.yaml in the data directory.
std::string default_font_list();

}  // namespace rapport

#include "model/check_link.hpp"

#include <algorithm>
#include <cctype>

#include "diag/suggest.hpp"

namespace rapport {
namespace {

const char* const allowed_hint = "links may use http:, https: or mailto:, or go to a section with #id";

// The URI scheme (RFC 3986: a letter, then letters, digits, + - .), lower-cased; empty if none.
std::string scheme_of(const std::string& url) {
  size_t colon = url.find(':');
  if (colon == std::string::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(url[0]))) return {};
  std::string scheme = url.substr(0, colon);
  bool valid = std::all_of(scheme.begin(), scheme.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
  if (!valid) return {};
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return scheme;
}

const std::vector<std::string> reference_fields = {"page", "number", "title"};

}  // namespace

void check_reference_fields(const RichText& text, const SourcePos& pos, Diagnostics& diags) {
  for (const auto& span : text) {
    if (!span.link.starts_with("#")) continue;
    for (size_t open = span.text.find('{'); open != std::string::npos; open = span.text.find('{', open + 1)) {
      size_t close = span.text.find('}', open);
      if (close == std::string::npos) break;
      std::string field = span.text.substr(open + 1, close - open - 1);
      if (std::find(reference_fields.begin(), reference_fields.end(), field) != reference_fields.end()) continue;
      std::string guess = closest_match(field, reference_fields);
      diags.error(pos, "unknown field " + quote_excerpt("{" + field + "}") + " in a page reference",
                  (guess.empty() ? std::string() : "did you mean '{" + guess + "}'? ") +
                      "a link to #id may print {page}, {number} and {title} of its target");
    }
  }
}

void check_link_target(const std::string& url, const SourcePos& pos, Diagnostics& diags) {
  if (url.starts_with("#")) return;
  std::string scheme = scheme_of(url);
  if (scheme == "http" || scheme == "https" || scheme == "mailto") return;
  if (scheme.empty())
    diags.error(pos, "the link target " + quote_excerpt(url) + " is a relative path, which a PDF cannot follow safely", allowed_hint);
  else
    diags.error(pos, "the link uses the scheme '" + scheme + ":', which is not allowed", allowed_hint);
}

}  // namespace rapport

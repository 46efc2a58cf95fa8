#include "diag/diagnostic.hpp"

#include <algorithm>

namespace rapport {

std::string Diagnostic::format() const {
  std::string out = pos.file.empty() ? std::string("rapport") : pos.file;
  if (pos.line > 0) {
    out += ':' + std::to_string(pos.line);
    if (pos.col > 0) out += ':' + std::to_string(pos.col);
  }
  out += severity == Severity::error ? ": error: " : severity == Severity::warning ? ": warning: " : ": note: ";
  out += message;
  if (!hint.empty()) out += "\n  hint: " + hint;
  return out;
}

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
  items_.push_back({Severity::error, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string hint) {
  items_.push_back({Severity::warning, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::note(SourcePos pos, std::string message, std::string hint) {
  items_.push_back({Severity::note, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
  for (const auto& d : items_)
    if (d.severity == Severity::error) return true;
  return false;
}

std::string Diagnostics::format() const { return format(Severity::note); }

namespace {

// File by file, in the order the files first come up, and in each file from top to bottom:
// an author reads the messages beside the file.
std::vector<const Diagnostic*> in_source_order(const std::vector<Diagnostic>& items) {
  std::vector<std::string> files;
  for (const auto& d : items)
    if (std::find(files.begin(), files.end(), d.pos.file) == files.end()) files.push_back(d.pos.file);
  auto file_index = [&](const Diagnostic* d) { return std::find(files.begin(), files.end(), d->pos.file) - files.begin(); };
  std::vector<const Diagnostic*> order;
  for (const auto& d : items) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [&](const Diagnostic* a, const Diagnostic* b) {
    auto fa = file_index(a), fb = file_index(b);
    if (fa != fb) return fa < fb;
    if (a->pos.line != b->pos.line) return a->pos.line < b->pos.line;
    return a->pos.col < b->pos.col;
  });
  return order;
}

}  // namespace

std::string Diagnostics::format(Severity least) const {
  std::string out;
  for (const Diagnostic* d : in_source_order(items_))
    if (d->severity <= least) out += d->format() + '\n';
  return out;
}

InputError::InputError(Diagnostics diagnostics)
    : std::runtime_error(diagnostics.format()), diagnostics_(std::move(diagnostics)) {}

void throw_if_errors(const Diagnostics& diagnostics) {
  if (diagnostics.has_errors()) throw InputError(diagnostics);
}

void throw_input_error(const SourcePos& at, const std::string& message, const std::string& hint) {
  Diagnostics diags;
  diags.error(at, message, hint);
  throw InputError(diags);
}

std::string quote_excerpt(const std::string& text) {
  constexpr size_t most = 80;
  size_t end = std::min(text.find('\n'), most);
  while (end < text.size() && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // whole characters
  return "'" + text.substr(0, end) + (end < text.size() ? "…" : "") + "'";
}

}  // namespace rapport

// The few bytes a child sends its parent, and the names of the signals a child may die of.
#include <csignal>
#include <string_view>

#include "app/run_child.hpp"

namespace rapport {
namespace {

constexpr size_t field_count = 4;  // status, committee, pages, problem
constexpr size_t longest_length = 9;  // digits of a field's length: under a gigabyte

void append_field(std::string& message, const std::string& field) {
  message += std::to_string(field.size());
  message += ':';
  message += field;
  message += ',';
}

// The next "LENGTH:BYTES," of `rest`, which is advanced past it; nullopt when there is none whole.
std::optional<std::string> take_field(std::string_view& rest) {
  size_t colon = rest.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > longest_length) return std::nullopt;
  size_t length = 0;
  for (char c : rest.substr(0, colon)) {
    if (c < '0' || c > '9') return std::nullopt;
    length = length * 10 + static_cast<size_t>(c - '0');
  }
  rest.remove_prefix(colon + 1);
  if (rest.size() < length + 1 || rest[length] != ',') return std::nullopt;
  std::string field(rest.substr(0, length));
  rest.remove_prefix(length + 1);
  return field;
}

std::optional<size_t> page_count(const std::string& text) {
  if (text.empty() || text.size() > longest_length || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoul(text);
}

}  // namespace

std::string encode_outcome(const ReportOutcome& outcome) {
  std::string message;
  append_field(message, std::to_string(outcome.status));
  append_field(message, outcome.committee);
  append_field(message, std::to_string(outcome.pages));
  append_field(message, outcome.problem);
  return message;
}

std::optional<ReportOutcome> decode_outcome(const std::string& message) {
  std::string_view rest(message);
  std::vector<std::string> fields;
  while (fields.size() < field_count) {
    auto field = take_field(rest);
    if (!field) return std::nullopt;
    fields.push_back(std::move(*field));
  }
  if (!rest.empty()) return std::nullopt;
  const std::string& status = fields[0];
  if (status != "0" && status != "1" && status != "2") return std::nullopt;
  auto pages = page_count(fields[2]);
  if (!pages) return std::nullopt;
  return ReportOutcome{status[0] - '0', fields[1], *pages, fields[3]};
}

std::string signal_name(int signal) {
  switch (signal) {
    case SIGSEGV: return "SIGSEGV";
    case SIGABRT: return "SIGABRT";
    case SIGKILL: return "SIGKILL";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    case SIGPIPE: return "SIGPIPE";
    case SIGXCPU: return "SIGXCPU";
    case SIGTRAP: return "SIGTRAP";
    default: return "signal " + std::to_string(signal);
  }
}

}  // namespace rapport

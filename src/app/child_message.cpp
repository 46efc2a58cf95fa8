// The few bytes a worker sends its parent for each report, and the names of the signals a worker
// may die of.
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

enum class Scan { partial, whole, garbled };

// Whether `rest` begins with a whole field, with the start of one still arriving, or with
// something that can never become one.
Scan scan_field(std::string_view rest) {
  size_t digits = 0;
  while (digits < rest.size() && digits <= longest_length && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits > longest_length) return Scan::garbled;
  if (digits == rest.size()) return Scan::partial;
  if (digits == 0 || rest[digits] != ':') return Scan::garbled;
  size_t length = 0;
  for (char c : rest.substr(0, digits)) length = length * 10 + static_cast<size_t>(c - '0');
  if (rest.size() < digits + length + 2) return Scan::partial;
  return rest[digits + 1 + length] == ',' ? Scan::whole : Scan::garbled;
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

std::string encode_reply(const ReportOutcome& outcome, bool last) {
  std::string reply;
  append_field(reply, encode_outcome(outcome));
  append_field(reply, last ? "last" : "more");
  return reply;
}

Reply decode_reply(std::string_view received) {
  std::string_view rest = received;
  std::vector<std::string> fields;
  for (size_t i = 0; i < 2; ++i) {
    Scan scan = scan_field(rest);
    if (scan != Scan::whole) return {scan == Scan::partial ? Reply::State::partial : Reply::State::garbled, {}, false};
    fields.push_back(*take_field(rest));
  }
  auto outcome = decode_outcome(fields[0]);
  if (!rest.empty() || !outcome || (fields[1] != "last" && fields[1] != "more")) return {Reply::State::garbled, {}, false};
  return {Reply::State::whole, *outcome, fields[1] == "last"};
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

// rapport: official committee reports from YAML to PDF.
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "app/prepare_heap.hpp"
#include "app/run_pipeline.hpp"
#include "app/run_batch.hpp"
#include "app/watch_preview.hpp"
#include "app/write_preview.hpp"
#include "app/check_output.hpp"
#include "export/atomic_output.hpp"
#include "export/write_manifest.hpp"
#include "export/write_pdf.hpp"

#include <map>
#include <tuple>

#include "style/layout_files.hpp"
#include "style/load_style.hpp"

namespace {

using namespace rapport;

constexpr int exit_ok = 0, exit_failure = 1, exit_bad_input = 2;

const char* const main_help = R"(usage: rapport COMMAND [OPTIONS]

Turns a committee report written in YAML into its official PDF.

commands:
  render REPORT.yaml [-o OUT.pdf] [--layout NAME|FILE] [--root DIR] [--final]   render the report to PDF
  check REPORT.yaml [--layout NAME|FILE] [--root DIR]    validate only; list every problem
  preview REPORT.yaml -o DIR [--pages 3-5] [--dpi 96] [--root DIR] [--watch]   PNG pages and an index.html contact sheet
  specimen LAYOUT [-o specimen.pdf]                      a sample document showing all a layout styles
  batch PATH... -o OUTDIR [-j N] [--layout …] [--root DIR] [--final] [--timeout S] [--memory MIB] [--volume OUT.pdf]
                                                         render every report found, in parallel,
                                                         and optionally bind them into one volume

options:
  --root DIR  a report reads only files under its own folder, the shipped layouts and fonts
              and the system hyphenation and colour folders; --root DIR (repeatable) also
              allows DIR
  --help      show help (also after a command: rapport render --help)
  --version   show the version

exit status: 0 success, 2 bad input, 1 anything else
)";

const char* const render_help = R"(usage: rapport render REPORT.yaml [-o OUT.pdf] [--layout NAME|FILE] [--root DIR] [--final]

Renders REPORT.yaml to PDF. The output is written to a temporary file and renamed into
place, so an earlier PDF stays as it was when anything goes wrong.

  -o, --output OUT.pdf   where to write (default: REPORT.pdf beside the input); refused
                         when it is an input of the render, exists and is not a regular
                         file, or its folder does not exist
  --root DIR             also allow reading files under DIR (default: only the report's
                         folder, the shipped layouts and fonts, and the system hyphenation
                         and colour profile folders); may be given more than once
  --layout NAME|FILE     a layout by name (NAME.yaml beside the report, else a shipped
                         one), or a layout file relative to the current folder
                         (default: the report's document.layout, else "default")
  --final                the version to sign off: refused (exit 2, every reason listed)
                         while anything is unresolved — warnings, figures that do not
                         add up, TODO markers, missing decision metadata, icons without
                         alternative text; no draft watermark ("UTKAST"); and a manifest
                         OUT.manifest.json with the SHA-256 of the PDF and of every input
)";

const char* const preview_help = R"(usage: rapport preview REPORT.yaml -o DIR [--pages 3-5] [--dpi 96] [--layout NAME|FILE] [--root DIR]

Writes one PNG per page (page-001.png, …) that breaks exactly as the PDF does, and
index.html, a contact sheet of them, into DIR. Previews carry the draft watermark.

  -o, --output DIR     the directory to write into (created when missing)
  --pages RANGE        only these pages: 4, 3-5 or 3- (default: all)
  --dpi N              resolution (default 96)
  --layout NAME|FILE   as for render
  --root DIR           as for render
  --watch              render again whenever the report, a CSV file it reads or its layout
                       changes (only changed pages are written); Ctrl-C ends it
)";

const char* const specimen_help = R"(usage: rapport specimen LAYOUT [-o OUT.pdf]

Renders a sample document with LAYOUT (a name under layouts/ or a layout file): every heading
level, body text with hyphenation, lists, every status of the layout, number formats, a
budget table over a page break, header, footer, cover and back page, so a layout can be
judged without real content. Default output: specimen-LAYOUT.pdf.
)";

const char* const batch_help = R"(usage: rapport batch PATH... -o OUTDIR [-j N] [--layout NAME|FILE] [--root DIR] [--final]
                     [--timeout SECONDS] [--memory MIB] [--volume OUT.pdf [--volume-title TEXT]]

Renders every report under PATH (a report file, or a directory searched, through directory
symlinks, for .yaml files whose top level has a document key) into OUTDIR as NAME.pdf, on N
worker processes (default: the number of cores). A broken input is reported with its
file:line:col; a report that crashes, overruns --timeout or runs out of memory fails alone (its
worker is replaced), and the others are rendered all the same. Prints a line per report (a
progress bar on a terminal) and a summary. Exit status 0 when every report rendered, 2 when an
input was bad, 1 for other failures (a crash or a timeout among them).

  --root DIR            also allow each report to read files under DIR (as for render)
  -j N                  reports rendered at once
  --timeout SECONDS     a report still rendering after this long is stopped and failed
                        (default 300)
  --memory MIB          the memory each worker process may take, as address space
                        (default 4096); a report that needs more fails
  --volume OUT.pdf      also bind every report into one PDF: a common cover and contents, each
                        report a part in its own layout, pages numbered through, an outline
                        by report. Reports are bound in the order given (a directory's in name
                        order; a report named twice is bound once, where it first appears).
                        Written only when every report rendered.
  --volume-title TEXT   the volume's title (default: the first report's)
)";

const char* const check_help = R"(usage: rapport check REPORT.yaml [--layout NAME|FILE] [--root DIR]

Loads and validates REPORT.yaml and lays it out without writing anything; prints every
problem found as file:line:col: message. Exit status 0 when the report is valid, 2 when not.
)";

struct Arguments {
  std::string command;
  std::string input;
  std::vector<std::string> more_inputs;  // batch takes several paths
  std::string jobs;
  std::optional<std::string> timeout, memory;  // batch's budgets per report; "" is a value too
  std::string volume, volume_title;
  std::string output;
  std::string layout;
  std::vector<std::string> roots;  // --root, any number of times
  bool help = false;
  bool version = false;
  bool final = false;
  std::string pages;
  std::string dpi;
  bool watch = false;
  size_t watch_limit = 0;  // hidden, for tests: stop after this many renders
};

class UsageError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

Arguments parse_arguments(const std::vector<std::string>& args) {
  Arguments a;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw UsageError(arg + " needs a value");
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") a.help = true;
    else if (arg == "--version") a.version = true;
    else if (arg == "-o" || arg == "--output") a.output = value();
    else if (arg == "--layout") a.layout = value();
    else if (arg == "--root") {
      a.roots.push_back(value());
      if (!std::filesystem::is_directory(a.roots.back())) throw UsageError("--root must name a folder, found '" + a.roots.back() + "'");
    }
    else if (arg == "--final") a.final = true;
    else if (arg == "--pages") a.pages = value();
    else if (arg == "--dpi") a.dpi = value();
    else if (arg == "--watch") a.watch = true;
    else if (arg == "-j" || arg == "--jobs") a.jobs = value();
    else if (arg == "--timeout") a.timeout = value();
    else if (arg == "--memory") a.memory = value();
    else if (arg == "--volume") a.volume = value();
    else if (arg == "--volume-title") a.volume_title = value();
    else if (arg == "--watch-limit") {
      std::string limit = value();
      if (limit.empty() || limit.size() > 9 || limit.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError("--watch-limit must be a number of renders");
      a.watch_limit = std::stoul(limit);
    }
    else if (arg.starts_with("-")) throw UsageError("unknown option " + arg);
    else if (a.command.empty()) a.command = arg;
    else if (a.input.empty()) a.input = arg;
    else if (a.command == "batch") a.more_inputs.push_back(arg);
    else throw UsageError("unexpected argument " + arg);
  }
  return a;
}

void print_diagnostics(const Diagnostics& diags, Severity least) { std::cerr << diags.format(least); }

int render(const Arguments& a) {
  auto started = std::chrono::steady_clock::now();
  std::string output = a.output;
  if (output.empty()) output = std::filesystem::path(a.input).replace_extension(".pdf").string();
  PipelineResult result = run_pipeline({a.input, a.layout, a.final, a.roots, true});
  print_diagnostics(result.warnings, Severity::warning);
  std::cerr << "rapport: layout " << layout_display_name(result.layout) << "\n";
  check_output(output, result.archive_inputs);
  if (a.final) {
    check_output(manifest_path_for(output), result.archive_inputs);
    write_final_pdf(result.frames, output, result.archive_inputs, std::filesystem::path(a.input).parent_path().string());
  } else {
    write_pdf(result.frames, output);
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  std::cerr << "rapport: wrote " << output << " (" << result.frames.page_count() << " pages, " << ms << " ms)\n";
  return exit_ok;
}

// "nan" and "inf" are numbers to strtod but no resolution; from_chars with a range check is exact.
double parse_dpi(const std::string& text) {
  double dpi = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), dpi);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(dpi))
    throw UsageError("--dpi must be a number, found '" + text + "'");
  if (dpi < 10 || dpi > 1200) throw UsageError("--dpi must be between 10 and 1200");
  return dpi;
}

int preview(const Arguments& a) {
  auto started = std::chrono::steady_clock::now();
  if (a.output.empty()) throw UsageError("preview needs -o DIR");
  PreviewOptions options;
  options.directory = a.output;
  try {
    if (!a.pages.empty()) std::tie(options.first_page, options.last_page) = parse_page_range(a.pages);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  if (!a.dpi.empty()) options.dpi = parse_dpi(a.dpi);
  if (a.watch) return watch_preview({a.input, a.layout, false, a.roots}, options, a.watch_limit, std::cerr);
  PipelineResult result = run_pipeline({a.input, a.layout, false, a.roots});
  print_diagnostics(result.warnings, Severity::warning);
  PreviewResult written = write_preview(result.frames, result.frames.metadata.title, options);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  std::cerr << "rapport: wrote " << written.pages << " page images and index.html to " << a.output << " (" << ms << " ms)\n";
  return exit_ok;
}

int specimen(const Arguments& a) {
  std::string sample = (std::filesystem::path(data_directory()) / "input" / "specimen" / "layout-specimen.yaml").string();
  std::string output = a.output;
  if (output.empty()) output = "specimen-" + std::filesystem::path(a.input).stem().string() + ".pdf";
  // The layout is the specimen's subject: its own folder may be read, as a report's is.
  std::vector<std::string> roots = a.roots;
  if (names_a_file(a.input)) roots.push_back(std::filesystem::absolute(a.input).parent_path().string());
  PipelineResult result = run_pipeline({sample, a.input, false, roots, true});
  print_diagnostics(result.warnings, Severity::warning);
  check_output(output, result.archive_inputs);
  write_pdf(result.frames, output);
  std::cerr << "rapport: wrote " << output << " (" << result.frames.page_count() << " pages)\n";
  return exit_ok;
}

// `value` as a whole number from 1 to `largest`; anything else is a usage error naming `option`.
unsigned positive_integer(const std::string& value, const std::string& option, const std::string& what, unsigned largest) {
  bool digits = !value.empty() && value.size() <= 9 && value.find_first_not_of("0123456789") == std::string::npos;
  unsigned number = digits ? static_cast<unsigned>(std::stoul(value)) : 0;
  if (number == 0 || number > largest)
    throw UsageError(option + " must be " + what + " from 1 to " + std::to_string(largest) + ", found '" + value + "'");
  return number;
}

int batch(const Arguments& a) {
  if (a.output.empty()) throw UsageError("batch needs -o OUTDIR");
  BatchOptions options;
  options.paths.push_back(a.input);
  options.paths.insert(options.paths.end(), a.more_inputs.begin(), a.more_inputs.end());
  options.output_directory = a.output;
  options.layout = a.layout;
  options.roots = a.roots;
  options.final = a.final;
  options.volume = a.volume;
  options.volume_title = a.volume_title;
  if (!a.volume_title.empty() && a.volume.empty()) throw UsageError("--volume-title needs --volume OUT.pdf");
  options.terminal = isatty(STDERR_FILENO);
  // "-j 2x" once ran two workers: stoul stops at the first letter.
  if (!a.jobs.empty()) options.jobs = positive_integer(a.jobs, "-j", "a number of workers", 256);
  if (a.timeout) options.timeout_seconds = positive_integer(*a.timeout, "--timeout", "a number of seconds", 86400);
  if (a.memory) options.memory_mib = positive_integer(*a.memory, "--memory", "a number of MiB", 1u << 20);
  return run_batch(options, std::cerr);
}

int check(const Arguments& a) {
  PipelineResult result = run_pipeline({a.input, a.layout, false, a.roots});
  print_diagnostics(result.warnings, Severity::note);  // check also tells of rounding differences
  std::cerr << "rapport: layout " << layout_display_name(result.layout) << "\n";
  std::cerr << "rapport: " << a.input << " is valid (" << result.frames.page_count() << " pages)\n";
  return exit_ok;
}

int run(const std::vector<std::string>& args) {
  Arguments a = parse_arguments(args);
  if (a.version) {
    std::cout << "rapport " << RAPPORT_VERSION << "\n";
    return exit_ok;
  }
  if (a.command.empty()) {
    (a.help ? std::cout : std::cerr) << main_help;
    return a.help ? exit_ok : exit_bad_input;
  }
  const std::map<std::string, const char*> helps = {
      {"render", render_help}, {"check", check_help}, {"preview", preview_help}, {"specimen", specimen_help},
      {"batch", batch_help}};
  if (!helps.count(a.command)) throw UsageError("unknown command '" + a.command + "'");
  if (a.help) {
    std::cout << helps.at(a.command);
    return exit_ok;
  }
  if (a.input.empty()) throw UsageError(a.command + (a.command == "specimen" ? " needs a LAYOUT" : " needs a REPORT.yaml"));
  if (a.command == "check" && !a.output.empty()) throw UsageError("check writes nothing; -o does not apply");
  if (a.command == "preview") return preview(a);
  if (a.command == "specimen") return specimen(a);
  if (a.command == "batch") return batch(a);
  return a.command == "render" ? render(a) : check(a);
}

}  // namespace

int main(int argc, char** argv) {
  rapport::prepare_heap();
  remove_temporaries_on_signals();
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError& e) {
    std::cerr << "rapport: " << e.what() << "\n(see rapport --help)\n";
    return exit_bad_input;
  } catch (const InputError& e) {
    std::cerr << e.diagnostics().format();
    return exit_bad_input;
  } catch (const std::exception& e) {
    std::cerr << "rapport: error: " << e.what() << "\n";
    return exit_failure;
  }
}

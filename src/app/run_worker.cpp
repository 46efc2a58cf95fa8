// A batch worker process: renders report after report that the parent hands it through a pipe,
// with one set of fonts for all of them, and replies with each outcome.
#include "app/run_worker.hpp"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <optional>

#include "app/check_output.hpp"
#include "app/run_pipeline.hpp"
#include "export/write_manifest.hpp"
#include "export/write_pdf.hpp"

namespace rapport {

bool write_all(int fd, const void* data, size_t size) {
  const char* bytes = static_cast<const char*>(data);
  for (size_t written = 0; written < size;) {
    ssize_t n = write(fd, bytes + written, size - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    written += static_cast<size_t>(n);
  }
  return true;
}

namespace {

namespace fs = std::filesystem;

constexpr bool under_address_sanitizer() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

void limit_memory(unsigned mib) {
  // AddressSanitizer reserves terabytes of address space for its shadow memory: under an
  // RLIMIT_AS it fails at its first allocation, so a sanitizer build goes without the limit.
  if constexpr (under_address_sanitizer()) return;
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) != 0) return;
  limit.rlim_cur = std::min<rlim_t>(static_cast<rlim_t>(mib) << 20, limit.rlim_max);
  setrlimit(RLIMIT_AS, &limit);
}

// Test-only hooks, read in the worker alone at each report it takes and nowhere documented for
// users: when RAPPORT_TEST_CRASH names this report's file (e.g. "sn.yaml") its worker dies of
// SIGSEGV, and RAPPORT_TEST_HANG makes it sleep for ever; RAPPORT_TEST_PID_DIR names a folder in
// which the worker touches a file named by its PID. The batch tests need a crash and a hang that
// do not depend on a bug someone will fix, and a way to count the workers that rendered;
// RAPPORT_TEST_BAD_ALLOC makes the report named throw std::bad_alloc, as if it ran out of memory.
void obey_test_hooks(const std::string& input) {
  if (const char* pid_dir = std::getenv("RAPPORT_TEST_PID_DIR")) {
    int fd = open((std::string(pid_dir) + "/" + std::to_string(getpid())).c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) close(fd);
  }
  std::string name = fs::path(input).filename().string();
  if (const char* crash = std::getenv("RAPPORT_TEST_CRASH"); crash && name == crash) {
    std::signal(SIGSEGV, SIG_DFL);  // die of the signal even where a sanitizer has a handler for it
    std::raise(SIGSEGV);
  }
  if (const char* hang = std::getenv("RAPPORT_TEST_HANG"); hang && name == hang)
    for (;;) pause();
  if (const char* bad_alloc = std::getenv("RAPPORT_TEST_BAD_ALLOC"); bad_alloc && name == bad_alloc) throw std::bad_alloc();
}

struct Rendered {
  ReportOutcome outcome;
  bool out_of_memory = false;
};

// `fonts` is built at a worker's first report (fontconfig and Pango start here, after the fork)
// and kept for the others: that is what the pool saves.
Rendered render_report(const ReportTask& task, const WorkerJob& job, std::optional<FontRegistry>& fonts) {
  const ChildSettings& settings = job.settings;
  Rendered rendered;
  ReportOutcome& outcome = rendered.outcome;
  try {
    obey_test_hooks(task.input);
    if (!fonts) fonts.emplace(default_font_list());
    PipelineResult result = run_pipeline({task.input, settings.layout, settings.final, settings.roots, true}, *fonts, job.shared);
    check_output(task.output, result.archive_inputs);
    if (settings.final)
      write_final_pdf(result.frames, task.output, result.archive_inputs, fs::path(task.input).parent_path().string());
    else
      write_pdf(result.frames, task.output);
    outcome.committee = result.committee;
    outcome.pages = result.frames.page_count();
  } catch (const InputError& e) {
    outcome.status = 2;
    outcome.problem = e.diagnostics().format(Severity::error);
  } catch (const std::bad_alloc&) {
    outcome.status = 1;
    outcome.problem = "rapport: error: ran out of memory (--memory " + std::to_string(settings.memory_mib) + " MiB)\n";
    rendered.out_of_memory = true;
  } catch (const std::exception& e) {
    outcome.status = 1;
    outcome.problem = std::string("rapport: error: ") + e.what() + "\n";
  }
  return rendered;
}

// The next report's index; nullopt once the parent has closed the pipe: there is no more work.
std::optional<size_t> read_task(int fd, size_t task_count) {
  std::uint64_t index = 0;
  size_t got = 0;
  while (got < sizeof index) {
    ssize_t n = read(fd, reinterpret_cast<char*>(&index) + got, sizeof index - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  if (got == 0) return std::nullopt;
  if (got != sizeof index || index >= task_count) _exit(1);
  return static_cast<size_t>(index);
}

}  // namespace

[[noreturn]] void be_worker(const WorkerJob& job, int request, int reply, pid_t parent) {
  try {
    // Should the parent die (Ctrl-C reaches only its process group), its workers go with it.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
    limit_memory(job.settings.memory_mib);
    std::optional<FontRegistry> fonts;
    while (auto index = read_task(request, job.tasks.size())) {
      Rendered rendered = render_report(job.tasks[*index], job, fonts);
      std::string message = encode_reply(rendered.outcome, rendered.out_of_memory);
      if (!write_all(reply, message.data(), message.size())) _exit(1);
      if (rendered.out_of_memory) _exit(0);  // its heap may be in pieces: a fresh worker takes the next
    }
    _exit(0);
  } catch (...) {
    _exit(1);  // the parent, finding no reply, fails the report in hand
  }
}

}  // namespace rapport

// The batch's children: forked one per report, watched by the parent through a pipe each, killed
// when they overrun their time.
#include "app/run_child.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "app/check_output.hpp"
#include "app/run_pipeline.hpp"
#include "export/write_manifest.hpp"
#include "export/write_pdf.hpp"

namespace rapport {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A child's message is a few diagnostics; anything far longer is not one.
constexpr size_t longest_message = 16u << 20;
// How often the parent looks again at a child whose pipe and process have not both ended.
constexpr int settle_ms = 10;

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

// ---- in the child ----

void limit_memory(unsigned mib) {
  // AddressSanitizer reserves terabytes of address space for its shadow memory: under an
  // RLIMIT_AS it fails at its first allocation, so a sanitizer build goes without the limit.
  if constexpr (under_address_sanitizer()) return;
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) != 0) return;
  limit.rlim_cur = std::min<rlim_t>(static_cast<rlim_t>(mib) << 20, limit.rlim_max);
  setrlimit(RLIMIT_AS, &limit);
}

// Test-only hooks, read in the child alone and nowhere documented for users: when
// RAPPORT_TEST_CRASH names this report's file (e.g. "sn.yaml") its child dies of SIGSEGV, and
// RAPPORT_TEST_HANG makes it sleep for ever. The batch tests need a crash and a hang that do not
// depend on a bug someone will fix.
void obey_test_hooks(const std::string& input) {
  std::string name = fs::path(input).filename().string();
  if (const char* crash = std::getenv("RAPPORT_TEST_CRASH"); crash && name == crash) {
    std::signal(SIGSEGV, SIG_DFL);  // die of the signal even where a sanitizer has a handler for it
    std::raise(SIGSEGV);
  }
  if (const char* hang = std::getenv("RAPPORT_TEST_HANG"); hang && name == hang)
    for (;;) pause();
}

ReportOutcome render_report(const ReportTask& task, const ChildSettings& settings, SharedResources& shared) {
  ReportOutcome outcome;
  try {
    FontRegistry fonts(default_font_list());  // fontconfig and Pango start here, after the fork
    PipelineResult result = run_pipeline({task.input, settings.layout, settings.final, settings.roots}, fonts, shared);
    check_output(task.output, result.archive_inputs);
    if (settings.final)
      write_final_pdf(result.frames, task.output, result.archive_inputs, fs::path(task.input).parent_path().string());
    else
      write_pdf(result.frames, task.output);
    outcome.committee = result.committee;
    outcome.pages = result.frames.pages.size();
  } catch (const InputError& e) {
    outcome.status = 2;
    outcome.problem = e.diagnostics().format(Severity::error);
  } catch (const std::bad_alloc&) {
    outcome.status = 1;
    outcome.problem = "rapport: error: ran out of memory (--memory " + std::to_string(settings.memory_mib) + " MiB)\n";
  } catch (const std::exception& e) {
    outcome.status = 1;
    outcome.problem = std::string("rapport: error: ") + e.what() + "\n";
  }
  return outcome;
}

bool write_all(int fd, const std::string& bytes) {
  for (size_t written = 0; written < bytes.size();) {
    ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    written += static_cast<size_t>(n);
  }
  return true;
}

// Never returns: a child that fell back into the parent's code would run the batch again.
[[noreturn]] void be_child(const ReportTask& task, const ChildSettings& settings, SharedResources& shared, int fd,
                           pid_t parent) {
  try {
    // Should the parent die (Ctrl-C reaches only its process group), its children go with it.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
    limit_memory(settings.memory_mib);
    obey_test_hooks(task.input);
    _exit(write_all(fd, encode_outcome(render_report(task, settings, shared))) ? 0 : 1);
  } catch (...) {
    _exit(1);  // the parent, finding no message, reports the failure
  }
}

// ---- in the parent ----

struct Child {
  size_t index = 0;
  pid_t pid = -1;
  int fd = -1;
  std::string message;
  bool eof = false, reaped = false, timed_out = false;
  int wait_status = 0;
  Clock::time_point started, deadline;
};

ReportOutcome failure(std::string text) { return {1, {}, 0, "rapport: error: " + std::move(text) + "\n"}; }

// Starts the child for tasks[index]; nullopt, with `problem` set, when none could be started.
std::optional<Child> start_child(const std::vector<ReportTask>& tasks, size_t index, const ChildSettings& settings,
                                 SharedResources& shared, std::string& problem) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    problem = std::string("cannot start a worker: ") + std::strerror(errno);
    return std::nullopt;
  }
  pid_t parent = getpid();
  Clock::time_point started = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    setpgid(0, 0);  // its own process group, so that a kill takes anything it started too
    be_child(tasks[index], settings, shared, fds[1], parent);
  }
  close(fds[1]);
  if (pid < 0) {
    problem = std::string("cannot start a worker: ") + std::strerror(errno);
    close(fds[0]);
    return std::nullopt;
  }
  setpgid(pid, pid);  // as the child does: whichever runs first, the group exists before a kill
  Child child;
  child.index = index;
  child.pid = pid;
  child.fd = fds[0];
  child.started = started;
  child.deadline = started + std::chrono::seconds(settings.timeout_seconds);
  return child;
}

void read_from(Child& child) {
  char buffer[65536];
  ssize_t n = read(child.fd, buffer, sizeof buffer);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (n <= 0) {
    close(child.fd);
    child.eof = true;
    return;
  }
  if (child.message.size() < longest_message) child.message.append(buffer, static_cast<size_t>(n));
}

int poll_timeout(const std::vector<Child>& running) {
  auto now = Clock::now();
  long long ms = 60'000;
  for (const auto& child : running) {
    if (child.eof != child.reaped) ms = std::min<long long>(ms, settle_ms);
    if (!child.timed_out)
      ms = std::min<long long>(ms, std::chrono::duration_cast<std::chrono::milliseconds>(child.deadline - now).count() + 1);
  }
  return static_cast<int>(std::max(0LL, ms));
}

// Waits until a child has written, ended or overrun, and takes note of it.
void watch(std::vector<Child>& running) {
  std::vector<pollfd> fds;
  for (const auto& child : running)
    if (!child.eof) fds.push_back({child.fd, POLLIN, 0});
  if (poll(fds.data(), fds.size(), poll_timeout(running)) > 0)
    for (const auto& p : fds)
      if (p.revents)
        for (auto& child : running)
          if (child.fd == p.fd && !child.eof) read_from(child);
  auto now = Clock::now();
  for (auto& child : running) {
    // The child never closes its end of the pipe itself, so the end of the pipe is the end of the
    // child: waiting for it then cannot hang, and does not poll for a process still tearing down.
    int flags = child.eof ? 0 : WNOHANG;
    if (!child.reaped && waitpid(child.pid, &child.wait_status, flags) == child.pid) child.reaped = true;
    bool finished = child.eof && child.reaped;  // in time, however close to the deadline
    if (!finished && !child.timed_out && now >= child.deadline) {
      kill(-child.pid, SIGKILL);  // the group: whatever the child may have started goes too
      if (!child.reaped) kill(child.pid, SIGKILL);  // should the group not exist yet
      child.timed_out = true;
    }
  }
}

ReportOutcome outcome_of(const Child& child, const ChildSettings& settings) {
  if (child.timed_out) return failure("took longer than " + std::to_string(settings.timeout_seconds) + " s (--timeout)");
  if (WIFSIGNALED(child.wait_status)) return failure("crashed (" + signal_name(WTERMSIG(child.wait_status)) + ")");
  auto outcome = decode_outcome(child.message);
  if (outcome && WIFEXITED(child.wait_status) && WEXITSTATUS(child.wait_status) == 0) return *outcome;
  return failure("the worker ended without saying how the render went (exit status " +
                 std::to_string(WIFEXITED(child.wait_status) ? WEXITSTATUS(child.wait_status) : -1) + ")");
}

// A child killed while writing leaves write_atomically's temporary, ".NAME.pdf.XXXXXX", beside
// the output; no one else will ever remove it.
void remove_temporaries(const std::string& output) {
  std::error_code error;
  fs::path directory = fs::path(output).parent_path();
  if (directory.empty()) directory = ".";
  std::vector<std::string> prefixes;
  for (const auto& target : {output, manifest_path_for(output)})
    prefixes.push_back("." + fs::path(target).filename().string() + ".");
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    std::string name = it->path().filename().string();
    for (const auto& prefix : prefixes)
      if (name.size() == prefix.size() + 6 && name.starts_with(prefix)) fs::remove(it->path(), error);
  }
}

long long elapsed_ms(Clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
}

}  // namespace

void run_in_children(const std::vector<ReportTask>& tasks, const std::vector<size_t>& order, const ChildSettings& settings,
                     SharedResources& shared, const std::function<void(size_t, const ReportOutcome&, long long)>& done) {
  std::vector<Child> running;
  size_t next = 0;
  while (next < order.size() || !running.empty()) {
    while (running.size() < std::max(1u, settings.jobs) && next < order.size()) {
      size_t index = order[next++];
      std::string problem;
      if (auto child = start_child(tasks, index, settings, shared, problem)) running.push_back(std::move(*child));
      else done(index, failure(problem), 0);
    }
    if (running.empty()) continue;  // none could be started: nothing to wait for
    watch(running);
    for (auto it = running.begin(); it != running.end();) {
      if (!it->eof || !it->reaped) {
        ++it;
        continue;
      }
      ReportOutcome outcome = outcome_of(*it, settings);
      bool ended_normally = !it->timed_out && decode_outcome(it->message) && WIFEXITED(it->wait_status);
      if (!ended_normally) remove_temporaries(tasks[it->index].output);
      done(it->index, outcome, elapsed_ms(it->started));
      it = running.erase(it);
    }
  }
}

}  // namespace rapport

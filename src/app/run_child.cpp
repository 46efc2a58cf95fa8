// The parent's side of the batch's worker processes (run_worker.cpp is theirs): forked a few at
// once, handed report after report through a pipe, killed and replaced when a report crashes or
// overruns.
#include "app/run_child.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "app/run_worker.hpp"
#include "export/write_manifest.hpp"

namespace rapport {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A worker's reply is a few diagnostics; anything far longer is not one.
constexpr size_t longest_message = 16u << 20;

// A worker slot in the parent. pid -1: none there now; one is forked when a report needs it.
struct Worker {
  pid_t pid = -1;
  int request = -1, reply = -1;  // the parent's ends of the worker's two pipes
  std::optional<size_t> task;    // the report in its hands
  std::string received;          // of its reply so far
  Clock::time_point handed, deadline;
};

struct Pool {
  const std::vector<ReportTask>& tasks;
  const ChildSettings& settings;
  SharedResources& shared;
  const std::function<void(size_t, const ReportOutcome&, long long)>& done;
  std::vector<Worker> workers;
};

// ---- in the parent ----

ReportOutcome failure(std::string text) { return {1, {}, 0, "rapport: error: " + std::move(text) + "\n"}; }

bool open_pipe(int fds[2], std::string& problem) {
  if (pipe2(fds, O_CLOEXEC) == 0) return true;
  problem = std::string("cannot start a worker: ") + std::strerror(errno);
  return false;
}

// In a fresh worker: the other workers' request pipes, inherited from the parent across the fork
// (O_CLOEXEC acts at exec only), would keep those pipes open after the parent closes them, and
// their workers would wait for work for ever.
void close_other_workers(const Pool& pool) {
  for (const auto& worker : pool.workers) {
    if (worker.request >= 0) close(worker.request);
    if (worker.reply >= 0) close(worker.reply);
  }
}

// Forks a worker into the empty slot `worker`; false, with `problem` set, when none could be.
bool start_worker(Pool& pool, Worker& worker, std::string& problem) {
  int request[2], reply[2];
  if (!open_pipe(request, problem)) return false;
  if (!open_pipe(reply, problem)) {
    close(request[0]);
    close(request[1]);
    return false;
  }
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    close(request[1]);
    close(reply[0]);
    close_other_workers(pool);
    setpgid(0, 0);  // its own process group, so that a kill takes anything it started too
    be_worker({pool.tasks, pool.settings, pool.shared}, request[0], reply[1], parent);
  }
  close(request[0]);
  close(reply[1]);
  if (pid < 0) {
    problem = std::string("cannot start a worker: ") + std::strerror(errno);
    close(request[1]);
    close(reply[0]);
    return false;
  }
  setpgid(pid, pid);  // as the worker does: whichever runs first, the group exists before a kill
  worker.pid = pid;
  worker.request = request[1];
  worker.reply = reply[0];
  return true;
}

// Ends the worker in the slot (a kill when `kill_it`, else closing its request pipe, which it
// reads as the end of its work), reaps it and returns its wait status. The slot keeps its task.
int end_worker(Worker& worker, bool kill_it) {
  if (kill_it) {
    kill(-worker.pid, SIGKILL);  // the group: whatever the worker may have started goes too
    kill(worker.pid, SIGKILL);   // should the group not exist yet
  }
  if (worker.request >= 0) close(worker.request);
  if (worker.reply >= 0) close(worker.reply);
  int status = 0;
  while (waitpid(worker.pid, &status, 0) < 0 && errno == EINTR) {
  }
  worker.pid = -1;
  worker.request = worker.reply = -1;
  worker.received.clear();
  return status;
}

// A worker that died while idle leaves no reader on its request pipe, and writing there raises
// SIGPIPE, which would kill the whole batch: blocked for the write, and taken off again if raised.
bool send_task(int fd, size_t index) {
  sigset_t pipe_signal, old;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  sigprocmask(SIG_BLOCK, &pipe_signal, &old);
  std::uint64_t task = index;
  bool sent = write_all(fd, &task, sizeof task);
  timespec now{};
  if (!sent) sigtimedwait(&pipe_signal, nullptr, &now);
  sigprocmask(SIG_SETMASK, &old, nullptr);
  return sent;
}

// Gives tasks[index] to the idle worker in the slot, forking one first if the slot is empty or
// its worker died while it waited; failed alone when no worker can be had.
void hand_out(Pool& pool, Worker& worker, size_t index) {
  std::string problem = "cannot start a worker: it ended before taking its report";
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (worker.pid < 0 && !start_worker(pool, worker, problem)) break;
    worker.handed = Clock::now();
    if (send_task(worker.request, index)) {
      worker.task = index;
      worker.deadline = worker.handed + std::chrono::seconds(pool.settings.timeout_seconds);
      return;
    }
    end_worker(worker, true);
  }
  pool.done(index, failure(problem), 0);
}

// A worker killed while writing leaves write_atomically's temporary, ".NAME.pdf.XXXXXX", beside
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

// The report in the worker's hands has ended: told to the caller, its temporaries removed unless
// its worker replied.
void finish(Pool& pool, Worker& worker, const ReportOutcome& outcome, bool replied) {
  size_t index = *worker.task;
  worker.task.reset();
  worker.received.clear();
  if (!replied) remove_temporaries(pool.tasks[index].output);
  pool.done(index, outcome, elapsed_ms(worker.handed));
}

// The worker closed its reply pipe with a report in its hands: it has died.
void worker_died(Pool& pool, Worker& worker) {
  int status = end_worker(worker, false);  // the end of its pipe is its end: the wait cannot hang
  if (WIFSIGNALED(status)) return finish(pool, worker, failure("crashed (" + signal_name(WTERMSIG(status)) + ")"), false);
  finish(pool, worker,
         failure("the worker ended without saying how the render went (exit status " +
                 std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")"),
         false);
}

void read_reply(Pool& pool, Worker& worker) {
  char buffer[65536];
  ssize_t n = read(worker.reply, buffer, sizeof buffer);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (n <= 0) return worker_died(pool, worker);
  worker.received.append(buffer, static_cast<size_t>(n));
  Reply reply = decode_reply(worker.received);
  if (reply.state == Reply::State::partial && worker.received.size() > longest_message) reply.state = Reply::State::garbled;
  if (reply.state == Reply::State::partial) return;
  if (reply.state == Reply::State::garbled) {
    end_worker(worker, true);  // what else it may say cannot be trusted either
    return finish(pool, worker, failure("the worker ended without saying how the render went (a garbled reply)"), false);
  }
  finish(pool, worker, reply.outcome, true);
  if (reply.last) end_worker(worker, false);
}

int poll_timeout(const Pool& pool) {
  auto now = Clock::now();
  long long ms = 60'000;
  for (const auto& worker : pool.workers)
    if (worker.task)
      ms = std::min<long long>(ms, std::chrono::duration_cast<std::chrono::milliseconds>(worker.deadline - now).count() + 1);
  return static_cast<int>(std::max(0LL, ms));
}

// Waits until a busy worker has written, ended or overrun, and deals with it.
void watch(Pool& pool) {
  std::vector<pollfd> fds;
  std::vector<Worker*> owners;
  for (auto& worker : pool.workers)
    if (worker.task) {
      fds.push_back({worker.reply, POLLIN, 0});
      owners.push_back(&worker);
    }
  if (poll(fds.data(), fds.size(), poll_timeout(pool)) > 0)
    for (size_t i = 0; i < fds.size(); ++i)
      if (fds[i].revents) read_reply(pool, *owners[i]);
  // After the replies: a worker that replied by its deadline, however close, is not late.
  auto now = Clock::now();
  for (auto& worker : pool.workers)
    if (worker.task && now >= worker.deadline) {
      end_worker(worker, true);
      finish(pool, worker, failure("took longer than " + std::to_string(pool.settings.timeout_seconds) + " s (--timeout)"),
             false);
    }
}

bool any_busy(const Pool& pool) {
  return std::any_of(pool.workers.begin(), pool.workers.end(), [](const Worker& w) { return w.task.has_value(); });
}

}  // namespace

void run_in_children(const std::vector<ReportTask>& tasks, const std::vector<size_t>& order, const ChildSettings& settings,
                     SharedResources& shared, const std::function<void(size_t, const ReportOutcome&, long long)>& done) {
  Pool pool{tasks, settings, shared, done, std::vector<Worker>(std::min<size_t>(std::max(1u, settings.jobs), order.size()))};
  std::string problem;  // a worker not started now is tried again, and its failure told, at hand-out
  for (auto& worker : pool.workers) start_worker(pool, worker, problem);
  size_t next = 0;
  while (next < order.size() || any_busy(pool)) {
    for (auto& worker : pool.workers)
      if (!worker.task && next < order.size()) hand_out(pool, worker, order[next++]);
    if (any_busy(pool)) watch(pool);
  }
  // Closing every request pipe first lets the workers exit side by side.
  for (auto& worker : pool.workers)
    if (worker.pid >= 0) {
      close(worker.request);
      worker.request = -1;
    }
  for (auto& worker : pool.workers)
    if (worker.pid >= 0) end_worker(worker, false);
}

}  // namespace rapport

#include "export/atomic_output.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace rapport {
namespace {

// The one process-wide registry in rapport, and deliberately so: a signal handler can reach
// nothing but globals, and it may only call async-signal-safe functions (unlink, signal,
// raise) on lock-free atomics and plain memory — no allocation, no locks, no std::string. So
// the temporaries in progress sit in a small fixed table; a batch's workers each claim a slot.
// Should the table be full, a temporary goes unregistered and a signal may leave it behind.
constexpr size_t slots = 64;
constexpr size_t longest_path = 4096;
enum SlotState : int { slot_free, slot_busy, slot_ready };
struct Slot {
  std::atomic<int> state{slot_free};
  char path[longest_path] = {};
};
// constinit: zero pages the kernel gives on first use, where a constructor run at start-up
// touched all 256 KB (70 page faults).
constinit std::array<Slot, slots> temporaries;
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void remove_temporaries_and_die(int signal_number) {
  for (auto& slot : temporaries)
    if (slot.state.load() == slot_ready) unlink(slot.path);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// Registers `path` for the signal handler; returns the slot, or slots when the table is full.
size_t register_temporary(const std::string& path) {
  if (path.size() >= longest_path) return slots;
  for (size_t i = 0; i < slots; ++i) {
    int expected = slot_free;
    if (temporaries[i].state.compare_exchange_strong(expected, slot_busy)) {
      std::memcpy(temporaries[i].path, path.c_str(), path.size() + 1);
      temporaries[i].state.store(slot_ready);
      return i;
    }
  }
  return slots;
}

void unregister_temporary(size_t slot) {
  if (slot < slots) temporaries[slot].state.store(slot_free);
}

// The temporary file itself: registered while it exists, removed unless renamed into place.
class Temporary {
 public:
  explicit Temporary(const std::filesystem::path& directory, const std::string& name) {
    std::string pattern = (directory / ("." + name + ".XXXXXX")).string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    // Block the signals while the file appears and is registered, so none falls in between.
    sigset_t block, previous;
    sigemptyset(&block);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, s);
    pthread_sigmask(SIG_BLOCK, &block, &previous);
    int fd = mkstemp(buffer.data());
    if (fd >= 0) {
      path_ = buffer.data();
      slot_ = register_temporary(path_);
      close(fd);
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    if (fd < 0) throw std::runtime_error("cannot write in the directory " + directory.string());
  }
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;
  ~Temporary() {
    if (!path_.empty()) unlink(path_.c_str());
    unregister_temporary(slot_);
  }
  const std::string& path() const { return path_; }
  void rename_to(const std::filesystem::path& target) {
    std::filesystem::rename(path_, target);
    path_.clear();
  }

 private:
  std::string path_;
  size_t slot_ = slots;
};

}  // namespace

void write_atomically(const std::string& path, const std::function<void(const std::string& temporary)>& write) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path directory = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  Temporary temporary(directory, target.filename().string());
  write(temporary.path());
  fs::permissions(temporary.path(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
  temporary.rename_to(target);
}

void remove_temporaries_on_signals() {
  for (int s : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_die;
    sigemptyset(&action.sa_mask);
    sigaction(s, &action, nullptr);
  }
}

}  // namespace rapport

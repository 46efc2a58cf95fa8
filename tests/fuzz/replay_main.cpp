// The plain replay of a harness, built by the normal compiler (and so under ASan+UBSan in the
// sanitize build): every file named, or every file in a directory named, goes through the
// same LLVMFuzzerTestOneInput the fuzzer calls. A crash or a sanitizer report fails the test;
// CTest's TIMEOUT catches a hang.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

// libFuzzer's -rss_limit_mb for the replay: the known layout hangs allocate pages without end,
// and on a shared machine a test must fail at 2 GB rather than wait for CTest's timeout.
constexpr long rss_limit_mb = 2048;

long resident_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024) / 1024;
}

void watch_memory() {
  for (;;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (resident_mb() > rss_limit_mb) {
      std::cerr << "out of memory: more than " << rss_limit_mb << " MB resident\n";
      std::_Exit(1);
    }
  }
}

std::vector<std::filesystem::path> inputs_under(const std::filesystem::path& path) {
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::directory_iterator(path))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // the same order every run
  } else {
    files.push_back(path);
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " FILE|DIR...\n";
    return 2;
  }
  std::thread(watch_memory).detach();
  int replayed = 0;
  for (int i = 1; i < argc; ++i) {
    for (const auto& file : inputs_under(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::cerr << "cannot read " << file << "\n";
        return 2;
      }
      std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      // Named before it runs, so a crash's output says which input it was.
      std::cerr << "replaying " << file.string() << " (" << bytes.size() << " bytes)\n";
      LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
      ++replayed;
    }
  }
  std::cerr << replayed << " input(s) replayed\n";
  return 0;
}

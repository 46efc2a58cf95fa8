#pragma once
// The worker side of the batch's process pool (run_child.cpp is the parent's side).
#include <sys/types.h>

#include <cstddef>
#include <vector>

#include "app/run_child.hpp"

namespace rapport {

// What every worker is given at its fork: the reports, the settings and the parent's resources.
struct WorkerJob {
  const std::vector<ReportTask>& tasks;
  const ChildSettings& settings;
  SharedResources& shared;
};

// Runs in a forked worker: reads task indexes from `request` until it closes, renders each and
// writes its reply to `reply`. Never returns: a worker that fell back into the parent's code
// would run the batch again.
[[noreturn]] void be_worker(const WorkerJob& job, int request, int reply, pid_t parent);

// Writes all of `data`, retrying after signals; false when the pipe is gone.
bool write_all(int fd, const void* data, size_t size);

}  // namespace rapport

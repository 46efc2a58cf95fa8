#pragma once
// Before anything is written: an output must never destroy an input or a special file.
#include <string>
#include <vector>

namespace rapport {

// Throws InputError at `output` (exit status 2; nothing written) when `output` is the same
// file as any of `inputs` (by device and inode, so another name or a link is caught too),
// exists and is not a regular file (a folder, FIFO, device), or would go into a folder that
// does not exist — render and specimen create no folders; batch and preview create OUTDIR.
void check_output(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace rapport

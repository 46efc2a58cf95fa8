#include "app/check_output.hpp"

#include <filesystem>

#include "diag/diagnostic.hpp"

namespace rapport {
void check_output(const std::string& output, const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::file_status status = fs::status(output, error);
  if (fs::exists(status) && !fs::is_regular_file(status))
    throw_input_error({output, 0, 0}, "the output exists and is not a regular file", "write the PDF to a file name, not a folder, device or pipe");
  if (fs::exists(status))
    for (const auto& input : inputs)
      if (fs::equivalent(output, input, error))
        throw_input_error({output, 0, 0}, "the output is an input of the render ('" + input + "'); writing would destroy it",
               "choose another output with -o, for example a name ending in .pdf");
  fs::path folder = fs::path(output).parent_path();
  if (!folder.empty() && !fs::is_directory(folder, error))
    throw_input_error({output, 0, 0}, "the folder " + folder.string() + " does not exist", "create it first (mkdir -p " + folder.string() + ")");
}

}  // namespace rapport

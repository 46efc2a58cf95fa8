#include "load/data_directory.hpp"

#include <cstdlib>

namespace rapport {

std::string data_directory() {
  // Read at each call; never stored in a global.
  if (const char* home = std::getenv("RAPPORT_HOME"); home && *home) return home;
  return RAPPORT_SOURCE_DIR;
}

}  // namespace rapport

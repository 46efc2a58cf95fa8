#pragma once
#include <string>

namespace rapport {

// Where layouts/ and fonts/ live: $RAPPORT_HOME, else the source tree rapport was built from.
std::string data_directory();

}  // namespace rapport

#include "frames/load_rsvg.hpp"

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace rapport {
namespace {

Rsvg open_rsvg() {
  // The library stays loaded for the life of the process, as a linked one would.
  void* library = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
  if (!library) throw std::runtime_error(std::string("cannot load librsvg, which draws SVG pictures: ") + dlerror());
  auto find = [&](const char* name) {
    void* symbol = dlsym(library, name);
    if (!symbol) throw std::runtime_error(std::string("librsvg has no ") + name);
    return symbol;
  };
  Rsvg loaded;
  loaded.new_from_data = reinterpret_cast<decltype(loaded.new_from_data)>(find("rsvg_handle_new_from_data"));
  loaded.intrinsic_size_in_pixels =
      reinterpret_cast<decltype(loaded.intrinsic_size_in_pixels)>(find("rsvg_handle_get_intrinsic_size_in_pixels"));
  loaded.render_document = reinterpret_cast<decltype(loaded.render_document)>(find("rsvg_handle_render_document"));
  return loaded;
}

}  // namespace

const Rsvg& rsvg() {
  static const Rsvg loaded = open_rsvg();
  return loaded;
}

}  // namespace rapport

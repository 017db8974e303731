#pragma once
// Files built into the program. The definitions are generated at build time
// by cmake/EmbedFiles.cmake from sim/serve/web/* and scenarios/workshop.yaml;
// see assets.hpp for what uses them.
#include <span>
#include <string_view>

namespace detente::serve {

struct EmbeddedFile {
  std::string_view name;  // "/" + the file's path under its folder
  std::string_view bytes;
};

std::span<const EmbeddedFile> embedded_web_files();
std::span<const EmbeddedFile> embedded_scenario_files();

}  // namespace detente::serve

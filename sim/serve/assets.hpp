#pragma once
// The workshop page and the default workshop scenario, built into the
// program from sim/serve/web/ and scenarios/workshop.yaml (CMake turns them
// into a generated source file), so `detente serve` needs no files beside it
// and no internet access.
#include <optional>
#include <string_view>
#include <vector>

namespace detente::serve {

struct Asset {
  std::string_view path;  // "/index.html", "/app.js", …
  std::string_view content_type;
  std::string_view body;
};

// Every file of the page, and /metric_table.json (`detente metrics --json`,
// whose labels the page shows); "/" is served as "/index.html".
std::vector<Asset> web_assets();
// The asset served for a request target (query ignored), if there is one.
std::optional<Asset> find_asset(std::string_view target);

// scenarios/workshop.yaml as it was when the program was built.
std::string_view default_workshop_scenario();

}  // namespace detente::serve

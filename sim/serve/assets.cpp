#include "serve/assets.hpp"

#include <utility>

#include "serve/embedded_files.hpp"

namespace detente::serve {
namespace {

std::string_view content_type_of(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"}};
  for (const auto& [ending, type] : kTypes)
    if (path.ends_with(ending)) return type;
  return "application/octet-stream";
}

}  // namespace

std::vector<Asset> web_assets() {
  std::vector<Asset> out;
  for (const EmbeddedFile& f : embedded_web_files())
    out.push_back({f.name, content_type_of(f.name), f.bytes});
  return out;
}

std::optional<Asset> find_asset(std::string_view target) {
  const std::size_t query = target.find_first_of("?#");
  if (query != std::string_view::npos) target = target.substr(0, query);
  if (target == "/") target = "/index.html";
  for (const EmbeddedFile& f : embedded_web_files())
    if (f.name == target) return Asset{f.name, content_type_of(f.name), f.bytes};
  return std::nullopt;
}

std::string_view default_workshop_scenario() {
  for (const EmbeddedFile& f : embedded_scenario_files())
    if (f.name == "/workshop.yaml") return f.bytes;
  return {};
}

}  // namespace detente::serve

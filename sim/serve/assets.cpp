#include "serve/assets.hpp"

#include <utility>

#include "metrics/metric_table.hpp"
#include "serve/embedded_files.hpp"

namespace detente::serve {
namespace {

std::string_view content_type_of(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"}};
  for (const auto& [ending, type] : kTypes)
    if (path.ends_with(ending)) return type;
  return "application/octet-stream";
}

// The metric table the page reads for its labels (`detente metrics --json`).
// Built once, on first request; the server's threads share it read-only.
std::string_view metric_table_body() {
  static const std::string body = metrics::metric_table_json();
  return body;
}

constexpr std::string_view kMetricTable = "/metric_table.json";

}  // namespace

std::vector<Asset> web_assets() {
  std::vector<Asset> out;
  for (const EmbeddedFile& f : embedded_web_files())
    out.push_back({f.name, content_type_of(f.name), f.bytes});
  out.push_back({kMetricTable, content_type_of(kMetricTable), metric_table_body()});
  return out;
}

std::optional<Asset> find_asset(std::string_view target) {
  const std::size_t query = target.find_first_of("?#");
  if (query != std::string_view::npos) target = target.substr(0, query);
  if (target == "/") target = "/index.html";
  if (target == "/facilitator") target = "/facilitator.html";
  if (target == kMetricTable)
    return Asset{kMetricTable, content_type_of(kMetricTable), metric_table_body()};
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

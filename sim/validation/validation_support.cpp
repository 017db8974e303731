#include "validation/detail/validation_support.hpp"

#include <tbb/parallel_for.h>
#include <unistd.h>

#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "scenario/load.hpp"

namespace detente::validation_detail {

ScratchFolder::ScratchFolder(const std::string& name) {
  path_ = std::filesystem::temp_directory_path() /
          ("detente-validate-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchFolder::~ScratchFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path ScratchFolder::write(const std::string& name, const std::string& text) const {
  const auto file = path_ / name;
  std::ofstream out(file, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + file.string());
  return file;
}

scenario::Scenario load_yaml(const std::string& yaml, const std::filesystem::path& as) {
  auto s = scenario::load_text(yaml, as.string());
  s.source_path = as.string();
  return s;
}

std::vector<ReplicateOutput> run_replicates_parallel(const scenario::Scenario& scenario,
                                                     int count) {
  std::vector<ReplicateOutput> out(static_cast<std::size_t>(count));
  tbb::parallel_for(0, count, [&](int r) {
    run_replicate(scenario, static_cast<std::uint32_t>(r), nullptr,
                  out[static_cast<std::size_t>(r)]);
  });
  return out;
}

double metric_at(const ReplicateOutput& out, std::string_view metric, std::int64_t step,
                 std::string_view subject) {
  for (const auto& r : out.rows)
    if (r.step == step && r.metric == metric && r.subject == subject) return r.value;
  return std::numeric_limits<double>::quiet_NaN();
}

std::vector<double> opinions_at(const ReplicateOutput& out, std::int64_t step) {
  std::vector<double> x;
  for (const auto& r : out.agents)
    if (r.step == step) {
      if (x.size() <= r.agent) x.resize(r.agent + 1, std::numeric_limits<double>::quiet_NaN());
      x[r.agent] = r.value;
    }
  return x;
}

MeanSe mean_se(const std::vector<double>& values) {
  MeanSe m;
  if (values.empty()) return m;
  double sum = 0.0;
  for (const double v : values)
    sum += v;
  m.mean = sum / static_cast<double>(values.size());
  if (values.size() < 2) return m;
  double squares = 0.0;
  for (const double v : values)
    squares += (v - m.mean) * (v - m.mean);
  m.se = std::sqrt(squares / static_cast<double>(values.size() - 1) /
                   static_cast<double>(values.size()));
  return m;
}

ValidationRow row(std::string model, std::string target, std::string source, double measured,
                  std::string tolerance, bool pass) {
  return {std::move(model), std::move(target),    std::move(source),
          measured,         std::move(tolerance), pass && std::isfinite(measured)};
}

std::string text(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

}  // namespace detente::validation_detail

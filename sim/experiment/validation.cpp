#include "experiment/validation.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "experiment/detail/validation_support.hpp"
#include "io/text_file.hpp"

namespace detente {

std::vector<ValidationCase> validation_cases() {
  return {{"degroot", validate_degroot},   {"friedkin_johnsen", validate_friedkin_johnsen},
          {"deffuant", validate_deffuant}, {"hegselmann_krause", validate_hegselmann_krause},
          {"voter", validate_voter},       {"axelrod", validate_axelrod}};
}

std::vector<ValidationRow> run_validation(const ValidationOptions& options,
                                          const std::vector<std::string>& only) {
  const auto cases = validation_cases();
  for (const std::string& name : only)
    if (std::none_of(cases.begin(), cases.end(), [&](const auto& c) { return c.name == name; }))
      throw std::invalid_argument("run_validation: no case named " + name);
  std::vector<ValidationRow> rows;
  for (const auto& c : cases) {
    if (!only.empty() && std::find(only.begin(), only.end(), c.name) == only.end()) continue;
    for (auto& r : c.run(options))
      rows.push_back(std::move(r));
  }
  return rows;
}

bool all_passed(const std::vector<ValidationRow>& rows) {
  return !rows.empty() &&
         std::all_of(rows.begin(), rows.end(), [](const ValidationRow& r) { return r.pass; });
}

std::string validation_table(const std::vector<ValidationRow>& rows) {
  // One block per row: the target wraps, the numbers line up on one line.
  std::string out;
  for (const ValidationRow& r : rows) {
    char measured[64];
    std::snprintf(measured, sizeof measured, "%.6g", r.measured);
    out += std::string(r.pass ? "PASS" : "FAIL") + "  " + r.model + ": " + r.target + "\n";
    out += "      measured " + std::string(measured) + "   tolerance " + r.tolerance +
           "   source " + r.source + "\n";
  }
  const auto passed = std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r.pass; });
  out += std::to_string(passed) + " of " + std::to_string(rows.size()) + " targets reproduced\n";
  return out;
}

void write_validation_csv(const std::string& path, const std::vector<ValidationRow>& rows) {
  io::detail::TextFile file(path);
  const auto field = [&](const std::string& text) {
    file.write('"');
    for (const char c : text) {
      if (c == '"') file.write('"');
      file.write(c);
    }
    file.write('"');
  };
  file.write("model,target,source,measured,tolerance,pass\n");
  for (const ValidationRow& r : rows) {
    file.write(r.model);
    file.write(',');
    field(r.target);
    file.write(',');
    field(r.source);
    file.write(',');
    file.write_number(r.measured);
    file.write(',');
    field(r.tolerance);
    file.write(',');
    file.write(r.pass ? "true" : "false");
    file.write('\n');
  }
  file.close();
}

}  // namespace detente

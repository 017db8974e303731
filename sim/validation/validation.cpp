#include "validation/validation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "io/text_file.hpp"
#include "validation/detail/validation_support.hpp"

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
  // Columns: pass, model, measured, tolerance, then the target with its
  // source on the line below, under it.
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "%-5s %-18s %-12s %-42s %s\n", "pass", "model", "measured",
                "tolerance", "target / source");
  out += line;
  for (const ValidationRow& r : rows) {
    std::snprintf(line, sizeof line, "%-5s %-18s %-12.6g %-42s %s\n", r.pass ? "PASS" : "FAIL",
                  r.model.c_str(), r.measured, r.tolerance.c_str(), r.target.c_str());
    out += line;
    out += std::string(80, ' ') + r.source + "\n";
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

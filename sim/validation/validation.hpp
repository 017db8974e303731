#pragma once
// The validation suite (design §7): detente reproduces what the literature
// knows about its classic special cases. `detente validate` runs it and
// prints the table; tests/validation runs each case as a test.
//
//   auto rows = detente::run_validation({.quick = false});
//   std::cout << detente::validation_table(rows);
//   detente::write_validation_csv("validation.csv", rows);
//   bool ok = detente::all_passed(rows);
//
// Each case builds its scenarios as YAML (network files in a scratch folder),
// loads them like a user's file and runs them through the same replicate loop
// as `detente run`, so the evidence covers the whole path from scenario to
// metrics. Replicates run in parallel; every number is the same at any
// thread count.
#include <functional>
#include <string>
#include <vector>

namespace detente {

struct ValidationOptions {
  bool quick = false;  // fewer replicates, same targets (looser only where stated)
};

// One line of the table.
struct ValidationRow {
  std::string model;      // deffuant, degroot, …
  std::string target;     // what the literature says, as checked
  std::string source;     // where it says it
  double measured = 0.0;  // what detente gives
  std::string tolerance;  // the acceptance rule for `measured`
  bool pass = false;
};

struct ValidationCase {
  std::string name;  // degroot, friedkin_johnsen, deffuant, hegselmann_krause, voter, axelrod
  std::function<std::vector<ValidationRow>(const ValidationOptions&)> run;
};

// Every case, in the order of the table.
std::vector<ValidationCase> validation_cases();

// Runs the cases named in `only` (all when empty); throws std::invalid_argument
// for an unknown name.
std::vector<ValidationRow> run_validation(const ValidationOptions& options,
                                          const std::vector<std::string>& only = {});

bool all_passed(const std::vector<ValidationRow>& rows);

// The table as text, one row per target, columns aligned.
std::string validation_table(const std::vector<ValidationRow>& rows);

// validation.csv: model,target,source,measured,tolerance,pass
void write_validation_csv(const std::string& path, const std::vector<ValidationRow>& rows);

}  // namespace detente

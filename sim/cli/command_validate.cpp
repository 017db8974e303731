// detente validate: the classic special cases against the literature
// (validation/validation.hpp); prints the table and writes validation.csv.
// Exit code 0 when every target is reproduced, 1 otherwise.
#include <iostream>

#include "cli/options.hpp"
#include "core/errors.hpp"
#include "io/staged_file.hpp"
#include "validation/validation.hpp"

namespace detente::cli {
namespace {

// The first line write_validation_csv writes: how an earlier table is known.
constexpr std::string_view kValidationHeader = "model,target,source,measured,tolerance,pass\n";

}  // namespace

int validate_command(const Arguments& args) {
  po::options_description options("options");
  options.add_options()                                                   //
      ("quick", "fewer replicates: a quicker check of the same targets")  //
      ("only", po::value<std::vector<std::string>>()->composing(),
       "run only this case (repeatable): degroot, friedkin_johnsen, deffuant, "
       "hegselmann_krause, voter, axelrod")                                                     //
      ("out,o", po::value<std::string>()->default_value("validation.csv"), "the table as CSV")  //
      ("force", "replace --out even if it is not a validation table detente wrote");
  po::variables_map values;
  if (!parse(args, options, "usage: detente validate [--quick] [--only CASE]... [--out FILE]",
             values, false))
    return 0;
  std::vector<std::string> only;
  if (values.count("only")) only = values["only"].as<std::vector<std::string>>();
  const auto cases = validation_cases();
  for (const std::string& name : only) {
    bool known = false;
    for (const auto& c : cases)
      known = known || c.name == name;
    if (!known)
      throw InputError(
          "--only: expected one of degroot, friedkin_johnsen, deffuant, "
          "hegselmann_krause, voter, axelrod, got \"" +
          name + "\"");
  }
  // Checked (and its temporary file made) before the cases run.
  const std::string out = values["out"].as<std::string>();
  io::StagedFile staged(
      out, [](const auto& file) { return io::first_line_starts_with(file, kValidationHeader); },
      overwrite(values), "--out");
  ValidationOptions settings;
  settings.quick = values.count("quick") > 0;
  const auto rows = run_validation(settings, only);
  std::cout << validation_table(rows);
  write_validation_csv(staged.path().string(), rows);
  staged.commit();
  std::cerr << "wrote " << out << "\n";
  return all_passed(rows) ? 0 : 1;
}

}  // namespace detente::cli

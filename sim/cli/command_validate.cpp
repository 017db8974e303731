// detente validate: the classic special cases against the literature
// (validation/validation.hpp); prints the table and writes validation.csv.
// Exit code 0 when every target is reproduced, 1 otherwise.
#include <iostream>

#include "cli/options.hpp"
#include "core/errors.hpp"
#include "validation/validation.hpp"

namespace detente::cli {

int validate_command(const Arguments& args) {
  po::options_description options("options");
  options.add_options()                                                   //
      ("quick", "fewer replicates: a quicker check of the same targets")  //
      ("only", po::value<std::vector<std::string>>()->composing(),
       "run only this case (repeatable): degroot, friedkin_johnsen, deffuant, "
       "hegselmann_krause, voter, axelrod")  //
      ("out,o", po::value<std::string>()->default_value("validation.csv"), "the table as CSV");
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
  ValidationOptions settings;
  settings.quick = values.count("quick") > 0;
  const auto rows = run_validation(settings, only);
  std::cout << validation_table(rows);
  const std::string out = values["out"].as<std::string>();
  write_validation_csv(out, rows);
  std::cerr << "wrote " << out << "\n";
  return all_passed(rows) ? 0 : 1;
}

}  // namespace detente::cli

#pragma once
// Typed errors. The library throws; only the command line turns an error into
// a message and an exit code (2 for bad input, 1 for anything else).
#include <stdexcept>
#include <string>

namespace detente {

// Input a person can fix: a scenario, an override, a network file, an option.
// what() is the whole message, already located:
//   scenarios/x.yaml:14:9: interventions[1].cohort: expected a positive integer, got "-5"
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace detente

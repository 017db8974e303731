#pragma once
// Which keys differ between two resolved scenarios, as to_yaml writes them:
// for `sweep --resume`, which must continue exactly the scenario the stored
// runs were made with (resuming with --set steps=50 used to mix runs of 104
// and 50 steps and compute sensitivities from the mix).
//
//   differing_keys(stored_yaml, now_yaml)
//   // {"steps: 104 stored, 50 now", "dynamics.influence.rate: 0.1 stored, 0.2 now"}
//
// Keys are paths of the YAML's nesting (list entries as [index]); a key
// present on one side only says "absent".
#include <string>
#include <vector>

namespace detente {

std::vector<std::string> differing_keys(const std::string& stored_yaml,
                                        const std::string& now_yaml);

}  // namespace detente

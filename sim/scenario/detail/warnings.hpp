#pragma once
// What a valid scenario allows but can never happen: each a located message
// (Reporter::located), for `detente check`/`run` and the workshop page.
#include <filesystem>
#include <string>
#include <vector>

#include "scenario/detail/report.hpp"
#include "scenario/detail/value.hpp"
#include "scenario/scenario.hpp"

namespace detente::scenario::detail {

std::vector<std::string> find_warnings(const Value& root, const Scenario& scenario,
                                       const Reporter& reporter, const std::string& display_name,
                                       const std::filesystem::path& base_dir);

}  // namespace detente::scenario::detail

#pragma once
// The version of detente and the git commit it was built from (with
// `-dirty` when the tree had uncommitted changes), stamped at build time.
#include <string_view>

namespace detente {

std::string_view version();
std::string_view git_commit();

}  // namespace detente

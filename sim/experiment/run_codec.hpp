#pragma once
// Run outputs as bytes, for sending between MPI ranks. Numbers travel as their
// bit patterns, so a gathered output is bitwise the one computed.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "experiment/batch.hpp"

namespace detente {

std::string encode_outputs(const std::vector<std::pair<std::size_t, RunOutput>>& outputs);
// Throws std::runtime_error on truncated or malformed input.
std::vector<std::pair<std::size_t, RunOutput>> decode_outputs(const std::string& bytes);

}  // namespace detente

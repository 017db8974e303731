#include "scenario/headline.hpp"

namespace detente::scenario {

std::pair<std::string, std::string> headline_outcome(std::string_view entry) {
  const auto slash = entry.find('/');
  if (slash == std::string_view::npos) return {std::string(entry), "all"};
  return {std::string(entry.substr(0, slash)), std::string(entry.substr(slash + 1))};
}

}  // namespace detente::scenario

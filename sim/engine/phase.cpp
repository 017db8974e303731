#include "engine/phase.hpp"

#include <array>

namespace detente::engine {

std::string describe(Parts parts) {
  static constexpr std::array<std::string_view, 14> kNames = {
      "trust",  "anchors",  "traits", "ties",         "tie summary", "settings", "outlets",
      "roster", "backlash", "surge",  "dispositions", "leaders",     "norms",    "verdicts"};
  std::string out;
  for (std::size_t bit = 0; bit < kNames.size(); ++bit)
    if ((parts >> bit) & 1u) {
      if (!out.empty()) out += ", ";
      out += kNames[bit];
    }
  return out;
}

}  // namespace detente::engine

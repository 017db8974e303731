#include "scenario/detail/suggest.hpp"

#include <algorithm>
#include <vector>

#include "core/printable.hpp"

namespace detente::scenario::detail {

std::size_t levenshtein(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string_view closest(std::string_view given, std::span<const std::string_view> candidates) {
  // A third of the word may be wrong (at least 2 edits), but never all of it:
  // "influnce" → "influence", while "x" suggests nothing.
  const std::size_t reach = std::max<std::size_t>(2, given.size() / 3);
  std::string_view best;
  std::size_t best_distance = reach + 1;
  for (const std::string_view candidate : candidates) {
    const std::size_t d = levenshtein(given, candidate);
    if (d < best_distance && d < std::max(given.size(), candidate.size())) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

std::string suggestion(std::string_view given, std::span<const std::string_view> candidates,
                       std::string_view noun) {
  // A key that looks right but holds an invisible character: say so, and
  // match what the person sees.
  if (const std::string seen = visible_part(given); seen != given) {
    const std::string_view best = closest(seen, candidates);
    return "it holds invisible or control characters (shown escaped)" +
           (best.empty() ? std::string{} : "; did you mean \"" + std::string(best) + "\"?");
  }
  const std::string_view best = closest(given, candidates);
  if (!best.empty()) return "did you mean \"" + std::string(best) + "\"?";
  if (candidates.empty()) return "there are no " + std::string(noun);
  std::string list;
  for (const std::string_view candidate : candidates) {
    if (!list.empty()) list += ", ";
    list += candidate;
  }
  return "valid " + std::string(noun) + " are " + list;
}

}  // namespace detente::scenario::detail

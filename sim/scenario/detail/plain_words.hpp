#pragma once
// Words for people beside the parameter table's technical description
// (plain_words.cpp): what the workshop page shows.
#include <string_view>

namespace detente::scenario::detail {

struct PlainWords {
  std::string_view pattern;  // a table path, or ".key": every path ending so
  std::string_view label;
  std::string_view help;
  std::string_view unit;  // "time": the scenario's steps, shown in years where they are weeks
  bool advanced;          // folded away on the page until asked for
};

// The words for a table row, or nullptr.
const PlainWords* plain_words(std::string_view table_path);

}  // namespace detente::scenario::detail

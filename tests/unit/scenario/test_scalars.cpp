// The text forms underneath: shortest exact numbers, strict number parsing,
// YAML quoting, and the did-you-mean distance.
#include <cmath>
#include <limits>

#include "scenario/detail/scalars.hpp"
#include "scenario/detail/suggest.hpp"
#include "support.hpp"

using namespace detente::scenario::detail;

TEST_CASE("numbers are written in the shortest form that reads back exactly",
          "[scenario][scalars]") {
  CHECK(format_number(0.5) == "0.5");
  CHECK(format_number(10.0) == "10");
  CHECK(format_number(0.1 + 0.2) == "0.30000000000000004");
  // A fixed sequence of awkward doubles, including subnormals and extremes.
  const double awkward[] = {1.0 / 3.0,
                            2.0 / 3.0,
                            1e-300,
                            std::numeric_limits<double>::denorm_min(),
                            std::numeric_limits<double>::max(),
                            std::nextafter(1.0, 0.0),
                            -0.065,
                            123456789.125};
  for (const double x : awkward) {
    INFO(format_number(x));
    CHECK(parse_number(format_number(x)) == x);
  }
}

TEST_CASE("a decimal comma is a number, a thousands separator is not", "[scenario][scalars]") {
  CHECK(parse_number("-0,2") == -0.2);
  CHECK(parse_number("0,250") == 0.25);  // a zero before the comma: decimals
  CHECK(parse_number("+1,5") == 1.5);
  CHECK(parse_number("12,75") == 12.75);
  CHECK_FALSE(parse_number("1,500"));  // could be one thousand five hundred
  CHECK_FALSE(parse_number("1,2,3"));
  CHECK_FALSE(parse_number("1,2.5"));
  CHECK_FALSE(parse_number(",5"));
  CHECK_FALSE(parse_number("5,"));
  CHECK_FALSE(parse_integer("3,0"));  // integers stay whole numbers
}

TEST_CASE("numbers parse strictly", "[scenario][scalars]") {
  CHECK(parse_number("+0.25") == 0.25);
  CHECK(parse_number("1e-3") == 0.001);
  CHECK_FALSE(parse_number("0.5x"));
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("nan"));
  CHECK_FALSE(parse_number("inf"));
  CHECK(parse_integer("-5") == -5);
  CHECK_FALSE(parse_integer("5.0"));
  CHECK_FALSE(parse_integer("99999999999999999999"));
  CHECK(parse_unsigned("18446744073709551615") == std::numeric_limits<std::uint64_t>::max());
  CHECK_FALSE(parse_unsigned("-1"));
  CHECK(parse_bool("yes") == true);
  CHECK(parse_bool("False") == false);
  CHECK_FALSE(parse_bool("1"));
}

TEST_CASE("strings are quoted only when YAML would misread them", "[scenario][scalars]") {
  CHECK(yaml_string("north") == "north");
  CHECK(yaml_string("a sentence with words") == "a sentence with words");
  CHECK(yaml_string("") == "\"\"");
  CHECK(yaml_string("yes") == "\"yes\"");
  CHECK(yaml_string("null") == "\"null\"");
  CHECK(yaml_string("123") == "\"123\"");
  CHECK(yaml_string("a: b") == "\"a: b\"");
  CHECK(yaml_string("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"");
  CHECK(yaml_string("back\\slash") == "\"back\\\\slash\"");
}

TEST_CASE("quoted strings escape what a terminal would act on or hide, and read back",
          "[scenario][scalars]") {
  CHECK(yaml_string("\x1b[31mred\x7f") == "\"\\x1B[31mred\\x7F\"");
  CHECK(yaml_string("left\u202eright") == "\"left\\u202Eright\"");
  CHECK(yaml_string("Zürich") == "\"Zürich\"");
  using detente::scenario::test::kMinimal;
  for (const std::string text : {"\x1b[2J", "a\u202eb\u200b", "tab\there", "x\\u202E", "\u0085"}) {
    const auto s = detente::scenario::test::load(kMinimal + "description: " + yaml_string(text));
    CHECK(s.description == text);
  }
}

TEST_CASE("names are letters, digits, underscores and hyphens", "[scenario][scalars]") {
  CHECK(is_name("north"));
  CHECK(is_name("north-east_2"));
  CHECK_FALSE(is_name(""));
  CHECK_FALSE(is_name("a.b"));  // a dot would split an override path
  CHECK_FALSE(is_name("two words"));
  CHECK_FALSE(is_name("north->south"));
}

TEST_CASE("did-you-mean picks the closest key within reach", "[scenario][scalars]") {
  CHECK(levenshtein("influnce", "influence") == 1);
  CHECK(levenshtein("", "abc") == 3);
  CHECK(levenshtein("kitten", "sitting") == 3);
  const std::string_view keys[] = {"influence", "contact", "media"};
  CHECK(suggestion("influnce", keys) == "did you mean \"influence\"?");
  CHECK(suggestion("xyz", keys) == "valid keys are influence, contact, media");
  CHECK(closest("medai", keys) == "media");
  CHECK(closest("m", keys).empty());
}

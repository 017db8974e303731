// Text from the input made safe to show: controls, invisible and
// direction-changing characters and bytes that are not UTF-8 become visible
// escapes; everything a person can read stays as it is.
#include <catch2/catch.hpp>

#include "core/printable.hpp"

using namespace detente;

TEST_CASE("readable text is left as it is", "[printable]") {
  CHECK(printable("population.groups[1].size") == "population.groups[1].size");
  CHECK(printable("trust ≥ 0.6, Glass Δ, Zürich, 東京") == "trust ≥ 0.6, Glass Δ, Zürich, 東京");
  CHECK(printable("") == "");
  CHECK(printable("a\\b") == "a\\b");
}

TEST_CASE("controls and terminal escape sequences are written out", "[printable]") {
  CHECK(printable("\x1b[2J\x1b]0;title\x07") == "\\x1B[2J\\x1B]0;title\\x07");
  CHECK(printable("a\tb\rc\nd") == "a\\tb\\rc\\nd");
  CHECK(printable("line one\nline two", Newlines::keep) == "line one\nline two");
  CHECK(printable(std::string("nul\0here", 8)) == "nul\\x00here");
  CHECK(printable("del\x7f") == "del\\x7F");
  // U+009B is the one-character CSI of 8-bit terminals.
  CHECK(printable("\xc2\x9b"
                  "31m") == "\\u009B31m");
}

TEST_CASE("invisible and direction-changing characters are named", "[printable]") {
  // The key of the report that brought this in: "precision" with an
  // right-to-left override inside reads like another key.
  CHECK(printable("precisi\u202eon") == "precisi\\u202Eon");
  CHECK(printable("zero\u200bwidth") == "zero\\u200Bwidth");
  CHECK(printable("\ufeffbom") == "\\uFEFFbom");
  CHECK(printable("tag\U000E0041") == "tag\\U000E0041");
  CHECK(visible_part("precisi\u202eon") == "precision");
  CHECK(visible_part("a\x1b"
                     "b") == "ab");
}

TEST_CASE("bytes that are not UTF-8 are shown as bytes and found", "[printable]") {
  CHECK(printable("caf\xe9") == "caf\\xE9");
  CHECK(printable("\xc0\xaf") == "\\xC0\\xAF");                    // an overlong '/'
  CHECK(printable("\xed\xa0\x80") == "\\xED\\xA0\\x80");           // a surrogate
  CHECK(printable("\xf4\x90\x80\x80") == "\\xF4\\x90\\x80\\x80");  // past U+10FFFF
  CHECK(printable("cut \xe2\x82") == "cut \\xE2\\x82");            // a character cut short
  CHECK(first_invalid_utf8("caf\xe9") == std::optional<std::size_t>(3));
  CHECK(first_invalid_utf8("Zürich ≥ 東京") == std::nullopt);
  // Escaping twice changes nothing more: messages may pass through it twice.
  const std::string once = printable("x\x1b\u202e\xff");
  CHECK(printable(once) == once);
}

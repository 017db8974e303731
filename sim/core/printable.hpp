#pragma once
// Text from a scenario, a command line or a network message, made safe to
// show: every control character, every invisible or direction-changing
// character and every byte that is not UTF-8 becomes a visible escape, so a
// message cannot hide what a key holds ("precision" with a U+202E inside
// reads `precisi\u202Eon`) and no escape sequence reaches the terminal.
//
//   std::cerr << "error: " << detente::printable(message, detente::Newlines::keep);
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace detente {

enum class Newlines { escape, keep };

// `text` with \n \t \r, \xNN (other C0 controls, DEL, bytes that are not
// UTF-8) and \uNNNN (C1 controls, zero-width, bidirectional and other
// invisible format characters) written out; everything else as it is.
std::string printable(std::string_view text, Newlines newlines = Newlines::escape);

// `text` without the characters printable() shows as \uNNNN and without
// controls: what a person sees when it is printed raw.
std::string visible_part(std::string_view text);

// The offset of the first byte that does not belong to well-formed UTF-8
// (overlong forms, surrogates and code points past U+10FFFF included).
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

}  // namespace detente

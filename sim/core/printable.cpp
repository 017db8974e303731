#include "core/printable.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

namespace detente {
namespace {

// One decoded character: its code point and its length in bytes, or a
// length of 0 when the bytes at `at` are not well-formed UTF-8.
struct Decoded {
  char32_t code = 0;
  std::size_t length = 0;
};

Decoded decode(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t code = 0;
  char32_t min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code = lead & 0x1Fu, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code = lead & 0x0Fu, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code = lead & 0x07u, min = 0x10000;
  } else {
    return {};
  }
  if (at + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0u) != 0x80u) return {};
    code = (code << 6) | (byte(i) & 0x3Fu);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
  return {code, length};
}

// Characters that print as nothing or that reorder what follows them.
bool invisible(char32_t c) {
  return (c >= 0x80 && c <= 0x9F) ||               // C1 controls (0x9B is a CSI)
         c == 0xAD || c == 0x34F || c == 0x61C ||  // soft hyphen, joiner, Arabic mark
         c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || c == 0x180E ||
         (c >= 0x2000 && c <= 0x200F) ||               // odd-width spaces, zero-width, marks
         (c >= 0x2028 && c <= 0x202F) ||               // separators, embeddings, overrides
         (c >= 0x205F && c <= 0x206F) ||               // word joiner, isolates, deprecated
         c == 0x3164 || c == 0xFEFF || c == 0xFFA0 ||  // fillers, byte order mark
         (c >= 0xFFF0 && c <= 0xFFFB) ||               // specials, annotation anchors
         (c >= 0xE0000 && c <= 0xE007F);               // tags
}

void append_escape(std::string& out, const char* format, unsigned value) {
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), format, value);
  out += buffer.data();
}

}  // namespace

std::string printable(std::string_view text, Newlines newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (d.length == 0) {
      append_escape(out, "\\x%02X", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    const char32_t c = d.code;
    if (c == '\n') {
      out += newlines == Newlines::keep ? "\n" : "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      append_escape(out, "\\x%02X", static_cast<unsigned>(c));
    } else if (invisible(c)) {
      append_escape(out, c > 0xFFFF ? "\\U%08X" : "\\u%04X", static_cast<unsigned>(c));
    } else {
      out.append(text.substr(i, d.length));
    }
    i += d.length;
  }
  return out;
}

std::string visible_part(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (d.length == 0) {
      ++i;
      continue;
    }
    if (d.code >= 0x20 && d.code != 0x7F && !invisible(d.code))
      out.append(text.substr(i, d.length));
    i += d.length;
  }
  return out;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (d.length == 0) return i;
    i += d.length;
  }
  return std::nullopt;
}

}  // namespace detente

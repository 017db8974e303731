#include "serve/join_code.hpp"

#include <random>

namespace detente::serve {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

std::string normalise(std::string_view code) {
  std::string out;
  for (const char c : code) {
    if (c == '-' || c == ' ') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

}  // namespace

std::string make_join_code() {
  std::random_device device;
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::string code;
  for (int i = 0; i < 8; ++i) {
    if (i == 4) code += '-';
    code += kAlphabet[pick(device)];
  }
  return code;
}

bool join_code_matches(std::string_view given, std::string_view expected) {
  const std::string a = normalise(given);
  const std::string b = normalise(expected);
  // Compare every byte of the expected code whatever happens earlier, so the
  // time taken does not tell how much of a guess was right.
  unsigned difference = a.size() == b.size() ? 0u : 1u;
  for (std::size_t i = 0; i < b.size(); ++i) {
    const char g = i < a.size() ? a[i] : '\0';
    difference |=
        static_cast<unsigned>(static_cast<unsigned char>(g) ^ static_cast<unsigned char>(b[i]));
  }
  return difference == 0 && !b.empty();
}

}  // namespace detente::serve

#pragma once
// A deterministic mutator for text inputs: the same seed gives the same
// mutants on every machine, so a failure found in CI is found again by
// running the same command. Mutations know a little YAML and JSON (anchors,
// aliases, brackets, extreme numbers, escape and invisible characters), which
// is what found the loader's crashes in issue 16.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace detente::fuzz {

// splitmix64: small, fast and the same everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

// Pieces worth inserting: the shapes that broke or nearly broke the loader.
inline const std::vector<std::string_view>& dictionary() {
  static const std::vector<std::string_view> words = {
      "&a ",
      "*a",
      "&b [*b]",
      "[*a, *a, *a]",
      "<<: *a",
      "{",
      "}",
      "[",
      "]",
      "- ",
      ": ",
      "\n  ",
      "\n    - ",
      "!!binary ",
      "!tag ",
      "? ",
      "|\n  ",
      ">\n  ",
      "'",
      "\"",
      "#",
      "0",
      "-1",
      "1e308",
      "-1e308",
      "1e39",
      "nan",
      ".inf",
      "-.inf",
      "0x7fffffffffffffff",
      "9223372036854775807",
      "-9223372036854775808",
      "18446744073709551616",
      "4611686018427387904",
      "4294967296",
      "99999999999999999999",
      "1e-320",
      "true",
      "~",
      "null",
      "\xE2\x80\xAE",
      "\x1B[2J",
      "\x07",
      "\t",
      "\r",
      "\xFF\xFE",
      std::string_view("\0", 1),
      "population.groups.0.size",
      "steps",
      "seed",
      "rounds",
      "every",
      "self_weight",
      "{dist: beta, a: 1e308, b: 2}",
      "interventions:\n  - {name: x, type: media_campaign}\n"};
  return words;
}

// One to four random edits of `input`; `others` (the corpus) for splicing.
inline std::string mutate(const std::string& input, const std::vector<std::string>& others,
                          Random& rng) {
  std::string out = input;
  const std::size_t edits = 1 + rng.below(4);
  for (std::size_t e = 0; e < edits; ++e) {
    const std::size_t at = out.empty() ? 0 : rng.below(out.size() + 1);
    switch (rng.below(8)) {
      case 0:  // flip a byte
        if (!out.empty()) {
          char& c = out[rng.below(out.size())];
          c = static_cast<char>(static_cast<unsigned char>(c) ^ (1u << rng.below(8)));
        }
        break;
      case 1:  // a random byte
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(at),
                   static_cast<char>(rng.below(256)));
        break;
      case 2: {  // delete a run
        if (out.empty()) break;
        const std::size_t from = rng.below(out.size());
        out.erase(from, 1 + rng.below(std::min<std::size_t>(64, out.size() - from)));
        break;
      }
      case 3: {  // repeat a run
        if (out.empty()) break;
        const std::size_t from = rng.below(out.size());
        const std::size_t length = 1 + rng.below(std::min<std::size_t>(128, out.size() - from));
        const std::string run = out.substr(from, length);
        for (std::size_t k = 1 + rng.below(3); k > 0; --k)
          out.insert(at, run);
        break;
      }
      case 4:
      case 5: {  // a dictionary word
        const auto& words = dictionary();
        out.insert(at, words[rng.below(words.size())]);
        break;
      }
      case 6: {  // a line of another input
        if (others.empty()) break;
        const std::string& other = others[rng.below(others.size())];
        if (other.empty()) break;
        const std::size_t from = rng.below(other.size());
        const std::size_t eol = other.find('\n', from);
        out.insert(at,
                   other.substr(from, (eol == std::string::npos ? other.size() : eol + 1) - from));
        break;
      }
      default: {  // a number replaced by an extreme one
        const std::size_t digit = out.find_first_of("0123456789", at);
        if (digit == std::string::npos) break;
        const std::size_t end = out.find_first_not_of("0123456789.eE+-", digit);
        static const std::vector<std::string_view> extremes = {
            "0", "-1", "9223372036854775807", "1e308", "1e39", "4294967296", "nan", "-0"};
        out.replace(digit, (end == std::string::npos ? out.size() : end) - digit,
                    extremes[rng.below(extremes.size())]);
        break;
      }
    }
  }
  // Keep inputs small enough that the size cap is not all a run tests.
  if (out.size() > 64 * 1024) out.resize(64 * 1024);
  return out;
}

}  // namespace detente::fuzz

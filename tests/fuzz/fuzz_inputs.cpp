// fuzz_inputs: a deterministic mutation fuzzer for the two doors hostile
// text comes through, independent of the `detente` program:
//
//   scenario  a scenario file through the loader (load_text), and what it
//             loads back through to_yaml and the loader again
//   message   a workshop WebSocket message through parse_command and, for a
//             strategy, through Workshop::resolve and export_yaml
//
// Every input must end in success or a detente::InputError (or the protocol's
// ProtocolError) whose message names where; anything else — another
// exception, a crash, more than --seconds-per-input, more than --max-mb of
// memory — is a failure, and the input is written to --crashes so that it
// can be kept under tests/fuzz/regressions/ (replayed by --replay).
//
//   fuzz_inputs scenario --corpus scenarios --seed 1 --iterations 3000 --crashes /tmp/crashes
//   fuzz_inputs message --replay tests/fuzz/regressions/message
//
// See tests/README.md (Fuzzing) for the long run.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "mutator.hpp"
#include "scenario/load.hpp"
#include "serve/protocol.hpp"
#include "serve/workshop.hpp"

namespace fs = std::filesystem;
using namespace detente;

namespace {

// The input under test, for the signal handlers (which may only write).
std::string g_input;
std::string g_crash_path;

void save_and_die(int signal) {
  const int fd = ::open(g_crash_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    ssize_t ignored = ::write(fd, g_input.data(), g_input.size());
    (void)ignored;
    ::close(fd);
  }
  const char* what = signal == SIGALRM ? "fuzz_inputs: an input took too long, saved to "
                                       : "fuzz_inputs: an input crashed, saved to ";
  ssize_t ignored = ::write(2, what, std::strlen(what));
  ignored = ::write(2, g_crash_path.c_str(), g_crash_path.size());
  ignored = ::write(2, "\n", 1);
  (void)ignored;
  ::signal(signal == SIGALRM ? SIGABRT : signal, SIG_DFL);
  ::raise(signal == SIGALRM ? SIGABRT : signal);
}

void install_handlers() {
  // A stack overflow (the self-referencing alias) needs a stack of its own.
  static std::vector<char> alt(1 << 16);
  stack_t stack{};
  stack.ss_sp = alt.data();
  stack.ss_size = alt.size();
  sigaltstack(&stack, nullptr);
  struct sigaction action {};
  action.sa_handler = save_and_die;
  action.sa_flags = SA_ONSTACK | SA_RESETHAND;
  for (const int s : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGALRM})
    sigaction(s, &action, nullptr);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> read_corpus(const std::vector<fs::path>& folders) {
  std::vector<fs::path> files;
  for (const auto& folder : folders)
    for (const auto& entry : fs::recursive_directory_iterator(folder))
      if (entry.is_regular_file() && entry.path().extension() != ".md")
        files.push_back(entry.path());
  std::sort(files.begin(), files.end());  // the same order everywhere
  std::vector<std::string> corpus;
  for (const auto& f : files)
    corpus.push_back(read_file(f));
  return corpus;
}

enum class Outcome { accepted, refused, failed };

struct Target {
  virtual ~Target() = default;
  // Runs one input; `why` says what went wrong when it failed.
  virtual Outcome run(const std::string& input, std::string& why) = 0;
};

struct ScenarioTarget : Target {
  Outcome run(const std::string& input, std::string& why) override {
    try {
      const auto s = scenario::load_text(input, "fuzz.yaml");
      // What the loader accepted, detente writes and reads back.
      scenario::load_text(scenario::to_yaml(s), "fuzz-again.yaml");
      return Outcome::accepted;
    } catch (const InputError& e) {
      const std::string_view message = e.what();
      if (message.starts_with("fuzz.yaml")) return Outcome::refused;
      why = "an error that does not name the file: " + std::string(message);
    } catch (const std::exception& e) {
      why = std::string("an exception other than InputError: ") + e.what();
    }
    return Outcome::failed;
  }
};

struct MessageTarget : Target {
  explicit MessageTarget(const std::string& workshop_yaml)
      : workshop(workshop_yaml, "workshop.yaml", serve::Limits{}) {}
  Outcome run(const std::string& input, std::string& why) override {
    try {
      const serve::Command c = serve::parse_command(input, workshop.limits());
      if (!c.strategy.empty()) {
        workshop.resolve(c.strategy);
        workshop.export_yaml(c.strategy, "Team 1");
      }
      return Outcome::accepted;
    } catch (const serve::ProtocolError&) {
      return Outcome::refused;
    } catch (const InputError&) {
      return Outcome::refused;
    } catch (const std::exception& e) {
      why = std::string("an exception other than InputError: ") + e.what();
    }
    return Outcome::failed;
  }
  serve::Workshop workshop;
};

// Seeds for the message target: each command, with strategies that carry
// YAML values, as the page sends them.
std::vector<std::string> message_seeds() {
  return {
      R"({"type":"join","code":"ABCD-EFGH"})",
      R"({"type":"pace","steps_per_second":20})",
      R"({"type":"pause","team":0})",
      R"({"type":"start","team":0,"strategy":[{"path":"dynamics.contact.rate","value":"0.2"}]})",
      R"({"type":"validate","team":1,"strategy":[{"path":"dynamics.contact.rate","value":"[a, b]"}]})",
      R"({"type":"export","team":0,"name":"Team 1","strategy":[{"path":"steps","value":"52"}]})",
      R"({"type":"validate","team":0,"strategy":[{"path":"media.0.slant","value":"{x: 1}"}]})",
      R"({"type":"start","team":1,"name":"Reds","strategy":[],"paused":true})",
      R"({"type":"remove","team":3})",
      R"({"type":"facilitate","code":"FFFF-GGGG"})",
      R"({"type":"reset_team","id":12})",
      R"({"type":"lock"})",
      R"({"type":"debrief"})",
  };
}

long max_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

int usage_error(const std::string& why) {
  std::cerr << "fuzz_inputs: " << why
            << "\nusage: fuzz_inputs scenario|message [--corpus DIR]... [--seed N] "
               "[--iterations N] [--crashes DIR] [--replay DIR] [--seconds-per-input S] "
               "[--max-mb MB] [--workshop FILE]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage_error("give a target");
  const std::string target_name = argv[1];
  std::vector<fs::path> corpus_dirs;
  fs::path crashes = fs::temp_directory_path() / "detente-fuzz-crashes";
  fs::path replay;
  fs::path workshop = fs::path(DETENTE_SOURCE_DIR) / "scenarios/workshop.yaml";
  std::uint64_t seed = 1;
  long iterations = 1000;
  unsigned seconds_per_input = 10;
  long max_mb = 1024;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage_error("missing value after " + arg);
    const std::string value = argv[++i];
    try {
      if (arg == "--corpus")
        corpus_dirs.emplace_back(value);
      else if (arg == "--seed")
        seed = std::stoull(value);
      else if (arg == "--iterations")
        iterations = std::stol(value);
      else if (arg == "--crashes")
        crashes = value;
      else if (arg == "--replay")
        replay = value;
      else if (arg == "--seconds-per-input")
        seconds_per_input = static_cast<unsigned>(std::stoul(value));
      else if (arg == "--max-mb")
        max_mb = std::stol(value);
      else if (arg == "--workshop")
        workshop = value;
      else
        return usage_error("unknown option " + arg);
    } catch (const std::exception&) {
      return usage_error("bad value for " + arg + ": " + value);
    }
  }

  std::unique_ptr<Target> target;
  std::vector<std::string> corpus;
  if (target_name == "scenario") {
    target = std::make_unique<ScenarioTarget>();
  } else if (target_name == "message") {
    target = std::make_unique<MessageTarget>(read_file(workshop));
    corpus = message_seeds();
  } else {
    return usage_error("unknown target " + target_name);
  }
  fs::create_directories(crashes);
  install_handlers();

  // Replay: every kept input once, no mutation.
  std::vector<std::pair<std::string, std::string>> inputs;  // name, text
  if (!replay.empty()) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(replay))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
      inputs.emplace_back(f.filename().string(), read_file(f));
  } else {
    for (const auto& text : read_corpus(corpus_dirs))
      corpus.push_back(text);
    if (corpus.empty()) return usage_error("no corpus: give --corpus DIR");
  }

  fuzz::Random rng(seed);
  long accepted = 0, refused = 0, failed = 0;
  double slowest = 0;
  const long count = replay.empty() ? iterations : static_cast<long>(inputs.size());
  for (long n = 0; n < count; ++n) {
    std::string name;
    if (replay.empty()) {
      name = target_name + "-seed" + std::to_string(seed) + "-" + std::to_string(n);
      // Half the time a seed as it is written mutated, else a mutant of a mutant.
      const std::string& base = corpus[rng.below(corpus.size())];
      g_input = fuzz::mutate(rng.below(2) ? base : fuzz::mutate(base, corpus, rng), corpus, rng);
    } else {
      name = inputs[static_cast<std::size_t>(n)].first;
      g_input = inputs[static_cast<std::size_t>(n)].second;
    }
    g_crash_path = (crashes / ("crash-" + name)).string();
    const auto start = std::chrono::steady_clock::now();
    alarm(seconds_per_input);
    std::string why;
    const Outcome outcome = target->run(g_input, why);
    alarm(0);
    slowest = std::max(
        slowest, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (outcome == Outcome::failed || max_rss_mb() > max_mb) {
      if (why.empty()) why = "memory past " + std::to_string(max_mb) + " MB";
      ++failed;
      std::ofstream(crashes / ("failed-" + name), std::ios::binary) << g_input;
      std::cerr << "fuzz_inputs: " << name << ": " << why << " (saved to "
                << (crashes / ("failed-" + name)).string() << ")\n";
    } else {
      ++(outcome == Outcome::accepted ? accepted : refused);
    }
  }
  std::cout << "fuzz_inputs " << target_name << ": " << count << " inputs, " << accepted
            << " accepted, " << refused << " refused with a located error, " << failed
            << " failed; slowest " << slowest << " s; peak memory " << max_rss_mb() << " MB\n";
  return failed == 0 ? 0 : 1;
}

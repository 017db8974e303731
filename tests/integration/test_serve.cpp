// `detente serve` as a trainer starts it: bad options and scenarios are
// refused before anything listens, with the usual exit code 2.
#include <catch2/catch.hpp>

#include "program.hpp"

using detente::test::run_detente;
using detente::test::scratch_dir;

TEST_CASE("serve refuses a host that is not an address") {
  const auto r = run_detente("serve --host my-laptop", scratch_dir("serve-host"));
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "error: --host: expected an IP address such as 127.0.0.1 or 0.0.0.0, got "
        "\"my-laptop\"\n");
}

TEST_CASE("serve refuses a bad scenario with its located message") {
  const auto r =
      run_detente("serve tests/scenarios/bad/out_of_range.yaml", scratch_dir("serve-scenario"));
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "error: tests/scenarios/bad/out_of_range.yaml:9:20: "
        "dynamics.contact.positive_step: expected a number in [0, 1], got \"1.5\"\n");
}

TEST_CASE("serve refuses a port out of range and replicates past the cap") {
  CHECK(run_detente("serve --port 70000", scratch_dir("serve-port")).exit_code == 2);
  const auto r = run_detente("serve --replicates 50", scratch_dir("serve-replicates"));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "error: --replicates: expected an integer from 1 to 10, got 50\n");
}

TEST_CASE("serve's help names the workshop and its options") {
  const auto r = run_detente("serve --help", scratch_dir("serve-help"));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("usage: detente serve [SCENARIO.yaml] [--port P] [--host H]") == 0);
  CHECK(r.out.find("--agents") != std::string::npos);
}

#pragma once
// The join code a room's page must give when the server listens beyond this
// machine: short enough to read off a projector, long enough (40 bits) that
// guessing it over the network, one try per connection with a pause after
// each miss, is hopeless.
#include <string>
#include <string_view>

namespace detente::serve {

// Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L),
// grouped "ABCD-EFGH", from the operating system's random source.
std::string make_join_code();

// Whether `given` is `expected`, ignoring case, spaces and dashes. Takes the
// same time whatever the position of the first difference.
bool join_code_matches(std::string_view given, std::string_view expected);

}  // namespace detente::serve

#pragma once
// What every phase file includes: the phase interface and the world.
#include <memory>

#include "engine/phase.hpp"
#include "engine/world.hpp"
#include "rules/contact.hpp"
#include "rules/media.hpp"

// When octets on an arbitrary port are rescap: strict enough to be on by
// default without claiming ordinary traffic.
#pragma once

#include <cstddef>

#include "core/rescap/parser.hpp"

namespace rescap {

// The message starts with FullRequest/FullResponse, every length is
// consistent (no malformed-structure finding), it ends exactly where the
// payload ends (stream mode: or is still incomplete with its first item
// whole), its first child is a registered item of the message's own type,
// and a complete message holds what its role requires (BaseURI / Status).
bool looks_like_rescap(const ParseResult &result, std::size_t payload_size);

}  // namespace rescap

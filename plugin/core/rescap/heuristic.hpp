// SPDX-License-Identifier: GPL-2.0-or-later
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

// A plausible message start at input[0], judged from headers alone: a
// FullRequest/FullResponse in count form (count at least 1) or nested form,
// followed by the header of its first child, a registered (not private-use)
// item of the message's own type other than FullRequest/FullResponse. Used
// to resynchronise a stream and to judge a stream's first payload that ends
// before its first child does.
bool plausible_message_start(std::span<const std::uint8_t> input);

}  // namespace rescap

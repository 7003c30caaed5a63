// SPDX-License-Identifier: GPL-2.0-or-later
// Renders a parsed rescap message into Wireshark's tree: items, typed
// values, fragments, reassembled data sources and expert infos.
#pragma once

#include <cstdint>
#include <span>

#include <epan/packet.h>

#include "core/rescap/parser.hpp"

namespace rescap {

// Adds the message's items under `tree` (the rescap protocol subtree) and
// turns every diagnostic into an expert info. `tvb` holds exactly the
// parser's input.
void render_message(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const ParseResult &result,
                    std::span<const std::uint8_t> input);

// One line for the Info column and the protocol item.
const char *message_summary(packet_info *pinfo, const ParseResult &result, std::span<const std::uint8_t> input);

}  // namespace rescap

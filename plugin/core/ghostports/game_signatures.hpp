// SPDX-License-Identifier: GPL-2.0-or-later
// Rows of the signature table for game servers' datagrams: the
// connectionless packets of the Quake engines (Quake III, ioquake3,
// DarkPlaces) and Source's server query, and Minetest's (Luanti's)
// protocol. Each checks its packet's framing and vocabulary as a whole;
// the rows are in signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

// A Quake-engine connectionless packet (ioquake3's NET_OutOfBandPrint):
// four 0xFF octets, then a command of the engines' vocabulary
// (getstatus, getinfo, getchallenge, statusResponse,
// infoResponse, challengeResponse, print, disconnect, getservers...)
// ended by LF, a space, a NUL or the end; a status or info answer carries
// its \key\value info string.
bool quake_out_of_band(Payload p);

// Source's server query A2S_INFO (Valve's "Server queries"): four 0xFF
// octets, "TSource Engine Query" NUL, and the challenge since 2020, exactly.
bool source_info_query(Payload p);

// Minetest / Luanti (network/networkprotocol.h): the protocol id
// 0x4f457403, a peer id, a channel 0-2, a packet type 0-3 with the fields
// of its type (control type 0-3, split chunk < count, a reliable packet's
// inner type 0-2).
bool minetest_packet(Payload p);

}  // namespace ghostports::framed

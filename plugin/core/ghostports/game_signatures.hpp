// SPDX-License-Identifier: GPL-2.0-or-later
// Rows of the signature table for game servers' datagrams: the
// connectionless packets of the Quake engines (Quake III, ioquake3,
// DarkPlaces) and Source's server query, Minetest's (Luanti's)
// protocol, the ENet transport (Cube 2 / Sauerbraten, and many engines)
// and TetriNET. Each checks its packet's framing and vocabulary as a whole;
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

// ENet (enet's protocol.h): the header (peer id, the sent time when
// flagged), then commands of the twelve, each its size (data lengths
// inside), tiling the datagram; one of them a CONNECT or VERIFY_CONNECT
// whose MTU (576-4096), window (4096-65536, a power of two) and channel
// count (1-255) are ENet's.
bool enet_packet(Payload p);

// TetriNET (TetriNET 1.13; tetrinetx): messages ended by 0xFF. The
// client's first is its login, hex digits of "tetrisstart " (or
// "tetrifaster ") encoded with the decimal digits of a number from the
// server's address: the key each of the first twelve octets gives must
// be a digit and repeat with a period of 1-5. The server's are words of
// its vocabulary (playernum, winlist, playerjoin, pline, team...) and
// their printable arguments.
bool tetrinet_login(Payload p);

// RakNet's offline messages (RakNet's MessageIdentifiers.h; Minecraft
// Bedrock, many engines): an unconnected ping / pong or an open-connection
// request / reply 1 or 2, each with the 16-octet offline magic
// 00 FF FF 00 FE FE FE FE FD FD FD FD 12 34 56 78 where its layout puts it
// and of its size (a request 1 padded with zeros to the MTU it probes).
bool raknet_offline(Payload p);
bool tetrinet_server_messages(Payload p);

}  // namespace ghostports::framed

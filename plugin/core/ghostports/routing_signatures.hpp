// SPDX-License-Identifier: GPL-2.0-or-later
// Matchers of the signature table for the datagrams routers and address
// servers exchange: RIP, Babel and DHCPv6. Each checks the whole datagram
// as its RFC lays it out (fixed fields, reserved zeros, entries or options
// tiling it); the rows are in signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

// RIP v1 / v2 (RFC 1058 3.1, RFC 2453 4): a request or response of 1-25
// route entries (an authentication entry first in v2), zeros where v1 has them.
bool rip_message(Payload p);
// Babel (RFC 8966 4.2): magic 42, version 2, body length, TLVs tiling the body.
bool babel_packet(Payload p);
// DHCPv6 (RFC 8415 8): a client/server message whose options tile it, with
// the identifiers and elapsed time its type requires.
bool dhcpv6_message(Payload p);

}  // namespace ghostports::framed

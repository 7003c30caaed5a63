// SPDX-License-Identifier: GPL-2.0-or-later
// The QUIC row of the signature table (RFC 8999 / 9000 17.2, RFC 9369):
// long-header packets of a version QUIC defines, connection ids of at most
// 20 octets, each packet's length inside the datagram; the row is in
// signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

// A datagram of QUIC long-header packets: version 1, 2 or a draft 29-34;
// Initial / 0-RTT / Handshake packets with their token and length varints,
// coalesced to the end (a short-header packet or zero padding may follow
// the last); a client's Initial datagram of at least 1200 octets (RFC 9000
// 14.1); or a version negotiation listing a version QUIC defines.
bool quic_long_header(Payload p, bool from_client);
bool quic_client(Payload p);
bool quic_server(Payload p);

}  // namespace ghostports::framed

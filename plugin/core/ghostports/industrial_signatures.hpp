// SPDX-License-Identifier: GPL-2.0-or-later
// Binary rows of the signature table for the protocols of plants and
// buildings that run over TCP/UDP: OPC UA's binary transport, EtherNet/IP's
// encapsulation, BACnet/IP and IEC 60870-5-104. Each walks the whole
// message as its standard lays it out (message types of a closed set,
// lengths that agree, reserved fields zero); the rows are in signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

// OPC UA TCP (IEC 62541-6 7.1.2): messages of a known type and chunk type
// and a little-endian size tiling the payload (the last may be cut); the
// first a Hello (version 0, buffers >= 8192, an "opc.tcp://" endpoint URL),
// an Acknowledge of 28 octets, an Error with a Bad status code, or an
// OpenSecureChannel naming an OPC Foundation security policy.
bool opcua_messages(Payload p);

// EtherNet/IP encapsulation (CIP Vol. 2, 2-3): 24-octet headers of a known
// command with the data length after them, options zero; RegisterSession's
// protocol version 1, ListIdentity's identity item, the common packet
// format of SendRRData / SendUnitData tiling its data.
bool enip_encapsulation(Payload p);

// BACnet/IP (ASHRAE 135 Annex J): BVLC type 0x81, a function 0-12, the
// length = the datagram; a BVLC of its function's size, or an NPDU of
// version 1 with its reserved bits zero, addresses as its control says,
// then a network message or an APDU of a known type and service.
bool bacnet_ip(Payload p);

// IEC 60870-5-104 (IEC 60870-5-104 5): APDUs 0x68 + length tiling the
// payload; U frames STARTDT / STOPDT / TESTFR act or con, S frames, and
// I frames whose ASDU has a known type identification and cause.
bool iec104_apdus(Payload p);

}  // namespace ghostports::framed

// SPDX-License-Identifier: GPL-2.0-or-later
// Matchers of the signature table for what devices and exporters send to a
// collector or a constrained server: CoAP, NetFlow v5 / v9 and IPFIX. Each
// walks the whole datagram (or TCP message stream) as its specification
// lays it out, every length agreeing; the rows are in signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

// CoAP (RFC 7252 3): a request (CON/NON, method 0.01-0.07) or a response
// (class 2/4/5) whose options are registered, ascending, of their lengths,
// and whose payload agrees with its Content-Format; empty messages and
// bare acknowledgements say too little and are not named.
bool coap_message(Payload p);
// NetFlow v5 (Cisco): a 24-octet header, count records of 48 octets = the datagram.
bool netflow_v5(Payload p);
// NetFlow v9 (RFC 3954 5): a 20-octet header, FlowSets whose lengths tile the datagram.
bool netflow_v9(Payload p);
// IPFIX (RFC 7011 3): messages whose length field tiles the payload, sets tiling each message.
bool ipfix_messages(Payload p);

}  // namespace ghostports::framed

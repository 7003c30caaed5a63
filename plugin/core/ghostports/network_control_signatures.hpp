// SPDX-License-Identifier: GPL-2.0-or-later
// Binary rows of the signature table for the control planes of networks:
// a switch and its controller (OpenFlow), routers' liveness (BFD), a
// mobile core's tunnels (GTPv1-C, GTPv2-C), web caches asking each other
// (ICP), a SIP proxy steering its media relay (rtpengine), routers fed
// validated origins (RPKI-RTR), a mobile network's IP links (Osmocom's
// IPA multiplex), MikroTik's MAC-Telnet and session announcements (SAP).
// Each checks the whole message as its specification lays it out (a version, message types of a closed set, the length
// = the message, elements tiling it); the rows are in signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

// OpenFlow 1.0-1.5 (the switch specifications, "OpenFlow header"):
// messages of a version 1-6, a type of that version, a length >= 8 tiling
// the payload (the last may be cut); the first a HELLO of 1.3 or later
// with its version bitmap (the header's version in it) or a FEATURES_REPLY
// of its size. A bare 8-octet HELLO or FEATURES_REQUEST is too little.
bool openflow_messages(Payload p);

// BFD control packets (RFC 5880 4.1): version 1, a diagnostic 0-8, the
// multipoint bit clear, a detect multiplier, the length = the datagram
// (24, or with its authentication section), a discriminator, intervals of
// at most a minute; "your discriminator" zero only while Down.
bool bfd_control(Payload p);

// GTPv1-C (3GPP TS 29.060 6-7): version 1, protocol type 1, the sequence
// number present, a control message type, the length = the rest, its
// information elements tiling it (TV of their fixed sizes, TLV).
bool gtpv1_control(Payload p);
// GTPv2-C (3GPP TS 29.274 5-8): version 2, a known message type, the
// length = the rest, TEID present as the type requires, one IE or more
// (type, length, spare + instance) tiling it.
bool gtpv2_control(Payload p);

// ICP v2 / v3 (RFC 2186): a known opcode, the message length = the
// datagram, options of the two defined, then the URL (after the
// requester's address in a query) ended by NUL.
bool icp_message(Payload p);

// rtpengine's control protocol ("ng", as Kamailio and OpenSIPS speak it):
// "<cookie> <bencoded dictionary>", the dictionary a command of
// rtpengine's (ping, offer, answer, delete, query, list, start recording...)
// or a result (pong, ok, error).
bool rtpengine_ng(Payload p);

// RPKI to Router (RFC 6810, RFC 8210 5): PDUs of one version 0-2, a type
// of that version, each its fixed length (prefixes: flags 0-1, prefix and
// maximum lengths in order within the family, a zero octet; a router key
// or an error report of its own lengths), tiling the payload.
bool rpki_rtr_pdus(Payload p);

// The IPA multiplex (ip.access; Osmocom's libosmo-abis, Wireshark's
// gsm_ipa): length (2) + stream id messages tiling the payload, at least
// one of the CCM stream (PING, PONG, ID_ACK alone; ID_GET's tag requests;
// ID_RESP's tagged values) or of Osmocom's extension (a CTRL command
// GET / SET / TRAP / *_REPLY / ERROR with its id, GSUP).
bool ipa_messages(Payload p);

// MikroTik MAC-Telnet (mactelnet's protocol.h, Wireshark's mactelnet):
// version 1, a packet type of the four, two distinct non-zero MAC
// addresses, the client type 0x0015 where the sender puts it, a counter;
// a data packet whose control packets (magic 56 34 12 FF, a defined type,
// their lengths) tile the rest. Session start, ack and end are the bare
// 22-octet header: too little to name.
bool mactelnet_packet(Payload p);

// SAP (RFC 2974 6): version 1, the reserved bit clear, neither encrypted
// nor compressed, the originating source of its address type, the
// authentication data, an optional NUL-ended payload type, then an SDP
// description ("v=0", an "o=" line).
bool sap_announcement(Payload p);

}  // namespace ghostports::framed

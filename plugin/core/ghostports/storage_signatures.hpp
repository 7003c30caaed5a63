// SPDX-License-Identifier: GPL-2.0-or-later
// Binary rows of the signature table for storage and archive services:
// medical images (DICOM's upper layer), a distributed object store's
// daemons talking (Ceph's messenger) and a SAN's name service (iSNS).
// Each checks the whole message as its specification lays it out (a
// version or banner, PDU types of a closed set, the length = the message,
// items tiling it); the rows are in signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

// DICOM upper layer (PS3.8 9.3): an A-ASSOCIATE-RQ / -AC (protocol
// version 1, two AE titles of printable ASCII, 32 reserved zero octets,
// the application context item 1.2.840.10008.3.1.1.1 first, items of the
// PDU's kind tiling the length) or P-DATA-TF PDUs whose PDVs (odd
// context id, control header 0-3) tile each PDU; PDUs tile the payload.
// An A-ASSOCIATE-RJ alone (10 octets) is also a Modbus/TCP response: not
// evidence.
bool dicom_pdus(Payload p);

// Ceph's messenger, version 1 (msg/async/ProtocolV1): the banner
// "ceph v027", alone or followed by one or two legacy entity addresses
// (136 octets each, an address family of none / IPv4 / IPv6).
bool ceph_msgr1_banner(Payload p);
// Version 2 (doc/dev/msgr2.rst): "ceph v2" LF, the little-endian length 16
// of the two feature words that follow.
bool ceph_msgr2_banner(Payload p);

// iSNSP (RFC 4171 5.1): version 1, a defined request or response function,
// the PDU length = the rest (a multiple of 4), flags of the six defined
// with exactly one of client / server, a response's status, then
// tag-length-value attributes (lengths multiples of 4) tiling it.
bool isns_pdu(Payload p);

}  // namespace ghostports::framed

// SPDX-License-Identifier: GPL-2.0-or-later
// Binary rows of the signature table for storage and archive services:
// medical images (DICOM's upper layer), a distributed object store's
// daemons talking (Ceph's messenger), a SAN's name service (iSNS) and
// library catalogues (Z39.50).
// Each checks the whole message as its specification lays it out (a
// version or banner, PDU types of a closed set, the length = the message,
// items tiling it); the rows are in signatures.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

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

// Z39.50 (ANSI/NISO Z39.50-2003, ISO 23950; YAZ's zoom and ztest): one
// BER PDU, the whole payload, an InitializeRequest [20] or
// InitializeResponse [21] whose fields are context-tagged TLVs of definite
// lengths tiling it, with protocolVersion [3], options [4],
// preferredMessageSize [5] and exceptionalRecordSize [6] (a response's
// result [12] too).
bool z3950_init(Payload p);

// What an Initialize PDU (z3950_init) carries in the clear: the
// implementation's name [111] and version [112], and idAuthentication [7]
// as an idPass's userId [1] / password [2] or an "open" string.
struct Z3950Init {
    std::string_view implementation_name, implementation_version;
    std::string_view user, password, open;  // empty when absent
};
std::optional<Z3950Init> z3950_init_fields(Payload p);

}  // namespace ghostports::framed

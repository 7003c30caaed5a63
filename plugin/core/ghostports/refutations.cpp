// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/refutations.hpp"

#include "core/ghostports/ber.hpp"
#include "core/ghostports/framed_signatures.hpp"
#include "core/ghostports/wire_reading.hpp"

namespace ghostports {
namespace {

using Payload = std::span<const std::uint8_t>;

// "AMQP" and four octets that are none of the headers AMQP defines (0-8, 0-9, 0-9-1, 1.0 and its TLS / SASL
// layers: framed_signatures.cpp).
bool unknown_amqp_header(Payload p) {
    return p.size() == 8 && framed::has_at(p, 0, "AMQP") && !framed::amqp_protocol_header(p);
}

// An LDAPMessage (RFC 4511 4.1.1) whose whole length agrees, a messageID, and a bindRequest (4.2) whose version
// is 0 or past 3: the protocol defines versions 1 to 3 only.
bool ldap_bind_of_unknown_version(Payload p) {
    std::size_t at = 0, begin = 0, end = 0, id_begin = 0, id_end = 0, op_begin = 0, op_end = 0;
    if (p.size() < 10 || !ber::tlv(p, at, 0x30, p.size(), begin, end) || end != p.size()) return false;
    at = begin;
    if (!ber::tlv(p, at, 0x02, end, id_begin, id_end) || id_end == id_begin || id_end - id_begin > 4) return false;
    if (!ber::tlv(p, at, 0x60, end, op_begin, op_end) || op_end != end || op_end - op_begin < 3) return false;
    return p[op_begin] == 0x02 && p[op_begin + 1] == 0x01 && (p[op_begin + 2] == 0 || p[op_begin + 2] > 3);
}

}  // namespace

const char *refuted_protocol(std::span<const std::uint8_t> payload, Transport transport) {
    if (transport == Transport::Tcp && unknown_amqp_header(payload)) return "AMQP";
    if (ldap_bind_of_unknown_version(payload)) return "LDAP";
    return nullptr;
}

}  // namespace ghostports

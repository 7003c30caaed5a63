// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/refutations.hpp"

#include "core/ghostports/framed_signatures.hpp"
#include "core/ghostports/wire_reading.hpp"

namespace ghostports {
namespace {

using Payload = std::span<const std::uint8_t>;
using framed::be16;

// "AMQP" and four octets that are none of the headers AMQP defines (0-8, 0-9, 0-9-1, 1.0 and its TLS / SASL
// layers: framed_signatures.cpp).
bool unknown_amqp_header(Payload p) {
    return p.size() == 8 && framed::has_at(p, 0, "AMQP") && !framed::amqp_protocol_header(p);
}

// A BER length at `at` (short form, or long form of 1-2 octets): the value and where the content starts.
bool ber_length(Payload p, std::size_t &at, std::size_t &length) {
    if (at >= p.size()) return false;
    const std::uint8_t first = p[at++];
    if (first < 0x80) {
        length = first;
    } else if (first == 0x81 && at < p.size()) {
        length = p[at++];
    } else if (first == 0x82 && at + 1 < p.size()) {
        length = be16(p, at);
        at += 2;
    } else {
        return false;
    }
    return length <= p.size() - at;
}

// An LDAPMessage (RFC 4511 4.1.1) whose whole length agrees, a messageID, and a bindRequest (4.2) whose version
// is 0 or past 3: the protocol defines versions 1 to 3 only.
bool ldap_bind_of_unknown_version(Payload p) {
    std::size_t at = 1, length = 0;
    if (p.size() < 10 || p[0] != 0x30 || !ber_length(p, at, length) || at + length != p.size()) return false;
    if (p[at] != 0x02) return false;  // messageID INTEGER
    ++at;
    if (!ber_length(p, at, length) || length < 1 || length > 4) return false;
    at += length;
    if (at >= p.size() || p[at] != 0x60) return false;  // bindRequest [APPLICATION 0]
    ++at;
    if (!ber_length(p, at, length) || at + length != p.size() || length < 3) return false;
    return p[at] == 0x02 && p[at + 1] == 0x01 && (p[at + 2] == 0 || p[at + 2] > 3);
}

}  // namespace

const char *refuted_protocol(std::span<const std::uint8_t> payload, Transport transport) {
    if (transport == Transport::Tcp && unknown_amqp_header(payload)) return "AMQP";
    if (ldap_bind_of_unknown_version(payload)) return "LDAP";
    return nullptr;
}

}  // namespace ghostports

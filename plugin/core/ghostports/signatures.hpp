// Light signature checks that name a well-known protocol from the first
// octets of a payload, for traffic that sits on a port not its own.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports {

enum class KnownProtocol : std::uint8_t { None, Tls, Http, Ssh };

struct ProtocolSignature {
    KnownProtocol protocol;
    const char *display_name;  // for messages: "TLS"
    const char *dissector;     // Wireshark dissector handle name
};

// The protocol whose signature the payload starts with, or None.
KnownProtocol identify_payload(std::span<const std::uint8_t> payload);

const ProtocolSignature &protocol_signature(KnownProtocol protocol);

}  // namespace ghostports

#include "core/ghostports/signatures.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace ghostports {
namespace {

constexpr std::array kSignatures{
    ProtocolSignature{KnownProtocol::None, "unknown", nullptr},
    ProtocolSignature{KnownProtocol::Tls, "TLS", "tls"},
    ProtocolSignature{KnownProtocol::Http, "HTTP", "http"},
    ProtocolSignature{KnownProtocol::Ssh, "SSH", "ssh"},
};

bool starts_with(std::span<const std::uint8_t> payload, std::string_view prefix) {
    return payload.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), payload.begin());
}

// A TLS (or SSL 3.0) record header: content type handshake/alert/CCS/data,
// version 3.0-3.4, a record length a record may have.
bool is_tls_record(std::span<const std::uint8_t> p) {
    if (p.size() < 5) return false;
    const bool type = p[0] >= 0x14 && p[0] <= 0x17;
    const bool version = p[1] == 0x03 && p[2] <= 0x04;
    const unsigned length = static_cast<unsigned>(p[3] << 8 | p[4]);
    return type && version && length > 0 && length <= 0x4800;
}

bool is_http(std::span<const std::uint8_t> p) {
    static constexpr std::string_view kRequestLines[] = {"GET ",     "POST ",  "HEAD ",    "PUT ",  "DELETE ",
                                                         "OPTIONS ", "PATCH ", "CONNECT ", "TRACE "};
    if (starts_with(p, "HTTP/1.") || starts_with(p, "HTTP/2")) return true;
    for (std::string_view method : kRequestLines)
        if (starts_with(p, method)) return true;
    return false;
}

}  // namespace

KnownProtocol identify_payload(std::span<const std::uint8_t> payload) {
    if (is_tls_record(payload)) return KnownProtocol::Tls;
    if (is_http(payload)) return KnownProtocol::Http;
    if (starts_with(payload, "SSH-")) return KnownProtocol::Ssh;
    return KnownProtocol::None;
}

const ProtocolSignature &protocol_signature(KnownProtocol protocol) {
    return kSignatures[static_cast<std::size_t>(protocol)];
}

}  // namespace ghostports
